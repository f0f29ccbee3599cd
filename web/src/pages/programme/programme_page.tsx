import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  ApiError, coordinates, getGradebook, getJuryProgress, getKnowledgeGain, getMyModules, getMyProgress, getProjectSettings, hasRole, listAssessments,
  listMyReviews, listSessions, listTeams, teaches, getSetup, type Gradebook, type Programme, type Session, type User,
} from '../../api/client';
import { useTranslation, type Language } from '../../i18n';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { Stat, Stats } from '../../components/stat';
import { LinkButton } from '../../components/button';
import { EmptyState } from '../../components/empty_state';
import { Chart } from '../../components/chart';
import { formatDate, formatMoment, formatNumber, formatPercent } from '../../components/format';
import { shortfallText } from '../../components/shortfalls';
import { Skeleton } from '../../components/skeleton';
import { useProgramme } from './programme_area';
import { SetupChecklist } from '../programme_setup/setup_checklist';

// The programme's first screen. Each role sees its own dashboard, built only from what it may
// read: the coordinator the whole course; an instructor their modules; a juror their reviews; a
// participant their progress; an observer (the donor) aggregates. The programme's facts follow.
export function ProgrammePage({ programme: id, user }: { programme: number; user: User }) {
  const programme = useProgramme()!;
  const learner = hasRole(user, 'participant', id) || hasRole(user, 'group_leader', id);
  const shown = {
    coordinator: coordinates(user, id),
    instructor: !coordinates(user, id) && teaches(user, id),
    juror: hasRole(user, 'juror', id),
    learner,
    observer: hasRole(user, 'observer', id) && !coordinates(user, id),
  };
  // The programme's facts come once every dashboard above them has drawn.
  const [ready, setReady] = useState(0);
  const done = useCallback(() => setReady((count) => count + 1), []);
  const expected = Object.values(shown).filter(Boolean).length;
  return (
    <article>
      <h1>{programme.title[useTranslation().language]}</h1>
      {shown.coordinator && <CoordinatorDashboard programme={programme} onReady={done} />}
      {shown.instructor && <InstructorDashboard programme={programme} onReady={done} />}
      {shown.juror && <JurorDashboard programme={programme} onReady={done} />}
      {shown.learner && <LearnerDashboard programme={programme} onReady={done} />}
      {shown.observer && <ObserverDashboard programme={programme} onReady={done} />}
      {ready >= expected && <About programme={programme} />}
    </article>
  );
}

const now = () => new Date().toISOString();
const today = () => new Date().toISOString().slice(0, 10);
const activeRows = (book: Gradebook) => book.rows.filter((row) => row.status !== 'withdrawn');
const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);

