import { useEffect, useState } from 'preact/hooks';
import { ApiError, coordinates, createSession, deleteSession, getProgramme, listSessions, updateSession, type Programme, type Session, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useFailureToast } from '../../components/toast';
import { useConfirm } from '../../components/dialog';
import { Button } from '../../components/button';
import { localeOf } from '../../components/format';
import { utcToZoned, zonedToUtc } from '../../components/time_zone';

// The programme's sessions as a calendar-like list, by day, in the programme's time zone; the
// coordinator adds sessions here.
export function SessionsPage({ programme, user }: { programme: number; user: User }) {
  const { t, language } = useTranslation();
  const failed = useFailureToast();
  const [info, setInfo] = useState<Programme | null>(null);
  const [sessions, setSessions] = useState<Session[]>([]);
  const [form, setForm] = useState({ module: '1', es: '', en: '', date: '', start: '08:00', end: '12:00', place: '', link: '' });
  const [errors, setErrors] = useState<string[]>([]);
  const [editing, setEditing] = useState<Session | null>(null);
  const [saved, setSaved] = useState('');
  const load = () => listSessions(programme).then((list) => setSessions(list.items), failed);
  useEffect(() => { getProgramme(programme).then(setInfo, failed); load(); }, [programme]);

  const confirm = useConfirm();
  const zone = info?.time_zone ?? 'UTC';
  const locale = localeOf(language);
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: zone }).format(new Date(iso));
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone }).format(new Date(iso));
  const days = new Map<string, Session[]>();
  for (const session of sessions) days.set(day(session.starts_at), [...(days.get(day(session.starts_at)) ?? []), session]);

  const fail = (error: unknown) =>
    setErrors(error instanceof ApiError && error.problem ? [error.problem.title, ...error.problem.errors.map((detail) => `${detail.field}: ${detail.message}`)] : [t('error.generic')]);
  const add = async (event: Event) => {
    event.preventDefault();
    setErrors([]);
    setSaved('');
    try {
      const body = {
        module: Number(form.module), title: { es: form.es, en: form.en }, place: form.place, online_link: form.link,
        starts_at: form.date ? zonedToUtc(form.date, form.start, zone) : '', ends_at: form.date ? zonedToUtc(form.date, form.end, zone) : '',
      };
      if (editing) {
        await updateSession(programme, editing.id, body, editing.version);
        setSaved(t('sessions.updated'));
        setEditing(null);
      } else {
        await createSession(programme, body);
      }
      setForm({ ...form, es: '', en: '', date: '' });
      load();
    } catch (error) { fail(error); }
  };
  const edit = (session: Session) => {
    const position = info?.modules.find((m) => m.id === session.module_id)?.position ?? 1;
    setEditing(session);
    setErrors([]);
    setSaved('');
    // The stored UTC times, back in the programme's zone for the form.
    const starts = utcToZoned(session.starts_at, zone), ends = utcToZoned(session.ends_at, zone);
    setForm({ module: String(position), es: session.title.es, en: session.title.en, date: starts.date, start: starts.time, end: ends.time,
      place: session.place, link: session.online_link });
  };
  const remove = async (session: Session) => {
    const sure = await confirm({ title: t('sessions.confirm_remove', { title: session.title[language] }),
      body: <p>{t('sessions.confirm_remove_body', { when: `${day(session.starts_at)} ${time(session.starts_at)}` })}</p>, confirm: t('sessions.remove_short'), danger: true });
    if (!sure) return;
    setErrors([]);
    setSaved('');
    try { await deleteSession(programme, session.id); setSaved(t('sessions.removed')); load(); } catch (error) { fail(error); }
  };
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.target as HTMLInputElement).value });

  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('sessions.title')}</h1>
      <p class="muted">{t('sessions.zone', { zone })}</p>
      {errors.length > 0 && !coordinates(user, programme) && <div role="alert" class="error">{errors.map((line, index) => <p key={index}>{line}</p>)}</div>}
      {[...days.entries()].map(([label, items]) => (
        <section key={label} class="day" aria-label={label}>
          <h2>{label}</h2>
          <ul class="cards">
            {items.map((session) => {
              return (
                <li class="card" key={session.id}>
                  <h3>{time(session.starts_at)}–{time(session.ends_at)} · {session.title[language]}</h3>
                  <p class="muted">{session.place || (session.online_link ? t('sessions.online') : '—')}</p>
                  {session.online_link && <p><a href={session.online_link} rel="noopener noreferrer">{t('sessions.join')}</a></p>}
                  {coordinates(user, programme) && (
                    <p class="actions">
                      <Button variant="secondary" onClick={() => edit(session)}>{t('sessions.edit', { title: session.title[language] })}</Button>
                      {/* A session with attendance taken stays (the server refuses too). */}
                      {session.marks === 0 && <Button variant="danger" onClick={() => remove(session)}>{t('sessions.remove', { title: session.title[language] })}</Button>}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {saved && <p role="status">{saved}</p>}
      {coordinates(user, programme) && info && (
        <form class="card" onSubmit={add}>
          <h2>{editing ? t('sessions.editing', { title: editing.title[language] }) : t('sessions.add')}</h2>
          <label>{t('grades.module')}
            <select value={form.module} onChange={set('module')}>
              {info.modules.map((m) => <option key={m.position} value={String(m.position)}>{m.position}. {m.title[language]}</option>)}
            </select>
          </label>
          <label>{t('sessions.topic_es')} *<input value={form.es} onInput={set('es')} /></label>
          <label>{t('sessions.topic_en')} *<input value={form.en} onInput={set('en')} /></label>
          <label>{t('sessions.date')} *<input type="date" value={form.date} onInput={set('date')} /></label>
          <label>{t('sessions.starts')}<input type="time" value={form.start} onInput={set('start')} /></label>
          <label>{t('sessions.ends')}<input type="time" value={form.end} onInput={set('end')} /></label>
          <label>{t('sessions.place')}<input value={form.place} onInput={set('place')} /></label>
          <label>{t('sessions.link')}<input type="url" value={form.link} onInput={set('link')} placeholder="https://" /></label>
          {errors.length > 0 && <div role="alert" class="error">{errors.map((line, index) => <p key={index}>{line}</p>)}</div>}
          <p class="actions">
            <Button type="submit">{editing ? t('sessions.save_changes') : t('sessions.save')}</Button>
            {editing && <Button type="button" variant="secondary" onClick={() => { setEditing(null); setForm({ ...form, es: '', en: '', date: '' }); }}>{t('sessions.cancel')}</Button>}
          </p>
        </form>
      )}
    </article>
  );
}
