import { useEffect, useState } from 'preact/hooks';
import { ApiError, changeStatus, coordinates, getParticipant, type ParticipantRecord, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { formatDate } from '../../components/format';

// The moves the domain allows (server/domain/enrollment.cpp decides; this only offers them).
type Status = ParticipantRecord['status'];
const NEXT: Record<Status, Status[]> = { enrolled: ['withdrawn', 'completed'], completed: ['graduated'], withdrawn: [], graduated: [] };

export function PersonPage({ programme, enrollment, user }: { programme: number; enrollment: number; user: User }) {
  const { t, language } = useTranslation();
  const [record, setRecord] = useState<ParticipantRecord | null>(null);
  const [etag, setEtag] = useState('');
  const [failure, setFailure] = useState('');
  const [stale, setStale] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');

  const load = () => {
    setStale(false);
    getParticipant(programme, enrollment).then(
      (loaded) => { setRecord(loaded.record); setEtag(loaded.etag); setFailure(''); },
      (error) => setFailure(error instanceof ApiError && error.problem ? error.problem.title : t('error.generic')),
    );
  };
  useEffect(load, [programme, enrollment]);

  const move = async (status: ParticipantRecord['status']) => {
    setMessage('');
    try {
      const updated = await changeStatus(programme, enrollment, status, reason, etag);
      setRecord(updated);
      setEtag(`"${updated.version}"`);
      setReason('');
      setMessage(t('person.status_changed', { status: t(`programme.status.${status}`) }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setStale(true);
      setMessage(error instanceof ApiError && error.problem
        ? [error.problem.title, ...error.problem.errors.map((detail) => detail.message)].join(' ')
        : t('error.generic'));
    }
  };

  if (failure) return <p role="alert" class="error">{failure}</p>;
  if (!record) return <p role="status">{t('app.loading')}</p>;
  const manage = coordinates(user, programme);
  return (
    <article>
      <p><a href={`#/programmes/${programme}/participants`}>{t('person.back')}</a></p>
      <h1>{record.given_names} {record.family_names}</h1>
      <dl class="facts">
        <dt>{t('participants.institution')}</dt><dd>{record.institution ? `${record.institution.name[language]}${record.institution.acronym ? ` (${record.institution.acronym})` : ''}` : '—'}</dd>
        <dt>{t('person.position')}</dt><dd>{record.position || '—'}</dd>
        <dt>{t('participants.level')}</dt><dd>{t(`programme.level.${record.level}`)}</dd>
        <dt>{t('participants.province')}</dt><dd>{record.subdivision?.name ?? '—'}</dd>
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
      {manage && NEXT[record.status].length > 0 && (
        <section aria-labelledby="status-heading" class="card">
          <h2 id="status-heading">{t('person.change_status')}</h2>
          {NEXT[record.status].includes('withdrawn') && (
            <label>{t('person.reason')}
              <textarea value={reason} maxLength={500} onInput={(event) => setReason((event.target as HTMLTextAreaElement).value)} />
            </label>
          )}
          <p class="actions">
            {NEXT[record.status].map((status) => (
              <button type="button" key={status} class={status === 'withdrawn' ? 'danger' : ''} onClick={() => move(status)}>
                {t(`person.to.${status}`)}
              </button>
            ))}
          </p>
        </section>
      )}
      {message && <p role="alert" class={stale ? 'error' : ''}>{message}</p>}
      {stale && <button type="button" onClick={load}>{t('person.reload')}</button>}
    </article>
  );
}
