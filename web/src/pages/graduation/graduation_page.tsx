import { useMemo, useState } from 'preact/hooks';
import {
  clearGraduationOverride, eligibilityCsvUrl, getEligibility, graduateClass, problemText, setGraduationOverride,
  type Eligibility, type EligibilityRow, type User, type WhatIf,
} from '../../api/client';
import { useTranslation } from '../../i18n';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { Skeleton } from '../../components/skeleton';
import { Button, LinkButton } from '../../components/button';
import { useConfirm } from '../../components/dialog';
import { useToast } from '../../components/toast';
import { DataTable, type Column } from '../../components/data_table';
import { EmptyState } from '../../components/empty_state';
import { Stat, Stats } from '../../components/stat';
import { formatNumber } from '../../components/format';
import { shortfallText } from '../../components/shortfalls';

type Decision = 'graduate' | 'withhold';
const fullName = (row: EligibilityRow) => `${row.given_names} ${row.family_names}`;

// The coordinator's graduation screen (issue 13): who meets the requirements and why not, a
// what-if at other thresholds that changes nothing, manual decisions with a justification, and
// the class's graduation after a dry run that names who will graduate.
export function GraduationPage({ programme }: { programme: number; user: User }) {
  const { t } = useTranslation();
  const [whatIf, setWhatIf] = useState<WhatIf>({});
  const report = useResource(() => getEligibility(programme, whatIf), [programme, JSON.stringify(whatIf)]);
  return (
    <article class="wide">
      <h1>{t('graduation.title')}</h1>
      <p class="lede">{t('graduation.intro')}</p>
      <Loaded resource={report} skeleton={<Skeleton lines={10} />}>
        {(loaded) => <GraduationView programme={programme} report={loaded} whatIf={whatIf} onWhatIf={setWhatIf} reload={report.retry} />}
      </Loaded>
    </article>
  );
}