function CoordinatorDashboard({ programme, onReady }: { programme: Programme; onReady: () => void }) {
  const { t, language } = useTranslation();
  const id = programme.id;
  // One load for the whole dashboard, so that it appears at once instead of moving as each
  // part arrives.
  const all = useResource(async () => {
    const [book, sessions, jury, assessments, settings, setup] = await Promise.all([
      getGradebook(id), listSessions(id), getJuryProgress(id), listAssessments(id), getProjectSettings(id), getSetup(id)]);
    const dated = assessments.items.filter((item) => item.due_date && item.due_date >= today())
      .map((item) => ({ date: item.due_date!, label: `${item.code} · ${item.title[language]}` }));
    if (settings.deadline && settings.deadline >= now()) dated.push({ date: settings.deadline.slice(0, 10), label: t('dashboard.project_deadline') });
    return { book, sessions: sessions.items, jury, setup, dated: dated.sort((a, b) => a.date.localeCompare(b.date)) };
  }, [id, language]);
  useReady(all.status, onReady);

  return (
    <Loaded resource={all} skeleton={<div class="dashboard-placeholder"><Skeleton lines={8} /></div>}>
      {({ book, sessions, jury, setup, dated }) => {
        const active = activeRows(book);
        const rate = mean(active.flatMap((row) => (row.attendance == null ? [] : [row.attendance])));
        return <>
          {!setup.complete && <SetupChecklist programme={id} checklist={setup} />}
          <section aria-labelledby="figures-heading">
            <h2 id="figures-heading" class="visually-hidden">{t('dashboard.figures')}</h2>
            <Stats>
              <Stat label={t('dashboard.enrolled')} value={formatNumber(programme.counts.enrollments, language)}
                note={t('dashboard.active_withdrawn', { active: programme.counts.active, withdrawn: programme.counts.withdrawn })} />
              <Stat label={t('dashboard.meeting')} value={`${book.meeting_requirements} / ${active.length}`}
                tone={book.meeting_requirements < active.length ? 'warn' : 'good'} note={t('dashboard.meeting_note')} />
              <Stat label={t('dashboard.attendance')} value={formatPercent(rate, language, 1)}
                tone={rate != null && rate < book.policy.attendance_threshold ? 'warn' : undefined}
                note={t('dashboard.threshold', { value: formatPercent(book.policy.attendance_threshold, language) })} />
              <Stat label={t('dashboard.reviews')} value={`${jury.reviews_done} / ${jury.reviews_done + jury.reviews_missing}`}
                tone={jury.reviews_missing > 0 ? 'warn' : 'good'}
                note={jury.reviews_missing ? t('dashboard.reviews_missing', { count: jury.reviews_missing }) : t('dashboard.reviews_all_in')} />
            </Stats>
          </section>

          <div class="dashboard-grid">
            <section aria-labelledby="at-risk-heading" class="panel">
              <h2 id="at-risk-heading">{t('dashboard.at_risk')}</h2>
              <AtRisk programme={id} book={book} />
            </section>
            <section aria-labelledby="next-heading" class="panel">
              <h2 id="next-heading">{t('dashboard.next')}</h2>
              <NextSession sessions={sessions} programme={programme} />
              <p>
                <strong>{t('dashboard.next_deadline')}: </strong>
                {dated.length ? <>{formatDate(dated[0].date, language)} · {dated[0].label}</> : t('dashboard.no_deadline')}
              </p>
              <p class="actions">
                <LinkButton href={`/programmes/${id}/attendance`}>{t('programme.take_attendance')}</LinkButton>
                <LinkButton variant="secondary" href={`/programmes/${id}/grades`}>{t('programme.enter_grades')}</LinkButton>
              </p>
            </section>
          </div>

          <section aria-labelledby="attendance-heading" class="panel">
            <h2 id="attendance-heading">{t('dashboard.attendance_by_session')}</h2>
            <AttendanceChart sessions={sessions} programme={programme} />
          </section>
        </>;
      }}
    </Loaded>
  );
}

// Tells the page once a dashboard has its data (or has failed), so that what follows it is
// drawn after it and not pushed down.
function useReady(status: string, onReady: () => void) {
  useEffect(() => { if (status !== 'loading') onReady(); }, [status !== 'loading']);
}

function AtRisk({ programme, book }: { programme: number; book: Gradebook }) {
  const { t, language } = useTranslation();
  const rows = activeRows(book).filter((row) => !row.meets_requirements).sort((a, b) => b.shortfalls.length - a.shortfalls.length);
  if (!rows.length) return <EmptyState title={t('dashboard.none_at_risk')} />;
  const shown = rows.slice(0, 8);
  return (
    <>
      <p class="muted">{t('dashboard.at_risk_count', { count: rows.length })}</p>
      <ul class="risk-list">
        {shown.map((row) => (
          <li key={row.enrollment_id}>
            <a href={`/programmes/${programme}/participants/${row.enrollment_id}`}>{row.given_names} {row.family_names}</a>
            <span class="muted"> · {row.institution || '—'}</span>
            <ul class="reasons">{row.shortfalls.map((gap, i) => <li key={i}>{shortfallText(gap, t, language)}</li>)}</ul>
          </li>
        ))}
      </ul>
      <p><a href={`/programmes/${programme}/gradebook?requirements=unmet`}>{t('dashboard.see_all_at_risk', { count: rows.length })}</a></p>
    </>
  );
}

function NextSession({ sessions, programme }: { sessions: Session[]; programme: Programme }) {
  const { t, language } = useTranslation();
  const next = sessions.find((session) => session.starts_at > now());
  return (
    <p>
      <strong>{t('dashboard.next_session')}: </strong>
      {next ? <>{formatMoment(next.starts_at, language, programme.time_zone)} · {next.title[language]}{next.place ? ` · ${next.place}` : ''}</> : t('dashboard.no_session')}
    </p>
  );
}

