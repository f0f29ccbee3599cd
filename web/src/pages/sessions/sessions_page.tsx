import { useEffect, useState } from 'preact/hooks';
import { ApiError, coordinates, createSession, getProgramme, listSessions, type Programme, type Session, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { zonedToUtc } from '../../components/time_zone';

// The programme's sessions as a calendar-like list, by day, in the programme's time zone; the
// coordinator adds sessions here.
export function SessionsPage({ programme, user }: { programme: number; user: User }) {
  const { t, language } = useTranslation();
  const [info, setInfo] = useState<Programme | null>(null);
  const [sessions, setSessions] = useState<Session[]>([]);
  const [form, setForm] = useState({ module: '1', es: '', en: '', date: '', start: '08:00', end: '12:00', place: '', link: '' });
  const [errors, setErrors] = useState<string[]>([]);
  const load = () => listSessions(programme).then((list) => setSessions(list.items), () => setSessions([]));
  useEffect(() => { getProgramme(programme).then(setInfo, () => setInfo(null)); load(); }, [programme]);

  const zone = info?.time_zone ?? 'UTC';
  const locale = language === 'es' ? 'es-PA' : 'en-GB';
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: zone }).format(new Date(iso));
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone }).format(new Date(iso));
  const days = new Map<string, Session[]>();
  for (const session of sessions) days.set(day(session.starts_at), [...(days.get(day(session.starts_at)) ?? []), session]);

  const add = async (event: Event) => {
    event.preventDefault();
    setErrors([]);
    try {
      await createSession(programme, {
        module: Number(form.module), title: { es: form.es, en: form.en }, place: form.place, online_link: form.link,
        starts_at: form.date ? zonedToUtc(form.date, form.start, zone) : '', ends_at: form.date ? zonedToUtc(form.date, form.end, zone) : '',
      });
      setForm({ ...form, es: '', en: '', date: '' });
      load();
    } catch (error) {
      setErrors(error instanceof ApiError && error.problem ? [error.problem.title, ...error.problem.errors.map((detail) => `${detail.field}: ${detail.message}`)] : [t('error.generic')]);
    }
  };
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.target as HTMLInputElement).value });

  return (
    <article>
      <p><a href={`#/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('sessions.title')}</h1>
      <p class="muted">{t('sessions.zone', { zone })}</p>
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
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {coordinates(user, programme) && info && (
        <form class="card" onSubmit={add}>
          <h2>{t('sessions.add')}</h2>
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
          <button type="submit">{t('sessions.save')}</button>
        </form>
      )}
    </article>
  );
}
