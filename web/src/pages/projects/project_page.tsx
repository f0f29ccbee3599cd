import { useEffect, useState } from 'preact/hooks';
import { ApiError, addAttachment, attachmentUrl, getMyProject, getProgramme, problemText, submitProject, type ProjectDetail, type ProjectInput } from '../../api/client';
import { useTranslation } from '../../i18n';
import { localeOf } from '../../components/format';
import { UploadProgress, type UploadState } from '../../components/upload_progress';
import { ErrorState } from '../../components/loaded';
import { Skeleton } from '../../components/skeleton';
import { EmptyState } from '../../components/empty_state';
import { GCM_NUMBERS } from './gcm_objectives';
import { Button } from '../../components/button';

const FIELDS = ['title', 'problem', 'objectives', 'target_population', 'human_rights', 'expected_results'] as const;
const MAX_BYTES = 20 * 1024 * 1024;


// A team member writes and submits the team's final project, tagged with GCM objectives, and
// attaches PDFs. Every submission is a new version; the deadline shows in the programme's zone.
export function ProjectPage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const [detail, setDetail] = useState<ProjectDetail | null>(null);
  const [timeZone, setTimeZone] = useState('UTC');
  const [form, setForm] = useState<Required<ProjectInput>>({ title: '', problem: '', objectives: '', target_population: '', human_rights: '', expected_results: '', gcm_objectives: [] });
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [uploading, setUploading] = useState<UploadState>(null);

  const show = (loaded: ProjectDetail) => {
    setDetail(loaded);
    if (loaded.project) {
      const { title, problem, objectives, target_population, human_rights, expected_results, gcm_objectives } = loaded.project;
      setForm({ title, problem, objectives, target_population, human_rights, expected_results, gcm_objectives });
    }
  };
  useEffect(() => {
    getMyProject(programme).then(show, setFailure);
    getProgramme(programme).then((loaded) => setTimeZone(loaded.time_zone), setFailure);
  }, [programme]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setMessage('');
    setSaved('');
    try { show(await submitProject(programme, form)); setSaved(t('project.submitted')); } catch (error) { setMessage(problemText(error, t('error.generic'))); }
  };
  const attach = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || !detail?.project) return;
    setMessage('');
    setSaved('');
    if (file.size > MAX_BYTES) { setMessage(t('project.too_large')); return; }
    try {
      setUploading({ sent: 0, total: file.size });
      await addAttachment(programme, detail.project.id, file, (sent, total) => setUploading({ sent, total }));
      show(await getMyProject(programme));
      setSaved(t('project.attached', { name: file.name }));
    } catch (error) { setMessage(problemText(error, t('error.generic'))); }
    setUploading(null);
    input.value = '';
  };
  const toggle = (number: number) =>
    setForm({ ...form, gcm_objectives: form.gcm_objectives.includes(number) ? form.gcm_objectives.filter((n) => n !== number) : [...form.gcm_objectives, number].sort((a, b) => a - b) });

  // Not in a team (404) is a state of this person, not a failure: said as such.
  if (!detail) return (
    <article>
      <h1>{t('project.title')}</h1>
      {failure instanceof ApiError && failure.status === 404 ? <EmptyState title={problemText(failure, t('error.generic'))} />
        : failure ? <ErrorState error={failure} /> : <Skeleton lines={6} />}
    </article>
  );
  const deadline = detail.deadline
    ? new Date(detail.deadline).toLocaleString(localeOf(language), { timeZone, dateStyle: 'long', timeStyle: 'short' })
    : null;
  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('project.title')}</h1>
      {detail.project && <p>{detail.project.team} · {t(`project.status.${detail.project.status}`)}</p>}
      <p>{deadline ? t('project.deadline', { deadline, zone: timeZone }) : t('project.no_deadline')}</p>
      {!detail.editable && <p class="warn">{t('project.closed')}</p>}
      <form class="stack" onSubmit={submit}>
        {FIELDS.map((field) => (
          <label key={field}>
            {t(`project.${field}`)}
            {field === 'title'
              ? <input value={form.title} disabled={!detail.editable} onInput={(event) => setForm({ ...form, title: (event.target as HTMLInputElement).value })} />
              : <textarea rows={4} value={form[field]} disabled={!detail.editable} onInput={(event) => setForm({ ...form, [field]: (event.target as HTMLTextAreaElement).value })} />}
          </label>
        ))}
        <fieldset>
          <legend>{t('project.gcm')}</legend>
          <div class="gcm-options">
            {GCM_NUMBERS.map((number) => (
              <label key={number} class="check">
                <input type="checkbox" checked={form.gcm_objectives.includes(number)} disabled={!detail.editable} onChange={() => toggle(number)} />
                <span><strong>{number}.</strong> {t(`gcm.${number}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {message && <p role="alert">{message}</p>}
        {saved && <p role="status">{saved}</p>}
        <Button type="submit" disabled={!detail.editable}>{detail.project ? t('project.resubmit') : t('project.submit')}</Button>
      </form>
      {detail.project && (
        <section>
          <h2>{t('project.attachments')}</h2>
          <ul>
            {detail.attachments.map((attachment) => (
              <li key={attachment.id}><a href={attachmentUrl(programme, detail.project!.id, attachment.id)}>{attachment.file_name}</a> ({Math.ceil(attachment.size_bytes / 1024)} KB)</li>
            ))}
          </ul>
          {detail.editable && <label>{t('project.attach')}<input type="file" accept="application/pdf,.pdf" onChange={attach} disabled={uploading !== null} /></label>}
          <UploadProgress state={uploading} />
          <h2>{t('project.versions')}</h2>
          <ol>
            {detail.versions.map((version) => <li key={version.number}>{version.title} — {new Date(version.submitted_at).toLocaleString(localeOf(language), { timeZone })}</li>)}
          </ol>
        </section>
      )}
    </article>
  );
}