function AttendanceChart({ sessions, programme }: { sessions: Session[]; programme: Programme }) {
  const { t, language } = useTranslation();
  const taken = sessions.filter((session) => session.marks > 0);
  const data = taken.map((session, index) => ({
    label: `${index + 1}`,
    title: `${formatMoment(session.starts_at, language, programme.time_zone, 'short')} · ${session.title[language]}`,
    rate: (100 * session.attended) / session.marks,
  }));
  const draw = useCallback((Plot: typeof import('@observablehq/plot'), width: number) => Plot.plot({
    width, height: 180, marginLeft: 40, marginBottom: 30,
    x: { label: t('dashboard.session_axis'), domain: data.map((d) => d.label) },
    y: { label: '%', domain: [0, 100], grid: true },
    marks: [
      Plot.barY(data, { x: 'label', y: 'rate', fill: 'var(--accent)', title: (d: (typeof data)[number]) => `${d.title}: ${formatPercent(d.rate, language)}` }),
      Plot.ruleY([0]),
    ],
  }), [taken.length, language]);
  if (!taken.length) return <EmptyState title={t('dashboard.no_attendance')} />;
  return (
    <Chart caption={t('dashboard.attendance_chart_caption', { count: taken.length })} draw={draw}
      summary={<ul>{data.map((d) => <li key={d.label}>{d.title}: {formatPercent(d.rate, language)}</li>)}</ul>} />
  );
}

function InstructorDashboard({ programme, onReady }: { programme: Programme; onReady: () => void }) {
  const { t, language } = useTranslation();
  const mine = useResource(async () => {
    const [modules, sessions] = await Promise.all([getMyModules(programme.id), listSessions(programme.id)]);
    const taught = new Set(programme.modules.filter((m) => modules.modules.includes(m.position)).map((m) => m.id));
    return { modules: programme.modules.filter((m) => taught.has(m.id)), sessions: sessions.items.filter((s) => taught.has(s.module_id)) };
  }, [programme.id]);
  useReady(mine.status, onReady);
  return (
    <Loaded resource={mine}>
      {({ modules, sessions }) => (
        <div class="dashboard-grid">
          <section class="panel" aria-labelledby="modules-mine">
            <h2 id="modules-mine">{t('dashboard.my_modules')}</h2>
            <ul>{modules.map((m) => <li key={m.id}>{m.position}. {m.title[language]}</li>)}</ul>
          </section>
          <section class="panel" aria-labelledby="next-heading">
            <h2 id="next-heading">{t('dashboard.next')}</h2>
            <NextSession sessions={sessions} programme={programme} />
            <p class="muted">{t('dashboard.sessions_taken', { taken: sessions.filter((s) => s.marks > 0).length, total: sessions.length })}</p>
            <p class="actions">
              <LinkButton href={`/programmes/${programme.id}/attendance`}>{t('programme.take_attendance')}</LinkButton>
              <LinkButton variant="secondary" href={`/programmes/${programme.id}/grades`}>{t('programme.enter_grades')}</LinkButton>
            </p>
          </section>
        </div>
      )}
    </Loaded>
  );
}

function JurorDashboard({ programme, onReady }: { programme: Programme; onReady: () => void }) {
  const { t, language } = useTranslation();
  const reviews = useResource(() => listMyReviews(programme.id), [programme.id]);
  useReady(reviews.status, onReady);
  return (
    <section class="panel" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{t('programme.my_reviews')}</h2>
      <Loaded resource={reviews}>
        {(list) => {
          const done = list.items.filter((item) => item.submitted_at).length;
          return <>
            <Stats><Stat label={t('dashboard.reviews_done')} value={`${formatNumber(done, language)} / ${formatNumber(list.items.length, language)}`}
              tone={done < list.items.length ? 'warn' : 'good'} /></Stats>
            <p class="actions"><LinkButton href={`/programmes/${programme.id}/reviews`}>{t('dashboard.open_reviews')}</LinkButton></p>
          </>;
        }}
      </Loaded>
    </section>
  );
}

function LearnerDashboard({ programme, onReady }: { programme: Programme; onReady: () => void }) {
  const { t, language } = useTranslation();
  const progress = useResource(() => getMyProgress(programme.id), [programme.id]);
  useReady(progress.status, onReady);
  return (
    <section class="panel" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('programme.my_progress')}</h2>
      {progress.error instanceof ApiError && progress.error.status === 404 ? <EmptyState title={t('dashboard.not_enrolled')} /> : <Loaded resource={progress}>
        {(book) => {
          const row = book.rows[0];
          if (!row) return <EmptyState title={t('dashboard.no_progress')} />;
          return <>
            <Stats>
              <Stat label={t('dashboard.final_grade')} value={formatNumber(row.final_grade, language, book.policy.rounding_decimals)} />
              <Stat label={t('dashboard.attendance')} value={formatPercent(row.attendance, language, 1)}
                note={t('dashboard.threshold', { value: formatPercent(book.policy.attendance_threshold, language) })} />
              <Stat label={t('dashboard.modules_passed')} value={`${row.modules_passed} / ${programme.modules.length}`} />
            </Stats>
            {row.meets_requirements ? <p class="ok">{t('dashboard.you_meet')}</p> : (
              <>
                <p>{t('dashboard.you_do_not_meet')}</p>
                <ul class="reasons">{row.shortfalls.map((gap, i) => <li key={i}>{shortfallText(gap, t, language)}</li>)}</ul>
              </>
            )}
            <p class="actions">
              <LinkButton href={`/programmes/${programme.id}/progress`}>{t('dashboard.open_progress')}</LinkButton>
              <LinkButton variant="secondary" href={`/programmes/${programme.id}/project`}>{t('programme.my_project')}</LinkButton>
            </p>
          </>;
        }}
      </Loaded>}
    </section>
  );
}

