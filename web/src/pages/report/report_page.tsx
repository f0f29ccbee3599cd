import { useCallback, useState } from 'preact/hooks';
import { coordinates, getIndicators, indicatorsExportUrl, type Count, type CountTable, type Indicators, type User } from '../../api/client';
import { useTranslation, type Language } from '../../i18n';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { Skeleton } from '../../components/skeleton';
import { Button, LinkButton } from '../../components/button';
import { EmptyState } from '../../components/empty_state';
import { Stat, Stats } from '../../components/stat';
import { Chart } from '../../components/chart';
import { formatDate, formatNumber, formatPercent } from '../../components/format';

type Plot = typeof import('@observablehq/plot');
type Bar = { label: string; value: number | null; mark?: string };

// The closing report (issue 14): every indicator computed from the data, with charts drawn as SVG
// (Observable Plot, loaded by this page only) and their figures also as tables. The donor
// (observer) always reads the version for sharing; the coordinator may switch to it. Printing
// gives a clean PDF (styles.css, @media print).
export function ReportPage({ programme, user }: { programme: number; user: User }) {
  const { t } = useTranslation();
  const coordinator = coordinates(user, programme);
  const [shared, setShared] = useState(!coordinator);
  const report = useResource(() => getIndicators(programme, shared), [programme, shared]);
  return (
    <article class="wide report">
      <h1>{t('report.title')}</h1>
      <div class="toolbar report-actions">
        {coordinator && (
          <label class="check">
            <input type="checkbox" checked={shared} onChange={(event) => setShared(event.currentTarget.checked)} />
            {t('report.shared_toggle')}
          </label>
        )}
        <div class="actions button-row">
          <Button variant="secondary" onClick={() => window.print()}>{t('report.print')}</Button>
          <LinkButton variant="secondary" download href={indicatorsExportUrl(programme, 'xlsx', shared)}>{t('report.export_xlsx')}</LinkButton>
          <LinkButton variant="secondary" download href={indicatorsExportUrl(programme, 'csv', shared)}>{t('report.export_csv')}</LinkButton>
        </div>
      </div>
      <Loaded resource={report} skeleton={<Skeleton lines={12} />}>
        {(loaded) => <ReportView report={loaded} />}
      </Loaded>
    </article>
  );
}

