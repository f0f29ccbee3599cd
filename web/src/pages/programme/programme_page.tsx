import { useEffect, useState } from 'preact/hooks';
import { ApiError, coordinates, hasRole, teaches, getProgramme, listParticipants, listTeams, type Participant, type Programme, type Team, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { formatDate } from '../../components/format';

type Participants = { items: Participant[] } | 'forbidden' | null;

export function ProgrammePage({ id, user }: { id: number; user: User }) {
  const { t, language } = useTranslation();
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [teams, setTeams] = useState<Team[]>([]);
  const [participants, setParticipants] = useState<Participants>(null);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    getProgramme(id).then(setProgramme, (error) => setFailure(error instanceof ApiError && error.problem ? error.problem.title : t('error.generic')));
    listTeams(id).then((page) => setTeams(page.items), () => setTeams([]));
    listParticipants(id).then(
      (page) => setParticipants({ items: page.items }),
      (error) => setParticipants(error instanceof ApiError && error.status === 403 ? 'forbidden' : null),
    );
  }, [id]);

  if (failure) return <p role="alert">{failure}</p>;
  if (!programme) return <p role="status">{t('app.loading')}</p>;
  const organisation = (role: string) => programme.organisations.filter((o) => o.role === role).map((o) => o.name[language]).join('; ');

  return (
    <article>
      <p><a href="#/">{t('programme.back')}</a></p>
      <h1>{programme.title[language]}</h1>
      <p>{programme.description[language]}</p>
      <dl class="facts">
        <dt>{t('programme.implementer')}</dt><dd>{organisation('implementer')}</dd>
        <dt>{t('programme.funder')}</dt><dd>{organisation('funder')}</dd>
        <dt>{t('programme.dates')}</dt>
        <dd>{[programme.start_date, programme.end_date].filter(Boolean).map((d) => formatDate(d!, language)).join(' – ')}</dd>
        <dt>{t('programme.sdgs')}</dt><dd>{programme.sdgs.join(', ')}</dd>
      </dl>

      <p class="actions"><a class="button secondary" href={`#/programmes/${id}/knowledge_gain`}>{t('programme.knowledge_gain')}</a></p>
      {(hasRole(user, 'participant', id) || hasRole(user, 'group_leader', id)) && (
        <p class="actions"><a class="button" href={`#/programmes/${id}/progress`}>{t('programme.my_progress')}</a></p>
      )}
      {teaches(user, id) && (
        <p class="actions">
          <a class="button" href={`#/programmes/${id}/sessions`}>{t('programme.sessions')}</a>
          {coordinates(user, id) && <a class="button" href={`#/programmes/${id}/assessments`}>{t('programme.assessments')}</a>}
          {coordinates(user, id) && <a class="button" href={`#/programmes/${id}/instructors`}>{t('programme.instructors')}</a>}
          <a class="button" href={`#/programmes/${id}/attendance`}>{t('programme.take_attendance')}</a>
          <a class="button" href={`#/programmes/${id}/grades`}>{t('programme.enter_grades')}</a>
        </p>
      )}
      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">{t('programme.final_projects')}</h2>
        <p class="actions">
          {(hasRole(user, 'participant', id) || hasRole(user, 'group_leader', id)) && <a class="button" href={`#/programmes/${id}/project`}>{t('programme.my_project')}</a>}
          {hasRole(user, 'juror', id) && <a class="button" href={`#/programmes/${id}/reviews`}>{t('programme.my_reviews')}</a>}
          {coordinates(user, id) && <a class="button" href={`#/programmes/${id}/teams`}>{t('programme.manage_teams')}</a>}
          {coordinates(user, id) && <a class="button" href={`#/programmes/${id}/jury`}>{t('programme.jury')}</a>}
          {(coordinates(user, id) || hasRole(user, 'observer', id)) && <a class="button secondary" href={`#/programmes/${id}/ranking`}>{t('programme.ranking')}</a>}
          <a class="button secondary" href={`#/programmes/${id}/rubric`}>{t('programme.rubric')}</a>
        </p>
      </section>
      <section aria-labelledby="modules-heading">
        <h2 id="modules-heading">{t('programme.modules')}</h2>
        <ol class="modules">
          {programme.modules.map((module) => (
            <li key={module.id}>
              {module.title[language]} <span class="muted">· {t('programme.hours', { count: module.hours })}</span>
              {module.illustrative && <span class="badge">{t('programme.illustrative')}</span>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading">{t('programme.teams')}</h2>
        <ul class="cards">
          {teams.map((team) => (
            <li class="card" key={team.id}>
              <h3>{team.name}</h3>
              <p class="muted">{team.region.name} · {t('programme.members', { count: team.member_count })}</p>
              {team.group_leader && (
                <p>{t('programme.group_leader')}: <strong>{team.group_leader.name}</strong> ({team.group_leader.institution_acronym})</p>
              )}
              <p class="muted">{team.institutions.join(' · ')}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t('programme.participants')}</h2>
        <p>{t('programme.participants_summary', { active: programme.counts.active, total: programme.counts.enrollments, withdrawn: programme.counts.withdrawn })}</p>
        {participants === 'forbidden' && <p>{t('programme.no_access_participants')}</p>}
        {participants && participants !== 'forbidden' && (
          <p class="actions">
            <a class="button" href={`#/programmes/${id}/participants`}>{t('programme.open_roster')}</a>
            {coordinates(user, id) && <a class="button secondary" href={`#/programmes/${id}/import`}>{t('participants.import')}</a>}
          </p>
        )}
        {participants && participants !== 'forbidden' && <ParticipantsByInstitution items={participants.items} />}
      </section>
    </article>
  );
}

function ParticipantsByInstitution({ items }: { items: Participant[] }) {
  const { t, language } = useTranslation();
  const groups = new Map<string, Participant[]>();
  for (const participant of items) {
    const name = participant.institution ? participant.institution.name[language] : '—';
    groups.set(name, [...(groups.get(name) ?? []), participant]);
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, language));
  return (
    <div>
      <h3>{t('programme.by_institution')}</h3>
      {sorted.map(([institution, people]) => (
        <details key={institution} class="group">
          <summary>{institution} <span class="muted">({people.length})</span></summary>
          <ul class="people">
            {people.map((person) => (
              <li key={person.enrollment_id} class={person.status === 'withdrawn' ? 'withdrawn' : ''}>
                {person.given_names} {person.family_names}
                <span class="muted"> · {person.subdivision?.name ?? '—'} · {t(`programme.level.${person.level}`)}
                  {person.team && <> · {person.team.name}</>} · {t(`programme.status.${person.status}`)}</span>
                {person.is_group_leader && <span class="badge">{t('programme.leader_badge')}</span>}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
