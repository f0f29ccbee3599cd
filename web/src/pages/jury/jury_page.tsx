import { useEffect, useState } from 'preact/hooks';
import {
  addJuror, assignJurors, declareConflict, getJuryProgress, getProgramme, getProjectSettings, listInstitutions, listJurors, listProjects, listTeams,
  problemText, reopenProject, updateProjectSettings, type Institution, type Juror, type JuryProgress, type Project, type Team,
} from '../../api/client';
import { utcToZoned, zonedToUtc } from '../../components/time_zone';
import { useTranslation } from '../../i18n';
import { useFailureToast } from '../../components/toast';
import { useConfirm } from '../../components/dialog';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data_table';

// The coordinator's jury: jurors and their institutions, conflicts, automatic assignment of N
// jurors per project without conflicts, and the reviews done and missing.
export function JuryPage({ programme }: { programme: number }) {
  const { t } = useTranslation();
  const failed = useFailureToast();
  const confirm = useConfirm();
  const [jurors, setJurors] = useState<Juror[]>([]);
  const [progress, setProgress] = useState<JuryProgress | null>(null);
  const [teams, setTeams] = useState<Team[]>([]);
  const [institutions, setInstitutions] = useState<Institution[]>([]);
  const [form, setForm] = useState({ email: '', display_name: '', institution_id: '' });
  const [conflict, setConflict] = useState({ user: '', team: '', institution: '', reason: '' });
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState('');
  const [projects, setProjects] = useState<Project[]>([]);
  const [timeZone, setTimeZone] = useState('UTC');
  const [settings, setSettings] = useState({ date: '', time: '23:59', jurors_per_project: '3', disagreement_threshold: '20' });

  const load = () => {
    listJurors(programme).then((list) => setJurors(list.items), (error) => setMessage(problemText(error, t('error.generic'))));
    getJuryProgress(programme).then(setProgress, failed);
    listProjects(programme).then((list) => setProjects(list.items), failed);
  };
  useEffect(() => {
    load();
    Promise.all([getProgramme(programme), getProjectSettings(programme)]).then(([info, current]) => {
      setTimeZone(info.time_zone);
      // The deadline is typed and shown in the programme's time zone; it is stored in UTC.
      const local = current.deadline ? utcToZoned(current.deadline, info.time_zone) : { date: '', time: '23:59' };
      setSettings({ date: local.date, time: local.time, jurors_per_project: String(current.jurors_per_project), disagreement_threshold: String(current.disagreement_threshold) });
    }, failed);
    listTeams(programme).then((list) => setTeams(list.items), failed);
    listInstitutions().then((list) => setInstitutions(list.items), failed);
  }, [programme]);
  const run = async (action: () => Promise<string>) => {
    setMessage('');
    setSaved('');
    try { setSaved(await action()); load(); } catch (error) { setMessage(problemText(error, t('error.generic'))); }
  };
  const add = (event: Event) => {
    event.preventDefault();
    run(async () => {
      const added = await addJuror(programme, { email: form.email, display_name: form.display_name, institution_id: form.institution_id ? Number(form.institution_id) : null });
      setForm({ email: '', display_name: '', institution_id: '' });
      return t('jury.added', { email: added.juror.email });
    });
  };
  const declare = (event: Event) => {
    event.preventDefault();
    run(async () => {
      // One of the two: a team, or an institution (the server names the field when neither or both).
      await declareConflict(programme, Number(conflict.user), {
        ...(conflict.team ? { team_id: Number(conflict.team) } : {}),
        ...(conflict.institution ? { institution_id: Number(conflict.institution) } : {}),
        reason: conflict.reason,
      });
      setConflict({ user: '', team: '', institution: '', reason: '' });
      return t('jury.conflict_saved');
    });
  };
  const assign = () =>
    run(async () => {
      const outcome = await assignJurors(programme);
      const short = outcome.short_of_jurors.map((entry) => t('jury.short', { team: entry.team, eligible: entry.eligible })).join(' ');
      return `${t('jury.assigned', { count: outcome.added, per_project: outcome.per_project })} ${short}`;
    });

  const saveSettings = (event: Event) => {
    event.preventDefault();
    run(async () => {
      await updateProjectSettings(programme, {
        deadline: settings.date ? zonedToUtc(settings.date, settings.time || '23:59', timeZone) : null,
        jurors_per_project: Number(settings.jurors_per_project),
        disagreement_threshold: Number(settings.disagreement_threshold.replace(',', '.')),
      });
      return t('jury.settings_saved');
    });
  };
  const reopen = async (project: Project) => {
    const sure = await confirm({ title: t('jury.confirm_reopen', { team: project.team }), body: <p>{t('jury.confirm_reopen_body', { team: project.team })}</p>,
      confirm: t('jury.reopen_short') });
    if (sure) run(async () => { await reopenProject(programme, project.id, project.version); return t('jury.reopened', { team: project.team }); });
  };

  const institutionName = (id: number) => {
    const institution = institutions.find((entry) => entry.id === id);
    return institution ? institution.acronym || institution.name.es : String(id);
  };
  const teamName = (id: number) => teams.find((team) => team.id === id)?.name ?? String(id);
  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('jury.title')}</h1>
      {message && <p role="alert">{message}</p>}
      {saved && <p role="status">{saved}</p>}
      <section>
        <h2>{t('jury.projects')}</h2>
        <form class="filters" onSubmit={saveSettings}>
          <label>{t('jury.deadline_date', { zone: timeZone })}<input type="date" value={settings.date} onInput={(event) => setSettings({ ...settings, date: (event.target as HTMLInputElement).value })} /></label>
          <label>{t('jury.deadline_time')}<input type="time" value={settings.time} onInput={(event) => setSettings({ ...settings, time: (event.target as HTMLInputElement).value })} /></label>
          <label>{t('jury.per_project')}<input inputMode="numeric" value={settings.jurors_per_project} onInput={(event) => setSettings({ ...settings, jurors_per_project: (event.target as HTMLInputElement).value })} /></label>
          <label>{t('ranking.threshold')}<input inputMode="decimal" value={settings.disagreement_threshold} onInput={(event) => setSettings({ ...settings, disagreement_threshold: (event.target as HTMLInputElement).value })} /></label>
          <Button type="submit">{t('jury.save_settings')}</Button>
        </form>
        <DataTable caption={t('jury.submitted_projects')} rows={projects} rowKey={(project) => project.id} columns={[
          { key: 'team', header: t('jury.team'), rowHeader: true, sortable: true, value: (project) => project.team },
          { key: 'title', header: t('project.title'), sortable: true, value: (project) => project.title,
            render: (project) => <>{project.title} <span class="muted">(v{project.current_version})</span></> },
          { key: 'status', header: t('jury.status'), sortable: true, value: (project) => t(`project.status.${project.status}`) },
          { key: 'action', header: t('jury.action'), value: () => null,
            render: (project) => project.status === 'submitted' && <Button variant="quiet" onClick={() => reopen(project)}>{t('jury.reopen', { team: project.team })}</Button> },
        ]} />
      </section>
      <section>
        <h2>{t('jury.progress')}</h2>
        {progress && <p>{t('jury.totals', { done: progress.reviews_done, missing: progress.reviews_missing })}</p>}
        <p class="actions"><Button type="button" onClick={assign}>{t('jury.assign')}</Button></p>
        {progress && (
          <DataTable caption={t('jury.by_project')} rows={progress.projects} rowKey={(row) => row.project_id} columns={[
            { key: 'team', header: t('jury.team'), rowHeader: true, sortable: true, value: (row) => row.team },
            { key: 'assigned', header: t('jury.assigned_count'), numeric: true, sortable: true, value: (row) => row.assigned },
            { key: 'submitted', header: t('jury.submitted_count'), numeric: true, sortable: true, value: (row) => row.submitted },
          ]} />
        )}
      </section>
      <section>
        <h2>{t('jury.jurors')}</h2>
        <DataTable caption={t('jury.jurors_caption')} rows={jurors} rowKey={(juror) => juror.user_id} columns={[
          { key: 'name', header: t('jury.name'), rowHeader: true, sortable: true, value: (juror) => juror.display_name,
            render: (juror) => <>{juror.display_name}<div class="muted">{juror.email}</div></> },
          { key: 'institution', header: t('jury.institution'), sortable: true, value: (juror) => juror.institution || null },
          { key: 'conflicts', header: t('jury.conflicts'), value: (juror) => [...juror.conflict_teams.map(teamName), ...juror.conflict_institutions.map(institutionName)].join(', ') || null },
          { key: 'load', header: t('jury.load'), numeric: true, sortable: true,
            value: (juror) => progress?.jurors.find((row) => row.user_id === juror.user_id)?.submitted,
            render: (juror) => { const load = progress?.jurors.find((row) => row.user_id === juror.user_id); return load ? `${load.submitted} / ${load.assigned}` : '—'; } },
        ]} />
        <form class="stack" onSubmit={add}>
          <h3>{t('jury.add')}</h3>
          <label>{t('jury.email')}<input type="email" required value={form.email} onInput={(event) => setForm({ ...form, email: (event.target as HTMLInputElement).value })} /></label>
          <label>{t('jury.name')}<input value={form.display_name} onInput={(event) => setForm({ ...form, display_name: (event.target as HTMLInputElement).value })} /></label>
          <label>
            {t('jury.institution')}
            <select value={form.institution_id} onChange={(event) => setForm({ ...form, institution_id: (event.target as HTMLSelectElement).value })}>
              <option value="">{t('jury.no_institution')}</option>
              {institutions.map((institution) => <option key={institution.id} value={institution.id}>{institution.acronym || institution.name.es}</option>)}
            </select>
          </label>
          <Button type="submit">{t('jury.add')}</Button>
        </form>
        <form class="stack" onSubmit={declare}>
          <h3>{t('jury.declare')}</h3>
          <label>
            {t('jury.juror')}
            <select required value={conflict.user} onChange={(event) => setConflict({ ...conflict, user: (event.target as HTMLSelectElement).value })}>
              <option value="">—</option>
              {jurors.map((juror) => <option key={juror.user_id} value={juror.user_id}>{juror.display_name}</option>)}
            </select>
          </label>
          <label>
            {t('jury.conflict_team')}
            <select value={conflict.team} onChange={(event) => setConflict({ ...conflict, team: (event.target as HTMLSelectElement).value })}>
              <option value="">—</option>
              {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
            </select>
          </label>
          <label>
            {t('jury.conflict_institution')}
            <select value={conflict.institution} onChange={(event) => setConflict({ ...conflict, institution: (event.target as HTMLSelectElement).value })}>
              <option value="">—</option>
              {institutions.map((institution) => <option key={institution.id} value={institution.id}>{institution.acronym || institution.name.es}</option>)}
            </select>
          </label>
          <label>{t('jury.reason')}<input value={conflict.reason} onInput={(event) => setConflict({ ...conflict, reason: (event.target as HTMLInputElement).value })} /></label>
          <Button type="submit">{t('jury.declare')}</Button>
        </form>
      </section>
    </article>
  );
}
