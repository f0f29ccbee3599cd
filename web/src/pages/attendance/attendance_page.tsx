import { memo } from 'preact/compat';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { getAttendance, getMyModules, listSessions, problemText, recordAttendance, type AttendanceMark, type SessionAttendance } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { EmptyState } from '../../components/empty_state';
import { Skeleton } from '../../components/skeleton';
import { useToast } from '../../components/toast';
import { formatMoment } from '../../components/format';
import { useProgramme } from '../programme/programme_area';
import { useIncremental } from '../../components/use_progressive';

const MARKS = ['present', 'late', 'excused', 'absent'] as const;

// Attendance on a phone, in the room: everyone is present unless marked otherwise. The save bar
// stays at the bottom of the screen with the count so far, and the answer appears there too.
export function AttendancePage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const info = useProgramme();
  const toast = useToast();
  // Instructors see their modules: only the sessions of modules this user teaches are offered.
  const sessions = useResource(async () => {
    const [list, mine] = await Promise.all([listSessions(programme), getMyModules(programme)]);
    const taught = new Set((info?.modules ?? []).filter((m) => mine.modules.includes(m.position)).map((m) => m.id));
    return list.items.filter((item) => taught.has(item.module_id));
  }, [programme]);
  const [session, setSession] = useState<number | null>(null);
  useEffect(() => {
    if (session == null && sessions.data?.length) setSession(sessions.data[0].id);
  }, [sessions.data]);
  const sheet = useResource(() => (session == null ? Promise.resolve(null) : getAttendance(programme, session)), [programme, session]);
  // The marks as stored (unrecorded counts as present), and the changes made here on top.
  const [changes, setChanges] = useState<Record<number, AttendanceMark>>({});
  useEffect(() => setChanges({}), [sheet.data]);
  const marks = useMemo(() => {
    const all: Record<number, AttendanceMark> = {};
    for (const row of sheet.data?.marks ?? []) all[row.enrollment_id] = changes[row.enrollment_id] ?? (row.mark === 'unrecorded' ? 'present' : row.mark);
    return all;
  }, [sheet.data, changes]);
  const labels = useMemo(() => MARKS.map((mark) => t(`attendance.mark.${mark}`)), [language]);
  const choose = useCallback((enrollment: number, mark: AttendanceMark) => {
    setSaved('');
    setChanges((current) => ({ ...current, [enrollment]: mark }));
  }, []);
  // A long list is drawn as it is scrolled to, so the phone answers a tap at once.
  const { drawn, sentinel } = useIncremental(sheet.data?.marks.length ?? 0, [sheet.data]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');
  const counts = useMemo(() => {
    const tally: Record<string, number> = { present: 0, late: 0, excused: 0, absent: 0 };
    for (const mark of Object.values(marks)) tally[mark]++;
    return tally;
  }, [marks]);

  const timeZone = info?.time_zone ?? 'UTC';
  const save = async () => {
    if (session == null) return;
    const exceptions = Object.fromEntries(Object.entries(marks).filter(([, mark]) => mark !== 'present'));
    setSaving(true);
    try {
      const answer = await recordAttendance(programme, session, exceptions);
      // Said in the save bar, which stays in view (a toast would cover it).
      setSaved(t('attendance.saved', answer));
    } catch (error) {
      toast.error(problemText(error, t('error.generic')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <article>
      <h1>{t('attendance.title')}</h1>
      <Loaded resource={sessions}>
        {(list) => list.length === 0 ? <EmptyState title={t('attendance.no_sessions')} /> : (
          <label>{t('attendance.session')}
            <select value={session == null ? '' : String(session)} onChange={(event) => { setSaved(''); setSession(Number((event.target as HTMLSelectElement).value)); }}>
              {list.map((s) => <option key={s.id} value={String(s.id)}>{formatMoment(s.starts_at, language, timeZone)} · {s.title[language]}{s.place ? ` · ${s.place}` : ''}</option>)}
            </select>
          </label>
        )}
      </Loaded>
      <p class="muted">{t('attendance.hint')}</p>
      {session != null && (
        <Loaded resource={sheet} skeleton={<Skeleton lines={8} />}>
          {(loaded) => loaded && (
            <ul class="attendance">
              {loaded.marks.slice(0, drawn).map((row) => (
                <AttendanceRow key={row.enrollment_id} row={row} mark={marks[row.enrollment_id]} choose={choose} labels={labels} />
              ))}
              {drawn < loaded.marks.length && <li ref={sentinel} class="more" aria-hidden="true" />}
            </ul>
          )}
        </Loaded>
      )}
      <div class="save-dock">
        <p class="save-count" role="status" aria-live="polite">
          {saved || t('attendance.tally', counts)}
        </p>
        <button type="button" class="save-bar" onClick={save} disabled={!sheet.data || saving}>
          {saving ? t('attendance.saving') : t('attendance.save')}
        </button>
      </div>
    </article>
  );
}

// One person's row: drawn again only when their own mark changes.
const AttendanceRow = memo(function AttendanceRow({ row, mark, choose, labels }: {
  row: SessionAttendance['marks'][number]; mark: AttendanceMark; choose: (enrollment: number, mark: AttendanceMark) => void; labels: string[];
}) {
  return (
    <li>
      <fieldset>
        <legend>{row.family_names}, {row.given_names}</legend>
        <div class="marks">
          {MARKS.map((option, index) => (
            <label key={option} class={mark === option ? `mark chosen ${option}` : 'mark'}>
              <input type="radio" name={`mark-${row.enrollment_id}`} value={option} checked={mark === option} onChange={() => choose(row.enrollment_id, option)} />
              {labels[index]}
            </label>
          ))}
        </div>
      </fieldset>
    </li>
  );
});