function ReportView({ report }: { report: Indicators }) {
  const { t, language } = useTranslation();
  const threshold = report.small_cell_threshold;
  if (!report.has_data) return <EmptyState title={t('report.empty_title')}><p>{t('report.empty_body')}</p></EmptyState>;
  const byInstitution = report.breakdowns.find((table) => table.key === 'by_institution');
  const bySex = report.breakdowns.find((table) => table.key === 'by_sex');
  return <>
    <p class="lede">{report.title[language]} · {formatDate(report.start_date, language)} – {formatDate(report.end_date, language)}</p>
    {threshold != null && <p class="signal" role="note">{t('report.suppression_note', { threshold })}</p>}
    {report.status !== 'closed' && <p class="muted">{t('report.not_closed')}</p>}
    <Stats label={t('report.headline')}>
      <Stat label={t('report.enrolled')} value={<CountText count={report.headline.enrolled} threshold={threshold} />} />
      <Stat label={t('report.completed')} value={<CountText count={report.headline.completed} threshold={threshold} />} />
      <Stat label={t('report.graduated')} value={<CountText count={report.headline.graduated} threshold={threshold} />} />
      <Stat label={t('report.withdrawn')} value={<CountText count={report.headline.withdrawn} threshold={threshold} />} />
    </Stats>

    <section class="report-section" aria-labelledby="report-people">
      <h2 id="report-people">{t('report.people')}</h2>
      <div class="chart-grid">
        {bySex && <StatusChart table={bySex} caption={t('report.chart_sex')} />}
        {byInstitution && <StatusChart table={byInstitution} caption={t('report.chart_institution')} />}
      </div>
      {report.breakdowns.map((table) => <CountTableView key={table.key} table={table} threshold={threshold} />)}
      <h3>{t('report.cross_tabs')}</h3>
      {report.cross_tabs.map((table) => <CountTableView key={table.key} table={table} threshold={threshold} />)}
    </section>

    <section class="report-section" aria-labelledby="report-attendance">
      <h2 id="report-attendance">{t('report.attendance')}</h2>
      {report.attendance.mean == null ? <EmptyState title={t('report.no_attendance')} /> : <>
        <Stats>
          <Stat label={t('report.attendance_mean')} value={formatPercent(report.attendance.mean, language)} />
          <Stat label={t('report.attendance_share', { threshold: report.attendance.threshold })} value={formatPercent(100 * (report.attendance.share_meeting_threshold ?? 0), language)} />
        </Stats>
        <AttendanceChart report={report} />
      </>}
    </section>

    <section class="report-section" aria-labelledby="report-gain">
      <h2 id="report-gain">{t('report.gain')}</h2>
      {!report.knowledge_gain ? <EmptyState title={t('report.no_gain')} /> : <>
        <Stats>
          <Stat label={t('gain.n')} value={report.knowledge_gain.n} />
          <Stat label={t('gain.mean_pre')} value={formatNumber(report.knowledge_gain.mean_pre, language, 1)} />
          <Stat label={t('gain.mean_post')} value={formatNumber(report.knowledge_gain.mean_post, language, 1)} />
          <Stat label={t('gain.mean_gain')} value={formatNumber(report.knowledge_gain.mean_gain, language, 1)}
            note={t('gain.test_result', { n: report.knowledge_gain.n, z: formatNumber(report.knowledge_gain.z, language, 2), p: report.knowledge_gain.p_value < 0.001 ? `< ${formatNumber(0.001, language, 3)}` : `= ${formatNumber(report.knowledge_gain.p_value, language, 3)}` })} />
        </Stats>
        <BarsChart caption={t('report.chart_gain')} bars={bars(report.knowledge_gain.distribution, language, threshold)} axis={t('report.people_axis')} vertical />
        <CountTableView table={report.knowledge_gain.distribution} threshold={threshold} />
      </>}
    </section>

    <section class="report-section" aria-labelledby="report-satisfaction">
      <h2 id="report-satisfaction">{t('report.satisfaction')}</h2>
      {report.satisfaction.questions.length === 0 ? <EmptyState title={t('report.no_survey')} /> : <>
        <p>{t('report.respondents', { count: report.satisfaction.respondents })}</p>
        {report.satisfaction.questions.map((question, index) => (
          <div key={index} class="report-question">
            <h3>{question.question[language]}</h3>
            <p>{t('report.question_mean', { n: question.n, mean: question.mean == null ? '—' : formatNumber(question.mean, language, 2) })}</p>
            <BarsChart caption={t('report.chart_answers')} bars={bars(question.answers, language, threshold)} axis={t('report.answers_axis')} vertical />
          </div>
        ))}
      </>}
    </section>

    <section class="report-section" aria-labelledby="report-gcm">
      <h2 id="report-gcm">{t('report.gcm')}</h2>
      {report.gcm.projects.length === 0 ? <EmptyState title={t('report.no_projects')} /> : <>
        <BarsChart caption={t('report.chart_gcm')} axis={t('report.projects_axis')}
          bars={report.gcm.objectives.map((objective) => ({ label: t('report.objective_short', { number: objective.number }), value: objective.projects }))} />
        <GcmMatrix report={report} />
      </>}
    </section>

    <section class="report-section" aria-labelledby="report-sdgs">
      <h2 id="report-sdgs">{t('report.sdgs')}</h2>
      {report.sdgs.length === 0 ? <p class="muted">{t('report.no_sdgs')}</p>
        : <ul class="tags">{report.sdgs.map((goal) => <li key={goal.number}>{t('report.sdg', { number: goal.number })}: {goal.name[language]}</li>)}</ul>}
    </section>
  </>;
}

// A count as the reader may see it: the figure, or why it is hidden.
function CountText({ count, threshold }: { count: Count; threshold: number | null | undefined }) {
  const { t, language } = useTranslation();
  if (count.count != null) return <>{formatNumber(count.count, language)}</>;
  if (count.suppressed === 'small') return <abbr title={t('report.hidden_small', { threshold })}>{`<${threshold}`}</abbr>;
  return <abbr title={t('report.hidden_complementary')}>x</abbr>;
}

function tableTitle(table: CountTable, t: (key: string) => string) { return t(`report.table.${table.key.startsWith('likert_') ? 'likert' : table.key}`); }

