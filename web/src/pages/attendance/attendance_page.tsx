import { useEffect, useState } from 'preact/hooks';
import { ApiError, getAttendance, getMyModules, getProgramme, listSessions, recordAttendance, type AttendanceMark, type Session, type SessionAttendance } from '../../api/client';
import { useTranslation } from '../../i18n';

const MARKS = ['present', 'late', 'excused', 'absent'] as const;

// Attendance on a phone, in the room: everyone is present unless marked otherwise.
export function AttendancePage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const [sessions, setSessions] = useState<Session[]>([]);
  const [session, setSession] = useState<number | null>(null);
  const [sheet, setSheet] = useState<SessionAttendance | null>(null);
  const [marks, setMarks] = useState<Record<number, AttendanceMark>>({});
  const [message, setMessage] = useState('');

  useEffect(() => {
    // Instructors see their modules: only the sessions of modules this user teaches are offered.
    Promise.all([listSessions(programme), getMyModules(programme), getProgramme(programme)]).then(([list, mine, info]) => {
      const taught = new Set(info.modules.filter((m) => mine.modules.includes(m.position)).map((m) => m.id));
      const offered = list.items.filter((item) => taught.has(item.module_id));
      setSessions(offered);
      if (offered.length) setSession(offered[0].id);
    }, () => setSessions([]));
  }, [programme]);
  useEffect(() => {
    if (session == null) return;
    setMessage('');
    getAttendance(programme, session).then((loaded) => {
      setSheet(loaded);
      setMarks(Object.fromEntries(loaded.marks.map((row) => [row.enrollment_id, row.mark === 'unrecorded' ? 'present' : row.mark])));
    }, (error) => setMessage(error instanceof ApiError && error.problem ? error.problem.title : t('error.generic')));
  }, [programme, session]);

  const when = (iso: string) => new Intl.DateTimeFormat(language === 'es' ? 'es-PA' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Panama' }).format(new Date(iso));
  const save = async () => {
    if (session == null) return;
    const exceptions = Object.fromEntries(Object.entries(marks).filter(([, mark]) => mark !== 'present'));
    try {
      const counts = await recordAttendance(programme, session, exceptions);
      setMessage(t('attendance.saved', counts));
    } catch (error) {
      setMessage(error instanceof ApiError && error.problem ? error.problem.title : t('error.generic'));
    }
  };

  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('attendance.title')}</h1>
      <label>{t('attendance.session')}
        <select value={session == null ? '' : String(session)} onChange={(event) => setSession(Number((event.target as HTMLSelectElement).value))}>
          {sessions.map((s) => <option key={s.id} value={String(s.id)}>{when(s.starts_at)} · {s.title[language]}{s.place ? ` · ${s.place}` : ''}</option>)}
        </select>
      </label>
      <p class="muted">{t('attendance.hint')}</p>
      {sheet && (
        <ul class="attendance">
          {sheet.marks.map((row) => (
            <li key={row.enrollment_id}>
              <fieldset>
                <legend>{row.family_names}, {row.given_names}</legend>
                <div class="marks">
                  {MARKS.map((mark) => (
                    <label key={mark} class={marks[row.enrollment_id] === mark ? `mark chosen ${mark}` : 'mark'}>
                      <input type="radio" name={`mark-${row.enrollment_id}`} value={mark} checked={marks[row.enrollment_id] === mark}
                        onChange={() => setMarks({ ...marks, [row.enrollment_id]: mark })} />
                      {t(`attendance.mark.${mark}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          ))}
        </ul>
      )}
      {message && <p role="status">{message}</p>}
      <button type="button" class="save-bar" onClick={save} disabled={!sheet}>{t('attendance.save')}</button>
    </article>
  );
}