function GraduationView({ programme, report, whatIf, onWhatIf, reload }:
  { programme: number; report: Eligibility; whatIf: WhatIf; onWhatIf: (next: WhatIf) => void; reload: () => void }) {
  const { t, language } = useTranslation();
  const confirm = useConfirm();
  const toast = useToast();
  const [onlyChanges, setOnlyChanges] = useState(false);
  const [busy, setBusy] = useState(false);
  const counts = report.counts;
  const policy = report.policy;
  const number = (value: number) => formatNumber(value, language);

  const requirements = t('graduation.requirements', {
    attendance: number(policy.attendance_threshold),
    module_attendance: policy.module_attendance_threshold != null ? t('graduation.requirement_module_attendance', { value: number(policy.module_attendance_threshold) }) : '',
    modules: policy.require_all_modules ? t('graduation.requirement_modules') : '',
    final_grade: policy.minimum_final_grade != null ? t('graduation.requirement_final_grade', { value: number(policy.minimum_final_grade) }) : '',
    project: policy.require_project ? t('graduation.requirement_project') : '',
  });

  const changes = (row: EligibilityRow) => row.what_if_meets != null && row.what_if_meets !== row.meets_requirements
    && row.status !== 'withdrawn' && row.status !== 'graduated';
  const rows = useMemo(() => (onlyChanges && report.what_if ? report.rows.filter(changes) : report.rows), [report, onlyChanges]);

  // The dialog opens again, with what was typed, until the justification is long enough or the
  // coordinator cancels; the server checks the same rule.
  const decide = async (row: EligibilityRow) => {
    const form = { decision: (row.meets_requirements ? 'withhold' : 'graduate') as Decision, justification: row.override?.justification ?? '' };
    let problem = '';
    for (;;) {
      const sure = await confirm({
        title: t('graduation.override_title', { name: fullName(row) }),
        body: <OverrideForm initial={{ ...form }} problem={problem} onChange={(next) => Object.assign(form, next)} />,
        confirm: t('graduation.save_override'),
      });
      if (!sure) return;
      if (form.justification.trim().length >= 10) break;
      problem = t('graduation.justification_short');
    }
    try {
      await setGraduationOverride(programme, row.enrollment_id, form.decision, form.justification);
      toast.success(t('graduation.override_saved', { name: fullName(row) }));
      reload();
    } catch (error) {
      toast.error(problemText(error, t('error.generic')));
    }
  };
  const undo = async (row: EligibilityRow) => {
    try {
      await clearGraduationOverride(programme, row.enrollment_id);
      toast.success(t('graduation.override_removed', { name: fullName(row) }));
      reload();
    } catch (error) {
      toast.error(problemText(error, t('error.generic')));
    }
  };
  // A dry run first, so the confirmation names who the server will graduate, not who this
  // screen believes will.
  const graduate = async () => {
    setBusy(true);
    try {
      const preview = await graduateClass(programme, true);
      const names = preview.graduates.slice(0, 5).map(fullName).join(', ');
      const more = preview.graduated - 5;
      const sure = await confirm({
        title: t('graduation.confirm_title', { count: preview.graduated }),
        body: <p>{t('graduation.confirm_body', { names: more > 0 ? t('graduation.confirm_more', { names, count: more }) : names })}</p>,
        confirm: t('graduation.confirm'),
      });
      if (!sure) return;
      const done = await graduateClass(programme, false);
      toast.success(t('graduation.done', { count: done.graduated }));
      reload();
    } catch (error) {
      toast.error(problemText(error, t('error.generic')));
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<EligibilityRow>[] = [
    { key: 'name', header: t('graduation.name'), rowHeader: true, sortable: true, value: (row) => `${row.family_names}, ${row.given_names}`,
      render: (row) => <a href={`/programmes/${programme}/participants/${row.enrollment_id}`}>{row.family_names}, {row.given_names}</a> },
    { key: 'institution', header: t('gradebook.institution'), sortable: true, value: (row) => row.institution },
    { key: 'final_grade', header: t('gradebook.final_grade'), numeric: true, decimals: policy.rounding_decimals, sortable: true, value: (row) => row.final_grade },
    { key: 'attendance', header: t('gradebook.attendance'), numeric: true, decimals: policy.rounding_decimals, sortable: true, value: (row) => row.attendance },
    { key: 'outcome', header: t('graduation.outcome'), sortable: true, value: (row) => t(`graduation.outcome_value.${row.outcome}`),
      render: (row) => <>
        <span class={`badge badge-${row.outcome}`}>{t(`graduation.outcome_value.${row.outcome}`)}</span>
        {changes(row) && <span class={`badge badge-${row.what_if_meets ? 'gain' : 'lose'}`}>{t(row.what_if_meets ? 'graduation.would_gain' : 'graduation.would_lose')}</span>}
      </> },
    { key: 'reasons', header: t('graduation.reasons'), value: (row) => row.shortfalls.length,
      render: (row) => row.shortfalls.length === 0 ? <span class="ok">✓ {t('gradebook.met')}</span>
        : <ul class="reasons">{row.shortfalls.map((gap, i) => <li key={i}>{shortfallText(gap, t, language)}</li>)}</ul> },
    { key: 'override', header: t('graduation.override'), value: (row) => row.override?.decision ?? '',
      render: (row) => <>
        {row.override && <p class="override"><strong>{t(`graduation.decision.${row.override.decision}`)}</strong> — {row.override.justification}</p>}
        {row.status !== 'graduated' && !(row.status === 'withdrawn') && <p class="button-row">
          <Button variant="quiet" onClick={() => decide(row)} aria-label={`${t('graduation.decide')} ${fullName(row)}`}>{t('graduation.decide')}</Button>
          {row.override && <Button variant="quiet" onClick={() => undo(row)} aria-label={`${t('graduation.remove_override')} ${fullName(row)}`}>{t('graduation.remove_override')}</Button>}
        </p>}
      </> },
  ];

  return (
    <>
      <p>{requirements} <a href={`/programmes/${programme}/assessments`}>{t('graduation.change_requirements')}</a></p>
      <Stats label={t('graduation.stats')}>
        <Stat label={t('graduation.eligible')} value={number(counts.eligible)} />
        <Stat label={t('graduation.to_graduate')} value={number(counts.to_graduate)} tone={counts.to_graduate > 0 ? 'good' : undefined} />
        <Stat label={t('graduation.graduated')} value={number(counts.graduated)} />
        <Stat label={t('graduation.not_eligible')} value={number(counts.not_eligible)} tone={counts.not_eligible > 0 ? 'warn' : undefined} />
        <Stat label={t('graduation.withheld')} value={number(counts.withheld)} />
        <Stat label={t('graduation.withdrawn')} value={number(counts.withdrawn)} />
      </Stats>
      <p class="button-row">
        <Button onClick={graduate} disabled={busy || counts.to_graduate === 0}>
          {counts.to_graduate > 0 ? t('graduation.graduate_button', { count: counts.to_graduate }) : t('graduation.graduate_none')}
        </Button>
        <LinkButton variant="secondary" download href={eligibilityCsvUrl(programme, whatIf)}>{t('graduation.export_csv')}</LinkButton>
      </p>
      <WhatIfForm whatIf={whatIf} onApply={onWhatIf} />
      {report.what_if && <>
        <p role="status">{t('graduation.what_if_result', { gain: number(counts.would_become_eligible), lose: number(counts.would_lose_eligibility) })}</p>
        <label class="check"><input type="checkbox" checked={onlyChanges} onChange={(event) => setOnlyChanges((event.target as HTMLInputElement).checked)} /> {t('graduation.only_changes')}</label>
      </>}
      <DataTable class="graduation" caption={t('graduation.caption')} columns={columns} rows={rows} rowKey={(row) => row.enrollment_id}
        rowClass={(row) => (row.status === 'withdrawn' ? 'withdrawn' : undefined)} pageSize={100} empty={<EmptyState title={t('graduation.empty')} />} />
    </>
  );
}

// Thresholds typed as people type them ("75" or "72,5"); applied only on "Compare".
function WhatIfForm({ whatIf, onApply }: { whatIf: WhatIf; onApply: (next: WhatIf) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ attendance: whatIf.attendance?.toString() ?? '', final_grade: whatIf.final_grade?.toString() ?? '',
    module_attendance: whatIf.module_attendance?.toString() ?? '' });
  const [invalid, setInvalid] = useState<string | null>(null);
  const parsed = (text: string) => (text.trim() === '' ? undefined : Number(text.trim().replace(',', '.')));
  // A threshold is a percentage: anything else is named at its field and nothing is asked of the server.
  const apply = (event: Event) => {
    event.preventDefault();
    const next: WhatIf = {};
    for (const key of ['attendance', 'final_grade', 'module_attendance'] as const) {
      const value = parsed(values[key]);
      if (value === undefined) continue;
      if (!Number.isFinite(value) || value < 0 || value > 100) {
        setInvalid(key);
        document.getElementById(`what-if-${key}`)?.focus();
        return;
      }
      next[key] = value;
    }
    setInvalid(null);
    onApply(next);
  };
  const field = (key: keyof typeof values, label: string) => (
    <label>{label}<input id={`what-if-${key}`} inputMode="decimal" value={values[key]} aria-invalid={invalid === key ? true : undefined}
      aria-describedby={invalid === key ? 'what-if-problem' : undefined} onInput={(event) => setValues({ ...values, [key]: (event.target as HTMLInputElement).value })} /></label>
  );
  return (
    <form class="panel what-if" onSubmit={apply} aria-labelledby="what-if-heading">
      <h2 id="what-if-heading">{t('graduation.what_if')}</h2>
      <p>{t('graduation.what_if_help')}</p>
      <div class="fields">
        {field('attendance', t('graduation.what_if_attendance'))}
        {field('final_grade', t('graduation.what_if_final_grade'))}
        {field('module_attendance', t('graduation.what_if_module_attendance'))}
      </div>
      {invalid && <p id="what-if-problem" class="field-error" role="alert">{t('graduation.what_if_invalid')}</p>}
      <p class="button-row">
        <Button type="submit" variant="secondary">{t('graduation.compare')}</Button>
        {Object.keys(whatIf).length > 0 && <Button variant="quiet" onClick={() => { setValues({ attendance: '', final_grade: '', module_attendance: '' }); onApply({}); }}>{t('graduation.clear_what_if')}</Button>}
      </p>
    </form>
  );
}

function OverrideForm({ initial, problem, onChange }:
  { initial: { decision: Decision; justification: string }; problem: string; onChange: (next: { decision: Decision; justification: string }) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const update = (next: typeof form) => { setForm(next); onChange(next); };
  return (
    <div class="override-form">
      <p>{t('graduation.override_help')}</p>
      <fieldset>
        <legend>{t('graduation.override')}</legend>
        {(['graduate', 'withhold'] as const).map((decision) => (
          <label key={decision} class="check">
            <input type="radio" name="decision" value={decision} checked={form.decision === decision} onChange={() => update({ ...form, decision })} /> {t(`graduation.decision.${decision}`)}
          </label>
        ))}
      </fieldset>
      <label>{t('graduation.justification')}
        <textarea value={form.justification} maxLength={2000} aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'justification-problem' : undefined}
          onInput={(event) => update({ ...form, justification: (event.target as HTMLTextAreaElement).value })} />
      </label>
      {problem && <p id="justification-problem" class="field-error" role="alert">{problem}</p>}
    </div>
  );
}