function CountTableView({ table, threshold }: { table: CountTable; threshold: number | null | undefined }) {
  const { t, language } = useTranslation();
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={tableTitle(table, t)}>
      <table class="count-table">
        <caption>{tableTitle(table, t)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`report.dimension.${table.row_dimension}`)}</th>
            {table.columns.map((column) => <th key={column.key} scope="col" class="numeric">{column.label[language]}</th>)}
            {table.row_totals && <th scope="col" class="numeric">{t('report.total')}</th>}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={row.key}>
              <th scope="row">{row.label[language]}</th>
              {table.cells[r].map((cell, c) => <td key={c} class="numeric"><CountText count={cell} threshold={threshold} /></td>)}
              {table.row_totals && <td class="numeric total"><CountText count={table.row_totals[r]} threshold={threshold} /></td>}
            </tr>
          ))}
        </tbody>
        {table.column_totals && (
          <tfoot>
            <tr>
              <th scope="row">{t('report.total')}</th>
              {table.column_totals.map((cell, c) => <td key={c} class="numeric"><CountText count={cell} threshold={threshold} /></td>)}
              {table.row_totals && table.grand_total && <td class="numeric"><CountText count={table.grand_total} threshold={threshold} /></td>}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

// A one-column table as bars: every category keeps its place; a hidden count is written where
// its bar would be ("<5", "x") instead of being drawn.
function bars(table: CountTable, language: Language, threshold: number | null | undefined): Bar[] {
  return table.rows.map((row, r) => {
    const cell = table.cells[r][0];
    return { label: row.label[language], value: cell.count ?? null, mark: cell.count != null ? undefined : cell.suppressed === 'small' ? `<${threshold}` : 'x' };
  });
}

function BarsChart({ caption, bars: data, axis, vertical = false }: { caption: string; bars: Bar[]; axis: string; vertical?: boolean }) {
  const { t, language } = useTranslation();
  const shown = data.filter((d) => d.value != null);
  const hidden = data.filter((d) => d.value == null);
  const draw = useCallback((Plot: Plot, width: number) => (vertical
    ? Plot.plot({
      width, height: 220, marginLeft: 40, marginBottom: 40,
      x: { label: null, domain: data.map((d) => d.label), tickRotate: data.length > 6 ? -30 : 0 },
      y: { label: axis, grid: true },
      marks: [
        Plot.barY(shown, { x: 'label', y: 'value', fill: 'var(--accent)', title: (d: Bar) => `${d.label}: ${d.value}` }),
        Plot.text(hidden, { x: 'label', y: 0, text: 'mark', dy: -8, fill: 'currentColor' }),
        Plot.ruleY([0]),
      ],
    })
    : Plot.plot({
      width, height: 40 + 24 * data.length, marginLeft: 60,
      x: { label: axis, grid: true },
      y: { label: null, domain: data.map((d) => d.label) },
      marks: [
        Plot.barX(shown, { y: 'label', x: 'value', fill: 'var(--accent)', title: (d: Bar) => `${d.label}: ${d.value}` }),
        Plot.text(hidden, { y: 'label', x: 0, text: 'mark', dx: 10, fill: 'currentColor' }),
        Plot.ruleX([0]),
      ],
    })), [JSON.stringify(data), language]);
  if (!shown.length) return <p class="muted">{t('report.chart_all_hidden')}</p>;
  return <Chart caption={caption} draw={draw} summary={<ul>{data.map((d) => <li key={d.label}>{d.label}: {d.value != null ? formatNumber(d.value, language) : d.mark}</li>)}</ul>} />;
}

// A category's short name for a chart's axis: an institution's acronym ("… (SENAFRONT)"), or
// the name cut to fit; the table beside the chart has the full names.
function shortLabel(label: string) {
  const acronym = /\(([^()]{2,12})\)$/.exec(label);
  if (acronym) return acronym[1];
  return label.length > 16 ? `${label.slice(0, 15)}…` : label;
}

// Enrolled and graduated per category: the graduates' bar drawn over the enrolled one (there are
// never more graduates than enrolled). Hidden counts are left out of the drawing.
function StatusChart({ table, caption }: { table: CountTable; caption: string }) {
  const { t, language } = useTranslation();
  const enrolled = table.columns.findIndex((column) => column.key === 'enrolled');
  const graduated = table.columns.findIndex((column) => column.key === 'graduated');
  const data = table.rows.map((row, r) => ({
    label: shortLabel(row.label[language]), name: row.label[language],
    enrolled: table.cells[r][enrolled].count, graduated: table.cells[r][graduated].count,
  })).filter((row) => row.enrolled != null || row.graduated != null);
  const draw = useCallback((Plot: Plot, width: number) => Plot.plot({
    width, height: 50 + 28 * data.length, marginLeft: 110,
    x: { label: t('report.people_axis'), grid: true },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      Plot.barX(data.filter((d) => d.enrolled != null), { y: 'label', x: 'enrolled', fill: 'var(--accent-soft)', stroke: 'var(--accent)', title: (d: (typeof data)[number]) => `${d.name} · ${table.columns[enrolled].label[language]}: ${d.enrolled}` }),
      Plot.barX(data.filter((d) => d.graduated != null), { y: 'label', x: 'graduated', fill: 'var(--accent)', insetTop: 6, insetBottom: 6, title: (d: (typeof data)[number]) => `${d.name} · ${table.columns[graduated].label[language]}: ${d.graduated}` }),
      Plot.ruleX([0]),
    ],
  }), [JSON.stringify(data), language]);
  if (!data.length) return <p class="muted">{t('report.chart_all_hidden')}</p>;
  const legend = (
    <p class="chart-legend" aria-hidden="true">
      <span class="swatch swatch-soft" /> {table.columns[enrolled].label[language]}
      <span class="swatch" /> {table.columns[graduated].label[language]}
    </p>
  );
  return <Chart caption={caption} draw={draw} legend={legend}
    summary={<ul>{data.map((d) => <li key={d.name}>{d.name}: {table.columns[enrolled].label[language]} {d.enrolled ?? '—'}, {table.columns[graduated].label[language]} {d.graduated ?? '—'}</li>)}</ul>} />;
}

function AttendanceChart({ report }: { report: Indicators }) {
  const { t, language } = useTranslation();
  const data = report.attendance.modules.flatMap((module) => (module.mean != null ? [{ label: `${module.position}`, title: module.title[language], value: module.mean }] : []));
  const draw = useCallback((Plot: Plot, width: number) => Plot.plot({
    width, height: 200, marginLeft: 40, marginBottom: 30,
    x: { label: t('report.module_axis'), domain: data.map((d) => d.label) },
    y: { label: '%', domain: [0, 100], grid: true },
    marks: [
      Plot.barY(data, { x: 'label', y: 'value', fill: 'var(--accent)', title: (d: (typeof data)[number]) => `${d.title}: ${formatPercent(d.value, language)}` }),
      Plot.ruleY([report.attendance.threshold], { stroke: 'currentColor', strokeDasharray: '4 3' }),
      Plot.ruleY([0]),
    ],
  }), [JSON.stringify(data), language]);
  if (!data.length) return null;
  return <Chart caption={t('report.chart_attendance', { threshold: report.attendance.threshold })} draw={draw}
    summary={<ul>{data.map((d) => <li key={d.label}>{d.label}. {d.title}: {formatPercent(d.value, language)}</li>)}</ul>} />;
}

function GcmMatrix({ report }: { report: Indicators }) {
  const { t, language } = useTranslation();
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={t('report.gcm_matrix')}>
      <table class="count-table gcm-matrix">
        <caption>{t('report.gcm_matrix')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.project')}</th>
            {report.gcm.objectives.map((objective) => <th key={objective.number} scope="col" class="numeric"><abbr title={objective.title[language]}>{objective.number}</abbr></th>)}
          </tr>
        </thead>
        <tbody>
          {report.gcm.projects.map((project, p) => (
            <tr key={p}>
              <th scope="row">{project.title}<span class="muted"> · {project.team}</span></th>
              {project.aligned.map((aligned, o) => <td key={o} class="numeric">{aligned ? <span aria-label={t('report.aligned')}>●</span> : ''}</td>)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('report.projects_per_objective')}</th>
            {report.gcm.objectives.map((objective) => <td key={objective.number} class="numeric">{objective.projects}</td>)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
