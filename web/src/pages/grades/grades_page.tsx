import { useEffect, useState } from 'preact/hooks';
import { ApiError, getGradeGrid, getMyModules, getProgramme, problemText, recordGrade, type GradeGrid, type Programme } from '../../api/client';
import { useToast } from '../../components/toast';
import { Button } from '../../components/button';
import { useTranslation } from '../../i18n';
import { localeOf } from '../../components/format';

// A spreadsheet-like grid for one module: participants x assessments. Arrow keys and Enter move
// between cells; a changed cell is saved when it is left, and shows saving, saved or failed
// itself, while the message appears at the bottom of the screen. "8,5" is read as 8.5. A grade
// someone else changed meanwhile is not overwritten: the page says so and offers to reload.
export function GradesPage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const [info, setInfo] = useState<Programme | null>(null);
  const [module, setModule] = useState(1);
  const [grid, setGrid] = useState<GradeGrid | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);
  const [states, setStates] = useState<Record<string, 'saving' | 'saved' | 'failed'>>({});
  const toast = useToast();

  const load = () => {
    setStale(false);
    setDrafts({});
    setStates({});
    getGradeGrid(programme, module).then(setGrid, (error) => toast.error(problemText(error, t('error.generic'))));
  };
  // Instructors see their modules: the selector offers the ones the server lets this user teach.
  const [mine, setMine] = useState<number[] | null>(null);
  useEffect(() => {
    getProgramme(programme).then(setInfo, (error) => toast.error(problemText(error, t('error.generic'))));
    getMyModules(programme).then((answer) => { setMine(answer.modules); if (answer.modules.length && !answer.modules.includes(module)) setModule(answer.modules[0]); },
      (error) => toast.error(problemText(error, t('error.generic'))));
  }, [programme]);
  // Only once this user's modules are known: a module they do not teach would be refused.
  useEffect(() => { if (mine !== null) load(); }, [programme, module, mine]);

  const key = (row: number, column: number) => `${row}:${column}`;
  const shown = (row: number, column: number) => {
    const draft = drafts[key(row, column)];
    if (draft !== undefined) return draft;
    const score = grid!.rows[row].cells[column].score;
    return score == null ? '' : new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(score);
  };

  const save = async (row: number, column: number) => {
    const draft = drafts[key(row, column)];
    if (draft === undefined || !grid) return;
    const target = grid.rows[row];
    const cell = target.cells[column];
    const id = key(row, column);
    setStates((current) => ({ ...current, [id]: 'saving' }));
    try {
      const saved = await recordGrade(programme, target.enrollment_id, grid.assessments[column].id, draft, cell.version ?? null);
      const fresh = await getGradeGrid(programme, module);  // the module grade is the server's to compute
      setGrid({ ...fresh, rows: fresh.rows.map((r, i) => (i === row ? { ...r, cells: r.cells.map((c, j) => (j === column ? { score: saved.score, version: saved.version } : c)) } : r)) });
      setDrafts((current) => { const { [id]: _, ...rest } = current; return rest; });
      setStates((current) => ({ ...current, [id]: 'saved' }));
      toast.success(t('grades.saved', { name: `${target.given_names} ${target.family_names}`, code: grid.assessments[column].code }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setStale(true);
      setStates((current) => ({ ...current, [id]: 'failed' }));
      toast.error(error instanceof ApiError && error.problem
        ? [error.problem.title, ...error.problem.errors.map((detail) => detail.message)].join(' ')
        : t('error.generic'));
    }
  };

  const move = (event: KeyboardEvent, row: number, column: number) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], Enter: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = moves[event.key];
    if (!step || !grid) return;
    event.preventDefault();
    const next = document.getElementById(`cell-${row + step[0]}-${column + step[1]}`);
    if (next) (next as HTMLInputElement).focus();
    else void save(row, column);
  };

  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('grades.title')}</h1>
      <p class="actions"><a class="button secondary" href={`/programmes/${programme}/grade_import`}>{t('grades.import')}</a></p>
      <label class="inline">{t('grades.module')}
        <select value={String(module)} onChange={(event) => setModule(Number((event.target as HTMLSelectElement).value))}>
          {(info?.modules ?? []).filter((m) => !mine || mine.includes(m.position)).map((m) => <option key={m.position} value={String(m.position)}>{m.position}. {m.title[language]}</option>)}
        </select>
      </label>
      <p class="muted">{t('grades.hint')}</p>
      {stale && (
        <div class="stale-bar" role="alert">
          <span>{t('grades.stale')}</span>
          <Button variant="secondary" onClick={load}>{t('person.reload')}</Button>
        </div>
      )}
      {grid && (
        <div class="table-scroll grid-scroll" tabIndex={0}>
          <table class="grid">
            <caption>{grid.title[language]}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participants.name')}</th>
                {grid.assessments.map((assessment) => <th scope="col" key={assessment.id}>{assessment.code} <span class="muted">/ {assessment.max_score}</span></th>)}
                <th scope="col">{t('grades.module_grade')}</th>
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row, r) => (
                <tr key={row.enrollment_id} class={row.status === 'withdrawn' ? 'withdrawn' : ''}>
                  <th scope="row">{row.family_names}, {row.given_names}</th>
                  {grid.assessments.map((assessment, c) => (
                    <td key={assessment.id}>
                      <input id={`cell-${r}-${c}`} class={`cell ${states[key(r, c)] ?? ''}`} inputMode="decimal" disabled={row.status === 'withdrawn'}
                        aria-invalid={states[key(r, c)] === 'failed' ? true : undefined} title={states[key(r, c)] ? t(`grades.state.${states[key(r, c)]}`) : undefined}
                        aria-label={t('grades.cell', { name: `${row.given_names} ${row.family_names}`, code: assessment.code })}
                        value={shown(r, c)}
                        onInput={(event) => { setDrafts({ ...drafts, [key(r, c)]: (event.target as HTMLInputElement).value }); setStates(({ [key(r, c)]: _, ...rest }) => rest); }}
                        onBlur={() => save(r, c)}
                        onKeyDown={(event) => move(event, r, c)} />
                    </td>
                  ))}
                  <td class={row.passed ? 'num' : 'num below'}>{row.module_grade == null ? '—' : row.module_grade.toLocaleString(localeOf(language), { minimumFractionDigits: 1, maximumFractionDigits: 2 })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
