import { useCallback, useEffect, useState } from 'preact/hooks';
import { confirmBestProject, getRanking, problemText, type Ranking, type User, coordinates } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Skeleton } from '../../components/skeleton';
import { localeOf } from '../../components/format';
import { agreementBand } from '../../components/signals';
import { DataTable } from '../../components/data_table';
import { Button } from '../../components/button';
import { Chart } from '../../components/chart';

// The nationwide ranking, raw and calibrated side by side, with the jury's agreement and the
// projects that need a further review; per region on demand. Computed by the server every time.
export function RankingPage({ programme, user }: { programme: number; user: User }) {
  const { t, language } = useTranslation();
  const [order, setOrder] = useState<'raw' | 'calibrated'>('calibrated');
  const [region, setRegion] = useState('');
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState('');
  useEffect(() => { getRanking(programme, order).then(setRanking, (error) => setMessage(problemText(error, t('error.generic')))); }, [programme, order]);

  const locale = localeOf(language);
  const number = (value: number | null | undefined, digits = 2) => (value == null ? '—' : value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  const confirm = async (project: number) => {
    setMessage('');
    try { setRanking(await confirmBestProject(programme, project)); setSaved(t('ranking.confirmed_saved')); setOrder('calibrated'); } catch (error) { setMessage(problemText(error, t('error.generic'))); }
  };
  if (!ranking) return <article>{message ? <p role="alert">{message}</p> : <Skeleton lines={6} />}</article>;

  const regions = [...new Map(ranking.projects.map((project) => [project.region.code, project.region.name])).entries()];
  const shown = region ? ranking.projects.filter((project) => project.region.code === region) : ranking.projects;
  const rank = (project: Ranking['projects'][number], kind: 'raw' | 'calibrated') =>
    region ? project[`region_rank_${kind}`] : project[`rank_${kind}`];
  const proposed = ranking.projects.find((project) => project.project_id === ranking.best_project.proposed);
  const confirmed = ranking.projects.find((project) => project.project_id === ranking.best_project.confirmed);
  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('ranking.title')}</h1>
      <div class="filters">
        <label>
          {t('ranking.order')}
          <select value={order} onChange={(event) => setOrder((event.target as HTMLSelectElement).value as 'raw' | 'calibrated')}>
            <option value="calibrated">{t('ranking.calibrated')}</option>
            <option value="raw">{t('ranking.raw')}</option>
          </select>
        </label>
        <label>
          {t('ranking.scope')}
          <select value={region} onChange={(event) => setRegion((event.target as HTMLSelectElement).value)}>
            <option value="">{t('ranking.nationwide')}</option>
            {regions.map(([code, name]) => <option key={code} value={code}>{name || code}</option>)}
          </select>
        </label>
      </div>
      <dl class="facts">
        <dt>{t('ranking.agreement')}</dt>
        <dd>
          {ranking.agreement.alpha == null ? t('ranking.agreement_none') : <>
            {t('ranking.alpha', { alpha: number(ranking.agreement.alpha, 3), n: ranking.agreement.projects })}
            <span class={`signal signal-${{ good: 'good', tentative: 'warn', poor: 'bad' }[agreementBand(ranking.agreement.alpha)]}`}>
              {t(`ranking.band.${agreementBand(ranking.agreement.alpha)}`)}
            </span>
          </>}
        </dd>
        <dt>{t('ranking.threshold')}</dt><dd>{number(ranking.agreement.disagreement_threshold, 0)}</dd>
      </dl>
      {message && <p role="alert">{message}</p>}
      {saved && <p role="status">{saved}</p>}
      {/* In the server's order (the chosen one); the ranks and scores as numbers, right-aligned. */}
      <DataTable caption={region ? t('ranking.in_region', { region: regions.find(([code]) => code === region)?.[1] ?? region }) : t('ranking.nationwide')}
        rows={shown} rowKey={(project) => project.project_id}
        columns={[
          { key: 'project', header: t('ranking.project'), rowHeader: true, value: (project) => project.team,
            render: (project) => <><a href={`/programmes/${programme}/ranking/${project.project_id}`}>{project.team}</a><div class="muted">{project.title}</div></> },
          { key: 'rank_raw', header: t('ranking.rank_raw'), numeric: true, value: (project) => rank(project, 'raw') },
          { key: 'rank_calibrated', header: t('ranking.rank_calibrated'), numeric: true, value: (project) => rank(project, 'calibrated') },
          { key: 'raw', header: t('ranking.score_raw'), numeric: true, decimals: 2, value: (project) => project.raw_score },
          { key: 'calibrated', header: t('ranking.score_calibrated'), numeric: true, decimals: 2, value: (project) => project.calibrated_score },
          { key: 'reviews', header: t('ranking.reviews'), numeric: true, value: (project) => project.reviews },
          { key: 'flag', header: t('ranking.flag'), value: (project) => (project.needs_further_review ? t('ranking.further_review', { spread: number(project.calibrated_spread, 1) }) : ''),
            cellClass: (project) => (project.needs_further_review ? 'warn' : undefined) },
        ]} />
      <RawCalibratedChart projects={shown} />
      <section>
        <h2>{t('ranking.best')}</h2>
        {confirmed && <p>{t('ranking.confirmed', { team: confirmed.team })}</p>}
        {proposed && !confirmed && <p>{t('ranking.proposed', { team: proposed.team })}</p>}
        {!proposed && !confirmed && <p>{t('ranking.no_proposal')}</p>}
        {proposed && coordinates(user, programme) && proposed.project_id !== ranking.best_project.confirmed && (
          <Button onClick={() => confirm(proposed.project_id)}>{t('ranking.confirm', { team: proposed.team })}</Button>
        )}
      </section>
      <section>
        <h2>{t('ranking.jurors')}</h2>
        <DataTable caption={t('ranking.jurors')} rows={ranking.jurors} rowKey={(juror) => juror.user_id}
          columns={[
            { key: 'juror', header: t('ranking.juror'), rowHeader: true, sortable: true, value: (juror) => juror.name },
            { key: 'reviews', header: t('ranking.reviews'), numeric: true, sortable: true, value: (juror) => juror.reviews },
            { key: 'mean', header: t('ranking.mean'), numeric: true, decimals: 1, sortable: true, value: (juror) => juror.mean },
            { key: 'sd', header: t('ranking.sd'), numeric: true, decimals: 1, sortable: true, value: (juror) => juror.sd },
          ]} />
        <p class="muted">{t('ranking.method')}</p>
      </section>
    </article>
  );
}

