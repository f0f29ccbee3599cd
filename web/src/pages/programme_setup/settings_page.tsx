import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import {
  ApiError, cloneProgramme, isSiteCoordinator, listCoordinators, nameCoordinator, updateProgramme, type Coordinator, type ProgrammeChanges, type User,
} from '../../api/client';
import { useTranslation } from '../../i18n';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { Button } from '../../components/button';
import { useConfirm } from '../../components/dialog';
import { useToast } from '../../components/toast';
import { formatDate } from '../../components/format';
import { useProgramme, useProgrammeReload } from '../programme/programme_area';
import { draftOf, errorKey, inputOf, ProgrammeForm, type ProgrammeDraft } from './programme_form';

type Problems = { failure: string; errors: Record<string, string> };
const noProblems: Problems = { failure: '', errors: {} };

function problemsOf(error: unknown, fallback: string, key: (field: string) => string = (field) => field): Problems {
  if (error instanceof ApiError && error.problem)
    return { failure: error.problem.title, errors: Object.fromEntries(error.problem.errors.map((detail) => [key(detail.field), detail.message])) };
  return { failure: fallback, errors: {} };
}

// A programme's own settings: what it is, where and when, its modules; its status (a draft is
// opened, an active course closed); its coordinators; and, for the site coordinator, a new edition.
export function SettingsPage({ programme: id, user }: { programme: number; user: User }) {
  const { t, language } = useTranslation();
  const programme = useProgramme()!;
  const reload = useProgrammeReload();
  const confirm = useConfirm();
  const toast = useToast();
  const [draft, setDraft] = useState<ProgrammeDraft>(() => draftOf(programme));
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [busy, setBusy] = useState(false);
  const closed = programme.status === 'closed';
  // Another programme (a new edition just made) or a new version of this one: the form shows it.
  useEffect(() => { setDraft(draftOf(programme)); setProblems(noProblems); }, [programme.id, programme.version]);

  const save = async (changes: ProgrammeChanges, message: string) => {
    setProblems(noProblems);
    setBusy(true);
    try {
      const saved = await updateProgramme(id, changes, programme.version);
      setDraft(draftOf({ ...programme, ...saved }));
      reload();
      toast.success(message);
    } catch (error) {
      setProblems(problemsOf(error, t('error.generic'), (field) => errorKey(field, draft)));
    } finally {
      setBusy(false);
    }
  };
  const changeStatus = async (status: 'active' | 'closed') => {
    const yes = await confirm({
      title: t(`setup.confirm_${status}_title`), body: t(`setup.confirm_${status}_body`), confirm: t(`setup.status_to_${status}`), danger: status === 'closed',
    });
    if (yes) await save({ status }, t(`setup.status_now_${status}`));
  };

  return (
    <article class="wide-form">
      <h1>{t('setup.settings_title')}</h1>
      <section class="card status-card" aria-labelledby="status-heading">
        <h2 id="status-heading">{t('setup.status')}: <span class={`badge status-${programme.status}`}>{t(`setup.status_${programme.status}`)}</span></h2>
        <p class="muted">{t(`setup.status_hint_${programme.status}`)}</p>
        {programme.status === 'draft' && <Button onClick={() => changeStatus('active')} disabled={busy}>{t('setup.status_to_active')}</Button>}
        {programme.status === 'active' && <Button variant="danger" onClick={() => changeStatus('closed')} disabled={busy}>{t('setup.status_to_closed')}</Button>}
      </section>
      {problems.failure && <div role="alert" class="error-state"><p>{problems.failure}</p>
        {Object.keys(problems.errors).length > 0 && <p>{t('setup.fix_fields', { count: Object.keys(problems.errors).length })}</p>}</div>}
      {closed ? (
        <dl class="facts">
          <dt>{t('setup.code')}</dt><dd>{programme.code}</dd>
          <dt>{t('setup.time_zone')}</dt><dd>{programme.time_zone}</dd>
          <dt>{t('setup.locale')}</dt><dd>{programme.locale}</dd>
          {programme.end_date && <><dt>{t('setup.end_date')}</dt><dd>{formatDate(programme.end_date, language)}</dd></>}
        </dl>
      ) : (
        <ProgrammeForm draft={draft} onChange={setDraft} errors={problems.errors} busy={busy} submitLabel={t('setup.save')}
          onSubmit={() => save(inputOf(draft), t('setup.saved'))} />
      )}
      <Coordinators programme={id} user={user} />
      {isSiteCoordinator(user) && <CloneEdition programme={id} startDate={programme.start_date ?? ''} />}
    </article>
  );
}

