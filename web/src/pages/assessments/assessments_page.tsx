import { useEffect, useState } from 'preact/hooks';
import { ApiError, createAssessment, deleteAssessment, getGradebook, getProgramme, listAssessments, updateAssessment, updateGradingPolicy, type AssessmentDetail, type AssessmentInput, type Gradebook, type GradingPolicy, type Programme } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useFailureToast } from '../../components/toast';
import { useConfirm } from '../../components/dialog';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data_table';

const KINDS = ['quiz', 'assignment', 'exam', 'participation', 'project', 'pretest', 'posttest'];

// The coordinator's view of how the programme is graded: the policy, and the assessments by module.
// An empty box is "not asked" (null); "72,5" is read with the decimal comma.
const optionalNumber = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

export function AssessmentsPage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const failed = useFailureToast();
  const confirm = useConfirm();
  const [info, setInfo] = useState<Programme | null>(null);
  const [book, setBook] = useState<Gradebook | null>(null);
  const [policy, setPolicy] = useState<GradingPolicy | null>(null);
  const [form, setForm] = useState({ code: '', module: '1', kind: 'quiz', es: '', en: '', max_score: '10', weight: '1', due_date: '' });
  const [messages, setMessages] = useState<string[]>([]);
  const [saved, setSaved] = useState('');

  const [details, setDetails] = useState<AssessmentDetail[]>([]);
  const [editing, setEditing] = useState<AssessmentDetail | null>(null);
  const load = () => {
    getGradebook(programme).then((loaded) => { setBook(loaded); setPolicy(loaded.policy); }, failed);
    listAssessments(programme).then((list) => setDetails(list.items), failed);
  };
  useEffect(() => { getProgramme(programme).then(setInfo, failed); load(); }, [programme]);
  const fail = (error: unknown) =>
    setMessages(error instanceof ApiError && error.problem ? [error.problem.title, ...error.problem.errors.map((detail) => `${detail.field}: ${detail.message}`)] : [t('error.generic')]);

  const savePolicy = async (event: Event) => {
    event.preventDefault();
    setMessages([]);
    try { setPolicy(await updateGradingPolicy(programme, policy!)); setSaved(t('assessments.policy_saved')); load(); } catch (error) { fail(error); }
  };
  const addAssessment = async (event: Event) => {
    event.preventDefault();
    setMessages([]);
    setSaved('');
    try {
      const test = form.kind === 'pretest' || form.kind === 'posttest';
      const body: AssessmentInput = {
        code: form.code, module: test ? null : Number(form.module), kind: form.kind as AssessmentInput['kind'], title: { es: form.es, en: form.en },
        max_score: Number(form.max_score.replace(',', '.')), weight: Number(form.weight.replace(',', '.')), due_date: form.due_date,
      };
      if (editing) {
        await updateAssessment(programme, editing.id, body, editing.version);
        setSaved(t('assessments.updated', { code: form.code }));
        setEditing(null);
      } else {
        await createAssessment(programme, body);
        setSaved(t('assessments.added', { code: form.code }));
      }
      setForm({ ...form, code: '', es: '', en: '' });
      load();
    } catch (error) { fail(error); }
  };
  const edit = (assessment: AssessmentDetail) => {
    setEditing(assessment);
    setMessages([]);
    setSaved('');
    setForm({ code: assessment.code, module: String(assessment.module ?? 1), kind: assessment.kind, es: assessment.title.es, en: assessment.title.en,
      max_score: String(assessment.max_score), weight: String(assessment.weight), due_date: assessment.due_date ?? '' });
  };
  const remove = async (assessment: AssessmentDetail) => {
    const sure = await confirm({ title: t('assessments.confirm_remove', { code: assessment.code }),
      body: <p>{t('assessments.confirm_remove_body', { title: assessment.title[language] })}</p>, confirm: t('assessments.remove_short'), danger: true });
    if (!sure) return;
    setMessages([]);
    setSaved('');
    try { await deleteAssessment(programme, assessment.id); setSaved(t('assessments.removed', { code: assessment.code })); load(); } catch (error) { fail(error); }
  };
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.target as HTMLInputElement).value });

  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('assessments.title')}</h1>
      {saved && <p role="status">{saved}</p>}
      {messages.length > 0 && <div role="alert" class="error">{messages.map((line, index) => <p key={index}>{line}</p>)}</div>}
      {policy && (
        <form class="card" onSubmit={savePolicy}>
          <h2>{t('assessments.policy')}</h2>
          <label>{t('assessments.pass_mark')}<input inputMode="decimal" value={String(policy.module_pass_mark)} onInput={(event) => setPolicy({ ...policy, module_pass_mark: Number((event.target as HTMLInputElement).value) })} /></label>
          <label>{t('assessments.missing')}
            <select value={policy.missing_grade} onChange={(event) => setPolicy({ ...policy, missing_grade: (event.target as HTMLSelectElement).value as GradingPolicy['missing_grade'] })}>
              <option value="counts_as_zero">{t('assessments.missing_zero')}</option>
              <option value="left_out">{t('assessments.missing_left_out')}</option>
            </select>
          </label>
          <label>{t('assessments.rounding')}<input type="number" min={0} max={3} value={policy.rounding_decimals} onInput={(event) => setPolicy({ ...policy, rounding_decimals: Number((event.target as HTMLInputElement).value) })} /></label>
          <label>{t('assessments.threshold')}<input inputMode="decimal" value={String(policy.attendance_threshold)} onInput={(event) => setPolicy({ ...policy, attendance_threshold: Number((event.target as HTMLInputElement).value) })} /></label>
          <label>{t('assessments.excused')}
            <select value={policy.excused_absence} onChange={(event) => setPolicy({ ...policy, excused_absence: (event.target as HTMLSelectElement).value as GradingPolicy['excused_absence'] })}>
              <option value="left_out">{t('assessments.excused_left_out')}</option>
              <option value="counts_as_present">{t('assessments.excused_present')}</option>
              <option value="counts_as_absent">{t('assessments.excused_absent')}</option>
            </select>
          </label>
          <fieldset>
            <legend>{t('assessments.graduation_requirements')}</legend>
            <label>{t('assessments.module_attendance')}<input inputMode="decimal" value={policy.module_attendance_threshold == null ? '' : String(policy.module_attendance_threshold)}
              onInput={(event) => setPolicy({ ...policy, module_attendance_threshold: optionalNumber((event.target as HTMLInputElement).value) })} /></label>
            <label>{t('assessments.minimum_final_grade')}<input inputMode="decimal" value={policy.minimum_final_grade == null ? '' : String(policy.minimum_final_grade)}
              onInput={(event) => setPolicy({ ...policy, minimum_final_grade: optionalNumber((event.target as HTMLInputElement).value) })} /></label>
            <label class="check"><input type="checkbox" checked={policy.require_all_modules} onChange={(event) => setPolicy({ ...policy, require_all_modules: (event.target as HTMLInputElement).checked })} /> {t('assessments.require_all_modules')}</label>
            <label class="check"><input type="checkbox" checked={policy.require_project} onChange={(event) => setPolicy({ ...policy, require_project: (event.target as HTMLInputElement).checked })} /> {t('assessments.require_project')}</label>
          </fieldset>
          <Button type="submit">{t('assessments.save_policy')}</Button>
        </form>
      )}
      {book && info && (
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">{t('assessments.list')}</h2>
          <DataTable caption={t('assessments.list')} rows={details} rowKey={(assessment) => assessment.id} columns={[
            { key: 'code', header: t('assessments.code'), rowHeader: true, sortable: true, value: (assessment) => assessment.code },
            { key: 'module', header: t('grades.module'), sortable: true, compare: (a, b) => (a.module ?? 0) - (b.module ?? 0),
              value: (assessment) => (assessment.module == null ? t('assessments.programme_level') : `${assessment.module}. ${info.modules[assessment.module - 1]?.title[language] ?? ''}`) },
            { key: 'kind', header: t('assessments.kind'), sortable: true, value: (assessment) => t(`assessments.kinds.${assessment.kind}`) },
            { key: 'max', header: t('assessments.max'), numeric: true, decimals: 0, value: (assessment) => assessment.max_score },
            { key: 'weight', header: t('assessments.weight'), numeric: true, decimals: 2, value: (assessment) => assessment.weight },
            { key: 'grades', header: t('assessments.grades'), numeric: true, sortable: true, value: (assessment) => assessment.grades },
            { key: 'actions', header: t('assessments.actions'), value: () => null,
              render: (assessment) => (
                <span class="button-row">
                  <Button variant="quiet" onClick={() => edit(assessment)}>{t('assessments.edit', { code: assessment.code })}</Button>
                  {assessment.grades === 0 && <Button variant="quiet" onClick={() => remove(assessment)}>{t('assessments.remove', { code: assessment.code })}</Button>}
                </span>
              ) },
          ]} />
          <form class="card" onSubmit={addAssessment}>
            <h2>{editing ? t('assessments.editing', { code: editing.code }) : t('assessments.add')}</h2>
            <label>{t('assessments.code')} *<input value={form.code} onInput={set('code')} /></label>
            <label>{t('assessments.kind')}
              <select value={form.kind} onChange={set('kind')}>{KINDS.map((kind) => <option key={kind} value={kind}>{t(`assessments.kinds.${kind}`)}</option>)}</select>
            </label>
            {form.kind !== 'pretest' && form.kind !== 'posttest' && (
              <label>{t('grades.module')}
                <select value={form.module} onChange={set('module')}>{info.modules.map((m) => <option key={m.position} value={String(m.position)}>{m.position}. {m.title[language]}</option>)}</select>
              </label>
            )}
            <label>{t('assessments.title_es')} *<input value={form.es} onInput={set('es')} /></label>
            <label>{t('assessments.title_en')} *<input value={form.en} onInput={set('en')} /></label>
            <label>{t('assessments.max')} *<input inputMode="decimal" value={form.max_score} onInput={set('max_score')} /></label>
            <label>{t('assessments.weight')}<input inputMode="decimal" value={form.weight} onInput={set('weight')} /></label>
            <label>{t('assessments.due')}<input type="date" value={form.due_date} onInput={set('due_date')} /></label>
            <p class="actions">
              <Button type="submit">{editing ? t('assessments.save_changes') : t('assessments.save_assessment')}</Button>
              {editing && <Button type="button" variant="secondary" onClick={() => { setEditing(null); setForm({ ...form, code: '', es: '', en: '' }); }}>{t('sessions.cancel')}</Button>}
            </p>
          </form>
        </section>
      )}
    </article>
  );
}