function ObserverDashboard({ programme, onReady }: { programme: Programme; onReady: () => void }) {
  const { t, language } = useTranslation();
  const gain = useResource(() => getKnowledgeGain(programme.id), [programme.id]);
  useReady(gain.status, onReady);
  return (
    <section aria-labelledby="aggregates-heading">
      <h2 id="aggregates-heading">{t('dashboard.aggregates')}</h2>
      <Stats>
        <Stat label={t('dashboard.enrolled')} value={formatNumber(programme.counts.enrollments, language)}
          note={t('dashboard.active_withdrawn', { active: programme.counts.active, withdrawn: programme.counts.withdrawn })} />
        <Stat label={t('dashboard.institutions')} value={formatNumber(programme.counts.institutions, language)} />
        <Loaded resource={gain} skeleton={<Stat label={t('dashboard.gain')} value="…" />}>
          {(report) => <Stat label={t('dashboard.gain')} value={`${formatNumber(report.mean_pre, language, 1)} → ${formatNumber(report.mean_post, language, 1)}`}
            tone={report.mean_gain < 0 ? 'bad' : undefined} note={t('dashboard.gain_note', { n: report.n })} />}
        </Loaded>
      </Stats>
      <p class="actions">
        <LinkButton href={`/programmes/${programme.id}/knowledge_gain`}>{t('programme.knowledge_gain')}</LinkButton>
        <LinkButton variant="secondary" href={`/programmes/${programme.id}/ranking`}>{t('programme.ranking')}</LinkButton>
      </p>
    </section>
  );
}

// The programme's facts, for everyone: what it is, who runs and funds it, when, its modules and teams.
function About({ programme }: { programme: Programme }) {
  const { t, language } = useTranslation();
  const teams = useResource(() => listTeams(programme.id), [programme.id]);
  const organisation = (role: string) => programme.organisations.filter((o) => o.role === role).map((o) => o.name[language as Language]).join('; ');
  return (
    <section aria-labelledby="about-heading" class="about">
      <h2 id="about-heading">{t('dashboard.about')}</h2>
      <p>{programme.description[language]}</p>
      <dl class="facts">
        <dt>{t('programme.implementer')}</dt><dd>{organisation('implementer')}</dd>
        <dt>{t('programme.funder')}</dt><dd>{organisation('funder')}</dd>
        <dt>{t('programme.dates')}</dt>
        <dd>{[programme.start_date, programme.end_date].filter(Boolean).map((d) => formatDate(d!, language)).join(' – ')}</dd>
        <dt>{t('programme.sdgs')}</dt><dd>{programme.sdgs.join(', ')}</dd>
      </dl>
      <div class="dashboard-grid">
        <section aria-labelledby="modules-heading">
          <h3 id="modules-heading">{t('programme.modules')}</h3>
          <ol class="modules">
            {programme.modules.map((module) => (
              <li key={module.id}>
                {module.title[language]} <span class="muted">· {t('programme.hours', { hours: formatNumber(module.hours, language, Number.isInteger(module.hours) ? 0 : 1) })}</span>
                {module.illustrative && <span class="badge">{t('programme.illustrative')}</span>}
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="teams-heading">
          <h3 id="teams-heading">{t('programme.teams')}</h3>
          <Loaded resource={teams} skeleton={<Skeleton lines={2} />}>
            {(page) => page.items.length ? (
              <ul class="team-list">
                {page.items.map((team) => (
                  <li key={team.id}>
                    <h4 class="team-name">{team.name}</h4> <span class="muted">{team.region.name} · {t('programme.members', { count: team.member_count })}</span>
                    {team.group_leader && <div class="muted">{t('programme.group_leader')}: {team.group_leader.name}</div>}
                  </li>
                ))}
              </ul>
            ) : <EmptyState title={t('dashboard.no_teams')} />}
          </Loaded>
        </section>
      </div>
    </section>
  );
}