// Each project's raw score and its score calibrated for the jurors' severity, joined by a line:
// the calibration's effect at a glance. Drawn by Observable Plot, loaded by the pages that chart.
function RawCalibratedChart({ projects }: { projects: Ranking['projects'] }) {
  const { t, language } = useTranslation();
  const locale = localeOf(language);
  const score = (value: number | null | undefined) => (value == null ? '—' : value.toLocaleString(locale, { maximumFractionDigits: 2 }));
  const data = projects.filter((project) => project.raw_score != null && project.calibrated_score != null)
    .map((project) => ({ team: project.team, raw: project.raw_score!, calibrated: project.calibrated_score! }));
  const draw = useCallback((Plot: typeof import('@observablehq/plot'), width: number) => {
    // Team names cut to the margin on a phone; the list under the chart has them whole.
    const margin = Math.min(200, width / 3);
    const fits = Math.floor(margin / 6.5);
    return Plot.plot({
    width, height: 50 + 30 * data.length, marginLeft: margin,
    x: { label: t('ranking.chart_axis'), grid: true },
    y: { label: null, domain: data.map((d) => d.team), tickFormat: (team: string) => (team.length > fits ? `${team.slice(0, fits - 1)}…` : team) },
    marks: [
      Plot.link(data, { y1: 'team', y2: 'team', x1: 'raw', x2: 'calibrated', stroke: 'var(--muted)' }),
      Plot.dot(data, { y: 'team', x: 'raw', r: 5, stroke: 'var(--accent)', fill: 'var(--surface)', title: (d: (typeof data)[number]) => `${d.team} · ${t('ranking.score_raw')}: ${score(d.raw)}` }),
      Plot.dot(data, { y: 'team', x: 'calibrated', r: 5, fill: 'var(--accent)', title: (d: (typeof data)[number]) => `${d.team} · ${t('ranking.score_calibrated')}: ${score(d.calibrated)}` }),
    ],
    });
  }, [JSON.stringify(data), language]);
  if (!data.length) return null;
  const legend = (
    <p class="chart-legend" aria-hidden="true">
      <span class="dot-key dot-key-open" /> {t('ranking.score_raw')} <span class="dot-key" /> {t('ranking.score_calibrated')}
    </p>
  );
  return <Chart caption={t('ranking.chart_caption')} draw={draw} legend={legend}
    summary={<ul>{data.map((d) => <li key={d.team}>{d.team}: {t('ranking.score_raw')} {score(d.raw)}, {t('ranking.score_calibrated')} {score(d.calibrated)}</li>)}</ul>} />;
}
