import { getKnowledgeGain } from '../../api/client';
import { useTranslation } from '../../i18n';
import { formatNumber } from '../../components/format';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { DataTable } from '../../components/data_table';
import { isDrop } from '../../components/signals';

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
