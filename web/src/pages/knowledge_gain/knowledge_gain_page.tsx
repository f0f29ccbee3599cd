import { getKnowledgeGain } from '../../api/client';
import { useTranslation } from '../../i18n';
import { formatNumber } from '../../components/format';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { DataTable } from '../../components/data_table';
import { isDrop } from '../../components/signals';
import { Chart } from '../../components/chart';
import { useCallback } from 'preact/hooks';
import type { KnowledgeGain } from '../../api/client';

// What every donor asks for: the pre-test against the post-test, with n and a significance test.
// Observers see the aggregate only; coordinators and instructors also see each participant. A
// negative mean gain, and each person whose post-test fell below their pre-test, is flagged.
export function KnowledgeGainPage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const report = useResource(() => getKnowledgeGain(programme), [programme]);
  const number = (value: number | null | undefined, digits = 1) => formatNumber(value, language, digits);
  const percent = (share: number) => `${number(share * 100)} %`;
  const p = (value: number) => (value < 0.001 ? `< ${number(0.001, 3)}` : `= ${number(value, 3)}`);

  return (
    <article>
      <h1>{t('gain.title')}</h1>
      <Loaded resource={report}>
        {(gain) => {
          const drops = gain.participants.filter((row) => isDrop(row.gain));
          return <>
            {isDrop(gain.mean_gain) && <p class="signal signal-bad" role="note">{t('gain.negative_mean')}</p>}
            {drops.length > 0 && <p class="signal" role="note">{t('gain.drop_signal', { count: drops.length })}</p>}
            <dl class="facts">
              <dt>{t('gain.n')}</dt><dd>{gain.n}</dd>
              <dt>{t('gain.mean_pre')}</dt><dd>{number(gain.mean_pre)}</dd>
              <dt>{t('gain.mean_post')}</dt><dd>{number(gain.mean_post)}</dd>
              <dt>{t('gain.mean_gain')}</dt><dd class={isDrop(gain.mean_gain) ? 'drop' : undefined}>{number(gain.mean_gain)}</dd>
              <dt>{t('gain.normalised')}</dt><dd>{number(gain.mean_normalised_gain, 2)}</dd>
              <dt>{t('gain.improved')}</dt><dd>{percent(gain.share_improved)}</dd>
              <dt>{t('gain.at_pass_mark', { mark: gain.pass_mark })}</dt><dd>{percent(gain.share_post_at_pass_mark)}</dd>
              <dt>{t('gain.test')}</dt>
              <dd>{t('gain.test_result', { n: gain.wilcoxon_signed_rank.n, z: number(gain.wilcoxon_signed_rank.z, 2), p: p(gain.wilcoxon_signed_rank.p_value) })}</dd>
            </dl>
            {gain.participants.length > 0 && <div class="chart-grid"><PrePostChart gain={gain} /><GainHistogram gain={gain} /></div>}
            {gain.participants.length === 0 && gain.n > 0 && <p class="muted">{t('gain.aggregate_only')}</p>}
            {gain.participants.length > 0 && (
              <DataTable caption={t('gain.by_participant')} rows={gain.participants} rowKey={(row) => row.enrollment_id}
                columns={[
                  { key: 'name', header: t('participants.name'), rowHeader: true, sortable: true, value: (row) => `${row.family_names}, ${row.given_names}` },
                  { key: 'pre', header: t('gain.pre'), numeric: true, decimals: 1, sortable: true, value: (row) => row.pre },
                  { key: 'post', header: t('gain.post'), numeric: true, decimals: 1, sortable: true, value: (row) => row.post },
                  { key: 'gain', header: t('gain.gain'), numeric: true, decimals: 1, sortable: true, value: (row) => row.gain,
                    cellClass: (row) => (isDrop(row.gain) ? 'drop' : undefined),
                    render: (row) => <>{number(row.gain)}{isDrop(row.gain) && <> ↓ <span class="visually-hidden">{t('gain.drop')}</span></>}</> },
                ]} />
            )}
          </>;
        }}
      </Loaded>
    </article>
  );
}

type Pair = KnowledgeGain['participants'][number];

// Each person's post-test against their pre-test: above the diagonal, they learned.
function PrePostChart({ gain }: { gain: KnowledgeGain }) {
  const { t, language } = useTranslation();
  const number = (value: number) => formatNumber(value, language, 1);
  const draw = useCallback((Plot: typeof import('@observablehq/plot'), width: number) => Plot.plot({
    width, height: Math.min(360, width), marginLeft: 40, marginBottom: 36,
    x: { label: t('gain.pre'), domain: [0, 100], grid: true },
    y: { label: t('gain.post'), domain: [0, 100], grid: true },
    marks: [
      Plot.line([[0, 0], [100, 100]], { stroke: 'var(--muted)', strokeDasharray: '4 3' }),
      Plot.dot(gain.participants, { x: 'pre', y: 'post', r: 3.5, fill: (d: Pair) => (isDrop(d.gain) ? 'var(--error)' : 'var(--accent)'),
        title: (d: Pair) => `${d.given_names} ${d.family_names}: ${number(d.pre)} → ${number(d.post)}` }),
    ],
  }), [gain, language]);
  return <Chart caption={t('gain.chart_pre_post')} draw={draw}
    summary={<p>{t('gain.chart_pre_post_summary', { above: gain.participants.filter((d) => d.post > d.pre).length, n: gain.participants.length })}</p>} />;
}

// How the gains are spread, in bins of five points.
function GainHistogram({ gain }: { gain: KnowledgeGain }) {
  const { t, language } = useTranslation();
  const draw = useCallback((Plot: typeof import('@observablehq/plot'), width: number) => Plot.plot({
    width, height: 240, marginLeft: 40, marginBottom: 36,
    x: { label: t('gain.gain_axis') },
    y: { label: t('gain.people_axis'), grid: true },
    marks: [
      Plot.rectY(gain.participants, { ...Plot.binX({ y: 'count' }, { x: 'gain', interval: 5 }), fill: 'var(--accent)', inset: 1 }),
      Plot.ruleY([0]),
      Plot.ruleX([0], { stroke: 'var(--muted)' }),
    ],
  }), [gain, language]);
  return <Chart caption={t('gain.chart_histogram')} draw={draw}
    summary={<p>{t('gain.chart_histogram_summary', { mean: formatNumber(gain.mean_gain, language, 1), n: gain.participants.length })}</p>} />;
}
