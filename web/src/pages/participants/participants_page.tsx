import { useFieldLabel } from '../programme/programme_area';
import { useEffect, useState } from 'preact/hooks';
import {
  ApiError, coordinates, exportParticipantsUrl, getProgramme, listInstitutions, listParticipants, listSubdivisions, listTeams,
  type Institution, type Participant, type ParticipantQuery, type Programme, type SubdivisionReference, type Team, type User,
} from '../../api/client';
import { useTranslation } from '../../i18n';
import { useFailureToast } from '../../components/toast';
import { Button, LinkButton } from '../../components/button';
import { DataTable } from '../../components/data_table';

const PER_PAGE = 25;

// The roster: search that ignores accents, filters, sorting and pages; the same filters export.
export function ParticipantsPage({ programme: id, user }: { programme: number; user: User }) {
  const { t, language } = useTranslation();
  const fieldLabel = useFieldLabel();
  const failed = useFailureToast();
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [institutions, setInstitutions] = useState<Institution[]>([]);
  const [subdivisions, setSubdivisions] = useState<SubdivisionReference[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [query, setQuery] = useState<ParticipantQuery>({});
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<{ items: Participant[]; total: number } | null>(null);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    getProgramme(id).then((loaded) => {
      setProgramme(loaded);
      listSubdivisions(loaded.country).then((list) => setSubdivisions(list.items), failed);
    }, () => setFailure(t('error.generic')));
    listInstitutions().then((list) => setInstitutions(list.items), failed);
    listTeams(id).then((list) => setTeams(list.items), failed);
  }, [id]);

  // Typing waits a moment before asking the server: officials at border posts have slow links.
  useEffect(() => {
    const timer = setTimeout(() => { setQuery((current) => ({ ...current, q: search.trim() })); setPage(1); }, 300);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    listParticipants(id, page, PER_PAGE, query).then(
      (loaded) => { setResult(loaded); setFailure(''); },
      (error) => setFailure(error instanceof ApiError && error.problem ? error.problem.title : t('error.generic')),
    );
  }, [id, page, query]);

  const set = (key: keyof ParticipantQuery) => (event: Event) => {
    setQuery({ ...query, [key]: (event.target as HTMLSelectElement).value });
    setPage(1);
  };
  const pages = result ? Math.max(1, Math.ceil(result.total / PER_PAGE)) : 1;
  const manage = coordinates(user, id);

  return (
    <article>
      <p><a href={`/programmes/${id}`}>{t('participants.back')}</a></p>
      <h1>{t('participants.title')}</h1>
      {programme && <p class="muted">{programme.title[language]}</p>}
      {manage && (
        <p class="actions">
          <LinkButton href={`/programmes/${id}/import`}>{t('participants.import')}</LinkButton>
          <LinkButton href={`/programmes/${id}/participants/new`}>{t('participants.enrol')}</LinkButton>
          <LinkButton variant="secondary" href={`/programmes/${id}/invitations`}>{t('participants.invitations')}</LinkButton>
          <LinkButton variant="secondary" href={`/programmes/${id}/corrections`}>{t('participants.corrections')}</LinkButton>
          <LinkButton variant="secondary" href={exportParticipantsUrl(id, 'csv', query)} download>{t('participants.export_csv')}</LinkButton>
          <LinkButton variant="secondary" href={exportParticipantsUrl(id, 'xlsx', query)} download>{t('participants.export_xlsx')}</LinkButton>
        </p>
      )}
      <form class="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>{t('participants.search')}
          <input type="search" value={search} onInput={(event) => setSearch((event.target as HTMLInputElement).value)} placeholder={t('participants.search_hint')} />
        </label>
        <label>{t('participants.institution')}
          <select value={query.institution ?? ''} onChange={set('institution')}>
            <option value="">{t('participants.all')}</option>
            {institutions.map((institution) => <option key={institution.id} value={String(institution.id)}>{institution.acronym || institution.name[language]}</option>)}
          </select>
        </label>
        <label>{fieldLabel('subdivision')}
          <select value={query.province ?? ''} onChange={set('province')}>
            <option value="">{t('participants.all')}</option>
            {subdivisions.map((subdivision) => <option key={subdivision.code} value={subdivision.code}>{subdivision.name}</option>)}
          </select>
        </label>
        <label>{t('participants.level')}
          <select value={query.level ?? ''} onChange={set('level')}>
            <option value="">{t('participants.all')}</option>
            <option value="national">{t('programme.level.national')}</option>
            <option value="local">{t('programme.level.local')}</option>
          </select>
        </label>
        <label>{t('participants.sex')}
          <select value={query.sex ?? ''} onChange={set('sex')}>
            <option value="">{t('participants.all')}</option>
            {['female', 'male', 'other', 'undisclosed'].map((sex) => <option key={sex} value={sex}>{t(`participants.sex_value.${sex}`)}</option>)}
          </select>
        </label>
        <label>{t('participants.team')}
          <select value={query.team ?? ''} onChange={set('team')}>
            <option value="">{t('participants.all')}</option>
            <option value="0">{t('participants.no_team')}</option>
            {teams.map((team) => <option key={team.id} value={String(team.id)}>{team.name}</option>)}
          </select>
        </label>
        <label>{t('participants.status')}
          <select value={query.status ?? ''} onChange={set('status')}>
            <option value="">{t('participants.all')}</option>
            {['enrolled', 'withdrawn', 'completed', 'graduated'].map((status) => <option key={status} value={status}>{t(`programme.status.${status}`)}</option>)}
          </select>
        </label>
        <label>{t('participants.sort')}
          <select value={query.sort ?? 'name'} onChange={set('sort')}>
            {['name', 'institution', 'subdivision', 'team', 'status'].map((sort) => <option key={sort} value={sort}>{t(`participants.sort_by.${sort}`)}</option>)}
          </select>
        </label>
      </form>
      {failure && <p role="alert" class="error">{failure}</p>}
      {result && (
        <>
          <p role="status">{t('participants.found', { count: result.total })}</p>
          <DataTable caption={t('participants.roster_caption')} class="roster" rows={result.items} rowKey={(row) => row.enrollment_id}
            rowClass={(row) => (row.status === 'withdrawn' ? 'withdrawn' : undefined)} columns={[
              { key: 'name', header: t('participants.name'), rowHeader: true, value: (row) => `${row.family_names}, ${row.given_names}`,
                render: (row) => <a href={`/programmes/${id}/participants/${row.enrollment_id}`}>{row.family_names}, {row.given_names}</a> },
              { key: 'institution', header: t('participants.institution'), value: (row) => (row.institution ? row.institution.acronym || row.institution.name[language] : null) },
              { key: 'subdivision', header: fieldLabel('subdivision'), value: (row) => row.subdivision?.name },
              { key: 'level', header: t('participants.level'), value: (row) => t(`programme.level.${row.level}`) },
              { key: 'team', header: t('participants.team'), value: (row) => row.team?.name,
                render: (row) => <>{row.team?.name ?? '—'}{row.is_group_leader && <span class="badge">{t('programme.leader_badge')}</span>}</> },
              { key: 'status', header: t('participants.status'), value: (row) => t(`programme.status.${row.status}`) },
            ]} />
          <nav class="pager" aria-label={t('participants.pages')}>
            <Button variant="secondary" type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('participants.previous')}</Button>
            <span>{t('participants.page_of', { page, pages })}</span>
            <Button variant="secondary" type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>{t('participants.next')}</Button>
          </nav>
        </>
      )}
    </article>
  );
}
