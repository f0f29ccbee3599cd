import { useEffect, useRef, useState } from 'preact/hooks';
import { applyTeams, createTeam, getProgramme, listParticipants, listSubdivisions, listTeams, problemText, proposeTeams, updateTeam, type FormationProposal, type Participant, type SubdivisionReference, type Team } from '../../api/client';
import { useTranslation } from '../../i18n';
import { localeOf } from '../../components/format';
import { useToast } from '../../components/toast';
import { useConfirm } from '../../components/dialog';
import { DataTable } from '../../components/data_table';
import { Button } from '../../components/button';

const WEIGHTS = ['region_weight', 'institutions_weight', 'gender_weight', 'level_weight', 'size_weight'] as const;
const LIMITS = ['min_institutions', 'min_size', 'max_size'] as const;

// Teams: the coordinator renames them and names the group leader by hand, or forms them
// automatically. A formation is a proposal first (each team's score, what it breaks, what cannot
// hold), applied only when confirmed; a rebalance proposes the few moves a withdrawal calls for.
const PARTS = ['region', 'institutions', 'gender', 'level', 'size'] as const;

export function TeamsPage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const [teams, setTeams] = useState<Team[]>([]);
  const [criteria, setCriteria] = useState<Record<string, string>>({
    region_weight: '2', institutions_weight: '1', gender_weight: '1', level_weight: '1', size_weight: '2', min_institutions: '3', min_size: '5', max_size: '8',
  });
  const [seed, setSeed] = useState('1');
  const [keep, setKeep] = useState<number[]>([]);
  const [proposal, setProposal] = useState<FormationProposal | null>(null);
  const toast = useToast();
  const confirm = useConfirm();
  const setMessage = (text: string) => { if (text) toast.error(text); };
  const setSaved = (text: string) => { if (text) toast.success(text); };
  const [people, setPeople] = useState<Participant[]>([]);
  // Saves reload the teams; an answer older than the newest request is dropped, so a slow
  // reload cannot put back what a later save changed.
  const latest = useRef(0);
  const load = () => {
    const request = ++latest.current;
    listTeams(programme).then((list) => { if (request === latest.current) setTeams(list.items); }, (error) => setMessage(problemText(error, t('error.generic'))));
    // The roster comes in pages of at most 200; a programme's teams need all of it.
    const all = async () => {
      const found: Participant[] = [];
      for (let page = 1; ; page++) {
        const next = await listParticipants(programme, page, 200);
        found.push(...next.items);
        if (found.length >= next.total || next.items.length === 0) return found;
      }
    };
    all().then((items) => { if (request === latest.current) setPeople(items.filter((person) => person.status !== 'withdrawn')); },
      (error) => setMessage(problemText(error, t('error.generic'))));
  };
  const [places, setPlaces] = useState<SubdivisionReference[]>([]);
  const [newTeam, setNewTeam] = useState({ name: '', region: '' });
  useEffect(() => {
    load();
    getProgramme(programme).then((info) => listSubdivisions(info.country)).then((list) => setPlaces(list.items), (error) => setMessage(problemText(error, t('error.generic'))));
  }, [programme]);
  const add = async (event: Event) => {
    event.preventDefault();
    setMessage('');
    setSaved('');
    try {
      await createTeam(programme, { name: newTeam.name, region_code: newTeam.region });
      setSaved(t('teams.created', { name: newTeam.name }));
      setNewTeam({ name: '', region: '' });
      load();
    } catch (error) { setMessage(problemText(error, t('error.generic'))); }
  };
  const number = (value: number, digits = 2) => value.toLocaleString(localeOf(language), { minimumFractionDigits: digits, maximumFractionDigits: digits });

  const propose = async (mode: 'form' | 'rebalance') => {
    setMessage('');
    setSaved('');
    try {
      const body = Object.fromEntries(Object.entries(criteria).map(([key, value]) => [key, Number(value.replace(',', '.'))]));
      setProposal(await proposeTeams(programme, { mode, seed: Number(seed) || 0, criteria: body, keep }));
    } catch (error) { setMessage(problemText(error, t('error.generic'))); }
  };
  // Before anything moves, who goes from where to where; Cancel leaves the teams as they are.
  const apply = async () => {
    if (!proposal) return;
    const teamName = (id: number | null) => (id == null ? t('teams.no_team') : teams.find((team) => team.id === id)?.name ?? proposal.teams.find((team) => team.team_id === id)?.name ?? '—');
    const sure = await confirm({
      title: t('teams.confirm_apply', { count: proposal.moves.length, total: people.length }),
      body: proposal.moves.length === 0 ? <p>{t('teams.no_moves')}</p> : (
        <DataTable caption={t('teams.moves_caption')} rows={proposal.moves} rowKey={(move) => move.enrollment_id}
          columns={[
            { key: 'name', header: t('teams.person'), rowHeader: true, sortable: true, value: (move) => move.name },
            { key: 'from', header: t('teams.from'), sortable: true, value: (move) => teamName(move.from_team_id) },
            { key: 'to', header: t('teams.to'), sortable: true, value: (move) => teamName(move.to_team_id) },
          ]} />
      ),
      confirm: t('teams.apply'),
    });
    if (!sure) return;
    try {
      const assignments = proposal.teams.flatMap((team) => team.members.map((member) => ({ enrollment_id: member.enrollment_id, team_id: team.team_id })));
      const { moved } = await applyTeams(programme, assignments);
      setSaved(t('teams.applied', { count: moved }));
      setProposal(null);
      load();
    } catch (error) { setMessage(problemText(error, t('error.generic'))); }
  };
  const edit = async (team: Team, name: string, leader: number | null) => {
    setMessage('');
    try {
      await updateTeam(programme, team.id, { name, region_code: team.region.code, leader_enrollment_id: leader }, team.version);
      setSaved(t('teams.saved', { name }));
      load();
    } catch (error) { setMessage(problemText(error, t('error.generic'))); load(); }
  };
  const rename = (team: Team, name: string) => edit(team, name, team.group_leader?.enrollment_id ?? null);
  const move = async (person: Participant, team: number) => {
    setMessage('');
    try {
      await applyTeams(programme, [{ enrollment_id: person.enrollment_id, team_id: team }]);
      setSaved(t('teams.moved', { name: `${person.given_names} ${person.family_names}`, team: teams.find((entry) => entry.id === team)?.name ?? '' }));
      load();
    } catch (error) { setMessage(problemText(error, t('error.generic'))); }
  };
  const membersOf = (team: Team) => people.filter((person) => person.team?.id === team.id);

  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('teams.title')}</h1>
      <DataTable caption={t('teams.list_caption')} rows={teams} rowKey={(team) => team.id} columns={[
        { key: 'name', header: t('teams.name'), rowHeader: true, sortable: true, value: (team) => team.name,
          render: (team) => (
            <input class="team-rename" aria-label={t('teams.rename', { name: team.name })} value={team.name}
              onChange={(event) => { const name = (event.target as HTMLInputElement).value; if (name !== team.name) rename(team, name); }} />
          ) },
        { key: 'region', header: t('teams.region'), sortable: true, value: (team) => team.region.name },
        { key: 'leader', header: t('teams.leader'), value: (team) => team.group_leader?.enrollment_id ?? null,
          render: (team) => (
            <select aria-label={t('teams.choose_leader', { name: team.name })} value={team.group_leader?.enrollment_id ?? ''}
              onChange={(event) => { const value = (event.target as HTMLSelectElement).value; edit(team, team.name, value ? Number(value) : null); }}>
              <option value="">—</option>
              {membersOf(team).map((person) => <option key={person.enrollment_id} value={person.enrollment_id}>{person.given_names} {person.family_names}</option>)}
            </select>
          ) },
        { key: 'members', header: t('teams.members'), sortable: true, value: (team) => team.member_count, cellClass: () => 'wide',
          render: (team) => (
            <details class="members">
              <summary>{t('teams.member_count', { count: team.member_count })}</summary>
              <ul>
                {membersOf(team).map((person) => (
                  <li key={person.enrollment_id}>
                    <label class="check">
                      <input type="checkbox" checked={keep.includes(person.enrollment_id)}
                        onChange={() => setKeep(keep.includes(person.enrollment_id) ? keep.filter((id) => id !== person.enrollment_id) : [...keep, person.enrollment_id])} />
                      <span>{t('teams.keep', { name: `${person.given_names} ${person.family_names}` })}</span>
                    </label>
                    <label class="inline">
                      {person.given_names} {person.family_names} · {person.institution?.acronym || person.institution?.name.es || '—'}
                      <select aria-label={t('teams.move', { name: `${person.given_names} ${person.family_names}` })} value={team.id}
                        onChange={(event) => move(person, Number((event.target as HTMLSelectElement).value))}>
                        {teams.map((other) => <option key={other.id} value={other.id}>{other.name}</option>)}
                      </select>
                    </label>
                  </li>
                ))}
              </ul>
            </details>
          ) },
        { key: 'institutions', header: t('teams.institutions'), value: (team) => team.institutions.join(', ') || null, cellClass: () => 'wide' },
      ]} />
      <form class="filters" onSubmit={add}>
        <label>{t('teams.new_name')}<input value={newTeam.name} onInput={(event) => setNewTeam({ ...newTeam, name: (event.target as HTMLInputElement).value })} /></label>
        <label>
          {t('teams.region')}
          <select value={newTeam.region} onChange={(event) => setNewTeam({ ...newTeam, region: (event.target as HTMLSelectElement).value })}>
            <option value="">—</option>
            {places.map((place) => <option key={place.code} value={place.code}>{place.name}</option>)}
          </select>
        </label>
        <Button type="submit">{t('teams.add')}</Button>
      </form>
      <section>
        <h2>{t('teams.formation')}</h2>
        <form class="stack" onSubmit={(event) => { event.preventDefault(); propose('form'); }}>
          <div class="filters">
            {[...WEIGHTS, ...LIMITS].map((key) => (
              <label key={key}>{t(`teams.criteria.${key}`)}<input inputMode="decimal" value={criteria[key]} onInput={(event) => setCriteria({ ...criteria, [key]: (event.target as HTMLInputElement).value })} /></label>
            ))}
            <label>{t('teams.seed')}<input inputMode="numeric" value={seed} onInput={(event) => setSeed((event.target as HTMLInputElement).value)} /></label>
          </div>
          <p class="actions">
            <Button type="submit">{t('teams.propose')}</Button>
            <Button type="button" variant="secondary" onClick={() => propose('rebalance')}>{t('teams.rebalance')}</Button>
          </p>
        </form>
        {proposal && (
          <div>
            <p>{t('teams.worst', { worst: number(proposal.worst), greedy: number(proposal.greedy_worst) })}</p>
            {proposal.impossible.map((entry, index) => (
              <p role="alert" key={index}>
                {t(`teams.impossible.${entry.constraint}`, { available: entry.available, required: entry.required, region: entry.region?.name ?? '' })}
              </p>
            ))}
            <p>{t('teams.moves', { count: proposal.moves.length })}</p>
            <DataTable caption={t('teams.proposal')} rows={proposal.teams} rowKey={(team) => team.team_id} columns={[
              { key: 'name', header: t('teams.name'), rowHeader: true, sortable: true, value: (team) => team.name },
              { key: 'score', header: t('teams.score'), numeric: true, decimals: 2, sortable: true, value: (team) => team.score.total },
              ...PARTS.map((part) => ({ key: part, header: t(`teams.part.${part}`), numeric: true, decimals: 2, sortable: true,
                value: (team: FormationProposal['teams'][number]) => team.score[part] })),
              { key: 'broken', header: t('teams.broken'), value: (team) => team.score.broken.map((constraint) => t(`teams.constraint.${constraint}`)).join(', ') || null },
              { key: 'members', header: t('teams.members'), value: (team) => team.members.length,
                render: (team) => (
                  <details class="members">
                    <summary>{t('teams.member_count', { count: team.members.length })}</summary>
                    <ul>{team.members.map((member) => <li key={member.enrollment_id}>{member.name}{member.leader ? ` (${t('teams.leader')})` : ''} · {member.institution}</li>)}</ul>
                  </details>
                ) },
            ]} />
            <p class="actions"><Button onClick={apply}>{t('teams.apply')}</Button></p>
          </div>
        )}
      </section>
    </article>
  );
}
