import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { getGradebook, gradebookExportUrl, type Gradebook, type GradebookQuery, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { DataTable, type Column, type Sort } from '../../components/data_table';
import { EmptyState } from '../../components/empty_state';
import { LinkButton } from '../../components/button';
import { Skeleton } from '../../components/skeleton';
import { formatNumber } from '../../components/format';
import { shortfallText } from '../../components/shortfalls';
import { useProgramme } from '../programme/programme_area';

type Row = Gradebook['rows'][number] & { order: number };
const STATUSES = ['enrolled', 'withdrawn', 'completed', 'graduated'] as const;
const SORTABLE = new Set(['name', 'team', 'institution', 'final_grade', 'attendance']);

// Every enrolment with its module grades, final grade, attendance and whether it meets the
// requirements, with every reason when it does not. The filters and the order live in the
// address, so a link (the dashboard's "at risk") opens the same view, and the export writes
// exactly the rows shown, in their order.
export function GradebookPage({ programme }: { programme: number; user: User }) {
  const { t } = useTranslation();
  const book = useResource(() => getGradebook(programme), [programme]);
  return (
    <article class="wide">
      <h1>{t('gradebook.title')}</h1>
      <Loaded resource={book} skeleton={<Skeleton lines={10} />}>{(loaded) => <GradebookView programme={programme} book={loaded} />}</Loaded>
    </article>
  );
}

function GradebookView({ programme, book }: { programme: number; book: Gradebook }) {
  const { t, language } = useTranslation();
  const { query, path, route } = useLocation();
  const info = useProgramme();
  const filters: GradebookQuery = {
    team: query.team || undefined, institution: query.institution || undefined, status: (query.status || undefined) as GradebookQuery['status'],
    requirements: (query.requirements || undefined) as GradebookQuery['requirements'],
    sort: (SORTABLE.has(query.sort) ? query.sort : 'name') as GradebookQuery['sort'], order: query.order === 'desc' ? 'desc' : 'asc',
  };
  const update = (change: Partial<GradebookQuery>) => {
    const next = { ...filters, ...change };
    const search = new URLSearchParams(Object.entries(next).filter(([key, value]) => value && !(key === 'sort' && value === 'name') && !(key === 'order' && value === 'asc')) as [string, string][]);
    route(`${path}${search.size ? `?${search}` : ''}`, true);
  };

  const rows: Row[] = useMemo(() => book.rows.map((row, order) => ({ ...row, order })), [book]);
  const teams = useMemo(() => [...new Set(book.rows.map((row) => row.team).filter(Boolean))].sort((a, b) => a.localeCompare(b, language)), [book, language]);
  const institutions = useMemo(() => [...new Set(book.rows.map((row) => row.institution).filter(Boolean))].sort((a, b) => a.localeCompare(b, language)), [book, language]);
  const shown = rows.filter((row) => (!filters.team || row.team === filters.team) && (!filters.institution || row.institution === filters.institution)
    && (!filters.status || row.status === filters.status) && (!filters.requirements || row.meets_requirements === (filters.requirements === 'met')));
  const decimals = book.policy.rounding_decimals;
  const failed = (row: Row, module: number) => row.shortfalls.some((gap) => (gap.kind === 'module_failed' || gap.kind === 'module_ungraded') && gap.module === module);

  const columns: Column<Row>[] = [
    { key: 'name', header: t('gradebook.name'), rowHeader: true, sortable: true, value: (row) => `${row.family_names}, ${row.given_names}`,
      compare: (a, b) => a.order - b.order,
      render: (row) => <a href={`/programmes/${programme}/participants/${row.enrollment_id}`}>{row.family_names}, {row.given_names}</a> },
    { key: 'institution', header: t('gradebook.institution'), sortable: true, value: (row) => row.institution },
    { key: 'team', header: t('gradebook.team'), sortable: true, value: (row) => row.team },
    { key: 'status', header: t('gradebook.status'), value: (row) => t(`programme.status.${row.status}`) },
    ...(info?.modules ?? []).map((module, m): Column<Row> => ({
      key: `module_${m + 1}`, header: <abbr title={module.title[language]}>{t('gradebook.module_short', { n: m + 1 })}</abbr>, numeric: true, decimals,
      value: (row) => row.module_grades[m], cellClass: (row) => (failed(row, m + 1) && row.status !== 'withdrawn' ? 'below' : undefined),
    })),
    { key: 'final_grade', header: t('gradebook.final_grade'), numeric: true, decimals, sortable: true, value: (row) => row.final_grade },
    { key: 'attendance', header: t('gradebook.attendance'), numeric: true, decimals, sortable: true, value: (row) => row.attendance,
      cellClass: (row) => (row.attendance != null && row.attendance < book.policy.attendance_threshold ? 'below' : undefined) },
    { key: 'requirements', header: t('gradebook.requirements'), value: (row) => (row.meets_requirements ? 1 : 0),
      render: (row) => row.meets_requirements ? <span class="ok">✓ {t('gradebook.met')}</span> : (
        <ul class="reasons">{row.shortfalls.map((gap, i) => <li key={i}>{shortfallText(gap, t, language)}</li>)}</ul>
      ) },
  ];
  const sort: Sort = { key: filters.sort ?? 'name', descending: filters.order === 'desc' };
  const meeting = shown.filter((row) => row.meets_requirements).length;

  return (
    <>
      <div class="filters" role="group" aria-label={t('gradebook.filters')}>
        <Filter label={t('gradebook.team')} value={filters.team} options={teams.map((team) => [team, team])} onChange={(team) => update({ team })} />
        <Filter label={t('gradebook.institution')} value={filters.institution} options={institutions.map((institution) => [institution, institution])}
          onChange={(institution) => update({ institution })} />
        <Filter label={t('gradebook.status')} value={filters.status} options={STATUSES.map((status) => [status, t(`programme.status.${status}`)])}
          onChange={(status) => update({ status: status as GradebookQuery['status'] })} />
        <Filter label={t('gradebook.requirements')} value={filters.requirements} options={[['met', t('gradebook.met')], ['unmet', t('gradebook.unmet')]]}
          onChange={(requirements) => update({ requirements: requirements as GradebookQuery['requirements'] })} />
      </div>
      <div class="toolbar">
        <p role="status">{t('gradebook.summary', { shown: formatNumber(shown.length, language), total: formatNumber(book.rows.length, language), meeting: formatNumber(meeting, language) })}</p>
        <p class="actions">
          <LinkButton variant="secondary" download href={gradebookExportUrl(programme, 'csv', filters)}>{t('gradebook.export_csv')}</LinkButton>
          <LinkButton variant="secondary" download href={gradebookExportUrl(programme, 'xlsx', filters)}>{t('gradebook.export_xlsx')}</LinkButton>
        </p>
      </div>
      <DataTable class="gradebook" caption={t('gradebook.caption', { threshold: formatNumber(book.policy.attendance_threshold, language), pass: formatNumber(book.policy.module_pass_mark, language) })}
        columns={columns} rows={shown} rowKey={(row) => row.enrollment_id} rowClass={(row) => (row.status === 'withdrawn' ? 'withdrawn' : undefined)}
        sort={sort} onSort={(next) => update({ sort: next.key as GradebookQuery['sort'], order: next.descending ? 'desc' : 'asc' })}
        pageSize={100} empty={<EmptyState title={t('gradebook.empty')} />} />
    </>
  );
}

// One filter: "all" (empty) or one of its values.
function Filter({ label, value, options, onChange }: { label: string; value: string | undefined; options: [string, string][]; onChange: (value: string | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <label>{label}
      <select value={value ?? ''} onChange={(event) => onChange((event.target as HTMLSelectElement).value || undefined)}>
        <option value="">{t('gradebook.all')}</option>
        {options.map(([code, text]) => <option key={code} value={code}>{text}</option>)}
      </select>
    </label>
  );
}