function Coordinators({ programme, user }: { programme: number; user: User }) {
  const { t } = useTranslation();
  const list = useResource(() => listCoordinators(programme), [programme]);
  const [form, setForm] = useState({ email: '', display_name: '' });
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [named, setNamed] = useState<Coordinator | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    setProblems(noProblems);
    try {
      const coordinator = await nameCoordinator(programme, form);
      setNamed(coordinator);
      setForm({ email: '', display_name: '' });
      list.retry();
    } catch (error) { setProblems(problemsOf(error, t('error.generic'))); }
  };
  return (
    <section class="card" aria-labelledby="coordinators-heading">
      <h2 id="coordinators-heading">{t('setup.coordinators')}</h2>
      <Loaded resource={list}>
        {(page) => page.items.length === 0 ? <p class="muted">{t('setup.no_coordinators')}</p> : (
          <ul>{page.items.map((c) => <li key={c.user_id}>{c.display_name} · {c.email}</li>)}</ul>
        )}
      </Loaded>
      {named?.initial_password && (
        <p role="status">{t('setup.new_account', { name: named.display_name })} — {t('setup.password_once')}: <code>{named.initial_password}</code></p>
      )}
      {isSiteCoordinator(user) && (
        <form onSubmit={add} noValidate class="inline-form">
          <label>{t('setup.coordinator_email')}
            <input type="email" value={form.email} aria-invalid={problems.errors.email ? 'true' : undefined}
              onInput={(event) => setForm({ ...form, email: (event.target as HTMLInputElement).value })} />
            {problems.errors.email && <span class="error">{problems.errors.email}</span>}
          </label>
          <label>{t('setup.coordinator_display_name')}
            <input value={form.display_name} aria-invalid={problems.errors.display_name ? 'true' : undefined}
              onInput={(event) => setForm({ ...form, display_name: (event.target as HTMLInputElement).value })} />
            {problems.errors.display_name && <span class="error">{problems.errors.display_name}</span>}
          </label>
          {problems.failure && !Object.keys(problems.errors).length && <p role="alert" class="error">{problems.failure}</p>}
          <Button type="submit" variant="secondary">{t('setup.name_coordinator')}</Button>
        </form>
      )}
    </section>
  );
}

function CloneEdition({ programme, startDate }: { programme: number; startDate: string }) {
  const { t } = useTranslation();
  const { route } = useLocation();
  const [form, setForm] = useState({ code: '', start_date: '' });
  const [problems, setProblems] = useState<Problems>(noProblems);
  const clone = async (event: Event) => {
    event.preventDefault();
    setProblems(noProblems);
    try {
      const created = await cloneProgramme(programme, form.code.trim(), form.start_date);
      route(`/programmes/${created.id}/settings`);
    } catch (error) { setProblems(problemsOf(error, t('error.generic'))); }
  };
  return (
    <section class="card" aria-labelledby="clone-heading">
      <h2 id="clone-heading">{t('setup.clone_title')}</h2>
      <p class="muted">{t('setup.clone_hint')}</p>
      <form onSubmit={clone} noValidate class="inline-form">
        <label>{t('setup.clone_code')}
          <input value={form.code} aria-invalid={problems.errors.code ? 'true' : undefined} onInput={(event) => setForm({ ...form, code: (event.target as HTMLInputElement).value })} />
          {problems.errors.code && <span class="error">{problems.errors.code}</span>}
        </label>
        <label>{t('setup.clone_start')}
          <input type="date" value={form.start_date} min={startDate || undefined} aria-invalid={problems.errors.start_date ? 'true' : undefined}
            onInput={(event) => setForm({ ...form, start_date: (event.target as HTMLInputElement).value })} />
          {problems.errors.start_date && <span class="error">{problems.errors.start_date}</span>}
        </label>
        {problems.failure && !Object.keys(problems.errors).length && <p role="alert" class="error">{problems.failure}</p>}
        <Button type="submit" variant="secondary">{t('setup.clone')}</Button>
      </form>
    </section>
  );
}
