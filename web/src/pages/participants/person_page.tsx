import { useState } from 'preact/hooks';
import { ApiError, anonymiseParticipant, certificatePdfUrl, changeStatus, coordinates, getEligibility, listCertificates, getGradebook, getParticipant, problemText, teaches, type ParticipantRecord, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { formatDate, formatNumber, formatPercent } from '../../components/format';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { Button } from '../../components/button';
import { useConfirm } from '../../components/dialog';
import { useToast } from '../../components/toast';
import { DataTable } from '../../components/data_table';
import { Stat, Stats } from '../../components/stat';
import { shortfallText } from '../../components/shortfalls';
import { useFieldLabel, useProgramme } from '../programme/programme_area';

// The moves the domain allows (server/domain/enrollment.cpp decides; this only offers them).
// Graduation is not among them: it is decided for the class on the graduation screen.
type Status = ParticipantRecord['status'];
const NEXT: Record<Status, Status[]> = { enrolled: ['withdrawn', 'completed'], completed: [], withdrawn: [], graduated: [] };

// One person's record and, for those who teach the programme, their progress: module grades,
// attendance, team, project and every reason they do not (yet) meet the requirements.
export function PersonPage({ programme, enrollment, user }: { programme: number; enrollment: number; user: User }) {
  const { t, language } = useTranslation();
  const fieldLabel = useFieldLabel();
  const confirm = useConfirm();
  const toast = useToast();
  const person = useResource(() => getParticipant(programme, enrollment), [programme, enrollment]);
  const [reason, setReason] = useState('');
  const [stale, setStale] = useState(false);

  const move = async (status: Status) => {
    const { record, etag } = person.data!;
    if (status === 'withdrawn' && !reason.trim()) {
      toast.error(t('person.reason_required'));
      document.getElementById('withdrawal-reason')?.focus();
      return;
    }
    const name = `${record.given_names} ${record.family_names}`;
    const sure = await confirm({
      title: t(`person.confirm.${status}.title`, { name }),
      body: <p>{t(`person.confirm.${status}.body`, { name })}{status === 'withdrawn' && reason && <> {t('person.confirm.reason', { reason })}</>}</p>,
      confirm: t(`person.to.${status}`), danger: status === 'withdrawn',
    });
    if (!sure) return;
    try {
      const updated = await changeStatus(programme, enrollment, status, reason, etag);
      person.set({ record: updated, etag: `"${updated.version}"` });
      setReason('');
      toast.success(t('person.status_changed', { status: t(`programme.status.${status}`) }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setStale(true);
      toast.error(problemText(error, t('error.generic')));
    }
  };

  // Ley 81's cancellation: for good, so the dialog says exactly what goes and what stays.
  const anonymise = async (name: string) => {
    const sure = await confirm({
      title: t('person.anonymise_confirm', { name }),
      body: <p>{t('person.anonymise_body')}</p>,
      confirm: t('person.anonymise'), danger: true,
    });
    if (!sure) return;
    try {
      const done = await anonymiseParticipant(programme, enrollment);
      toast.success(done.account_closed ? t('person.anonymised_with_account') : t('person.anonymised_done'));
      person.retry();
    } catch (error) {
      toast.error(problemText(error, t('error.generic')));
    }
  };

  return (
    <article>
      <p><a href={`/programmes/${programme}/participants`}>{t('person.back')}</a></p>
      <Loaded resource={person}>
        {({ record }) => {
          const manage = coordinates(user, programme);
          return <>
            <h1>{record.anonymised ? t('person.anonymised_title', { number: record.family_names }) : `${record.given_names} ${record.family_names}`}</h1>
            {record.anonymised && <p class="muted" role="note">{t('person.anonymised_note')}</p>}
            <dl class="facts">
              <dt>{t('participants.institution')}</dt><dd>{record.institution ? `${record.institution.name[language]}${record.institution.acronym ? ` (${record.institution.acronym})` : ''}` : '—'}</dd>
              <dt>{t('person.position')}</dt><dd>{record.position || '—'}</dd>
              <dt>{t('participants.level')}</dt><dd>{t(`programme.level.${record.level}`)}</dd>
              <dt>{fieldLabel('subdivision')}</dt><dd>{record.subdivision?.name ?? '—'}</dd>
              <dt>{t('participants.sex')}</dt><dd>{t(`participants.sex_value.${record.sex}`)}</dd>
              <dt>{t('participants.team')}</dt><dd>{record.team?.name ?? '—'}</dd>
              <dt>{t('participants.status')}</dt>
              <dd>{t(`programme.status.${record.status}`)}{record.withdrawal_reason && <> — {record.withdrawal_reason}</>}</dd>
              {manage && <>
                <dt>{t('person.email')}</dt><dd>{record.email || '—'}</dd>
                <dt>{t('person.phone')}</dt><dd>{record.phone || '—'}</dd>
                <dt>{t('person.consent')}</dt>
                <dd>{record.consent.date
                  ? t('person.consent_given', { date: formatDate(record.consent.date, language), version: record.consent.notice_version || '—', purposes: record.consent.purposes || '—' })
                  : t('person.no_consent')}</dd>
              </>}
            </dl>
            {teaches(user, programme) && <PersonProgress programme={programme} enrollment={enrollment} />}
            {manage && <PersonGraduation programme={programme} enrollment={enrollment} />}
            {manage && NEXT[record.status].length > 0 && (
              <section aria-labelledby="status-heading" class="panel">
                <h2 id="status-heading">{t('person.change_status')}</h2>
                {NEXT[record.status].includes('withdrawn') && (
                  <label>{t('person.reason')}
                    <textarea id="withdrawal-reason" value={reason} maxLength={500} onInput={(event) => setReason((event.target as HTMLTextAreaElement).value)} />
                  </label>
                )}
                <p class="actions">
                  {NEXT[record.status].map((status) => (
                    <Button key={status} variant={status === 'withdrawn' ? 'danger' : 'secondary'} onClick={() => move(status)}>{t(`person.to.${status}`)}</Button>
                  ))}
                </p>
                {stale && <Button variant="secondary" onClick={() => { setStale(false); person.retry(); }}>{t('person.reload')}</Button>}
              </section>
            )}
            {manage && !record.anonymised && (
              <section aria-labelledby="privacy-heading" class="panel">
                <h2 id="privacy-heading">{t('person.privacy_title')}</h2>
                <p>{t('person.privacy_hint')}</p>
                <p class="actions">
                  <Button variant="danger" onClick={() => anonymise(`${record.given_names} ${record.family_names}`)}>{t('person.anonymise')}</Button>
                </p>
              </section>
            )}
          </>;
        }}
      </Loaded>
    </article>
  );
}

function PersonProgress({ programme, enrollment }: { programme: number; enrollment: number }) {
  const { t, language } = useTranslation();
  const info = useProgramme();
  const book = useResource(() => getGradebook(programme), [programme]);
  return (
    <section aria-labelledby="progress-heading" class="panel">
      <h2 id="progress-heading">{t('person.progress')}</h2>
      <Loaded resource={book}>
        {(loaded) => {
          const row = loaded.rows.find((item) => item.enrollment_id === enrollment);
          if (!row) return <p>{t('person.no_progress')}</p>;
          const decimals = loaded.policy.rounding_decimals;
          const modules = (info?.modules ?? []).map((module, m) => ({ module, grade: row.module_grades[m], attendance: row.module_attendance[m] }));
          return <>
            <Stats>
              <Stat label={t('dashboard.final_grade')} value={formatNumber(row.final_grade, language, decimals)} />
              <Stat label={t('dashboard.attendance')} value={formatPercent(row.attendance, language, decimals)}
                tone={row.attendance != null && row.attendance < loaded.policy.attendance_threshold ? 'warn' : undefined}
                note={t('dashboard.threshold', { value: formatPercent(loaded.policy.attendance_threshold, language) })} />
              <Stat label={t('dashboard.modules_passed')} value={`${row.modules_passed} / ${modules.length}`} />
              <Stat label={t('person.project')} value={row.project_submitted ? t('person.project_submitted') : t('person.project_missing')}
                tone={row.project_submitted ? 'good' : undefined} />
            </Stats>
            <h3>{t('person.requirements')}</h3>
            {row.meets_requirements ? <p class="ok">✓ {t('person.meets')}</p> : (
              <ul class="reasons" aria-label={t('person.reasons')}>{row.shortfalls.map((gap, i) => <li key={i}>{shortfallText(gap, t, language)}</li>)}</ul>
            )}
            <DataTable caption={t('person.by_module')} rows={modules} rowKey={(item) => item.module.id}
              columns={[
                { key: 'module', header: t('grades.module'), rowHeader: true, value: (item) => `${item.module.position}. ${item.module.title[language]}` },
                { key: 'grade', header: t('person.grade'), numeric: true, decimals, value: (item) => item.grade,
                  cellClass: (item) => (item.grade != null && item.grade < item.module.pass_mark ? 'below' : undefined) },
                { key: 'attendance', header: t('gradebook.attendance'), numeric: true, decimals, value: (item) => item.attendance },
              ]} />
          </>;
        }}
      </Loaded>
    </section>
  );
}

// The enrolment's graduation as the coordinator decides it: the outcome, any manual decision
// with its justification, and the way to the class's graduation screen.
function PersonGraduation({ programme, enrollment }: { programme: number; enrollment: number }) {
  const { t } = useTranslation();
  const eligibility = useResource(() => getEligibility(programme, { enrollment_id: enrollment }), [programme, enrollment]);
  const certificates = useResource(() => listCertificates(programme), [programme]);
  return (
    <section aria-labelledby="graduation-heading" class="panel">
      <h2 id="graduation-heading">{t('person.graduation')}</h2>
      <Loaded resource={eligibility}>
        {(loaded) => {
          const row = loaded.rows[0];
          return <>
            <p>{t('person.graduation_outcome')}: <span class={`badge badge-${row.outcome}`}>{t(`graduation.outcome_value.${row.outcome}`)}</span></p>
            {row.override && <p>{t('person.graduation_override', { decision: t(`graduation.decision.${row.override.decision}`), justification: row.override.justification })}</p>}
            <p><a href={`/programmes/${programme}/graduation`}>{t('person.see_graduation')}</a></p>
          </>;
        }}
      </Loaded>
      <Loaded resource={certificates}>
        {(loaded) => {
          const own = loaded.items.filter((c) => c.enrollment_id === enrollment && c.state !== 'superseded');
          if (own.length === 0) return <p class="muted">{t('person.no_certificates')}</p>;
          return <ul class="certificates-of-person" aria-label={t('person.certificates')}>
            {own.map((c) => (
              <li key={c.serial}>
                {t(`verify.kinds.${c.kind}`)} · <code>{c.serial}</code> · {t(`verify.state.${c.state}`)}{' '}
                {c.state === 'valid' && <a href={certificatePdfUrl(programme, c.serial)} download aria-label={t('certificates.download', { serial: c.serial })}>{t('certificates.pdf')}</a>}
              </li>
            ))}
          </ul>;
        }}
      </Loaded>
    </section>
  );
}
