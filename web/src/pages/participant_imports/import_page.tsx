import { useFieldLabel } from '../programme/programme_area';
import { useState } from 'preact/hooks';
import { ApiError, commitImport, previewImport, uploadImport, type ImportMapping, type ImportSummary } from '../../api/client';
import { useTranslation } from '../../i18n';
import { UploadProgress, type UploadState } from '../../components/upload_progress';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data_table';

const FIELDS: (keyof ImportMapping)[] = [
  'given_names', 'family_names', 'email', 'institution', 'level', 'subdivision', 'sex', 'gender_identity', 'position', 'phone',
  'consent_date', 'consent_notice_version', 'consent_purposes',
];
const REQUIRED = new Set(['given_names', 'family_names', 'email', 'institution', 'level']);

// The import wizard: upload, then mapping, then preview, then confirm. Nothing reaches the roster
// before the confirmation, and the confirmation writes every row or none.
export function ImportPage({ programme }: { programme: number }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const [uploading, setUploading] = useState<UploadState>(null);
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string[]>([]);
  const [done, setDone] = useState<ImportSummary | null>(null);

  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.problem)
      setFailure([error.problem.title, ...error.problem.errors.map((detail) => `${detail.row ? `${t('import.row')} ${detail.row}: ` : ''}${detail.message}${detail.value ? ` (${detail.value})` : ''}`)]);
    else setFailure([t('error.generic')]);
  };
  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setFailure([]);
    try { await step(); } catch (error) { fail(error); } finally { setBusy(false); }
  };

  const upload = (event: Event) => {
    event.preventDefault();
    if (!file) return;
    run(async () => {
      setUploading({ sent: 0, total: file.size });
      const answer = await uploadImport(programme, file, (sent, total) => setUploading({ sent, total })).finally(() => setUploading(null));
      setSummary(answer);
      setMapping(answer.mapping);
      setDone(null);
    });
  };
  // "Create these N institutions": the preview is asked again with it, and the commit carries it.
  const [createInstitutions, setCreateInstitutions] = useState(false);
  const preview = (create = createInstitutions) => run(async () => { if (summary?.id && mapping) setSummary(await previewImport(programme, summary.id, mapping, create)); });
  const confirm = () => run(async () => {
    if (!summary?.id || !mapping) return;
    setDone(await commitImport(programme, summary.id, mapping, createInstitutions));
    setSummary(null);
    setCreateInstitutions(false);
  });

  const hasErrors = (summary?.errors.length ?? 0) > 0;
  return (
    <article>
      <p><a href={`/programmes/${programme}/participants`}>{t('person.back')}</a></p>
      <h1>{t('import.title')}</h1>
      <ol class="steps">
        <li aria-current={!summary && !done ? 'step' : undefined}>{t('import.step.upload')}</li>
        <li aria-current={summary && hasErrors ? 'step' : undefined}>{t('import.step.mapping')}</li>
        <li aria-current={summary && !hasErrors ? 'step' : undefined}>{t('import.step.preview')}</li>
        <li aria-current={done ? 'step' : undefined}>{t('import.step.confirm')}</li>
      </ol>

      <form onSubmit={upload} class="card">
        <label>{t('import.file')}
          <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)} />
        </label>
        <p class="muted">{t('import.file_hint')}</p>
        <UploadProgress state={uploading} />
        <Button type="submit" disabled={!file || busy}>{summary ? t('import.upload_again') : t('import.upload')}</Button>
      </form>

      {failure.length > 0 && <div role="alert" class="error">{failure.map((line, index) => <p key={index}>{line}</p>)}</div>}

      {done && (
        <section class="card" aria-labelledby="done-heading">
          <h2 id="done-heading">{t('import.done')}</h2>
          <p role="status">{t('import.done_counts', { created: done.created, updated: done.updated, unchanged: done.unchanged, enrolled: done.enrolled })}</p>
          <p><a href={`/programmes/${programme}/participants`}>{t('import.to_roster')}</a></p>
        </section>
      )}

      {summary && mapping && (
        <>
          <section class="card" aria-labelledby="mapping-heading">
            <h2 id="mapping-heading">{t('import.mapping')}</h2>
            <p class="muted">{t('import.detected', {
              format: summary.format.toUpperCase(), encoding: summary.encoding,
              separator: summary.separator === '\t' ? t('import.tab') : summary.separator || '—', rows: summary.rows,
            })}</p>
            <div class="mapping">
              {FIELDS.map((field) => (
                <label key={field}>
                  {fieldLabel(field)}{REQUIRED.has(field) && ' *'}
                  <select value={mapping[field] == null ? '' : String(mapping[field])}
                    onChange={(event) => {
                      const value = (event.target as HTMLSelectElement).value;
                      setMapping({ ...mapping, [field]: value === '' ? null : Number(value) });
                    }}>
                    <option value="">{t('import.no_column')}</option>
                    {summary.headers.map((header, index) => <option key={index} value={String(index)}>{header || `#${index + 1}`}</option>)}
                  </select>
                </label>
              ))}
            </div>
            {summary.unmapped_columns.length > 0 && (
              <p class="notice" id="unmapped-columns">{t('import.unmapped', { count: summary.unmapped_columns.length, columns: summary.unmapped_columns.map((column) => `«${column.header}»`).join(', ') })}</p>
            )}
            {summary.empty_fields.map((field) => <p class="notice warn" key={field}>{t('import.empty_field', { field: fieldLabel(field) })}</p>)}
            {summary.new_institutions.length > 0 && (
              <div class="notice" id="new-institutions">
                <label class="check">
                  <input type="checkbox" checked={createInstitutions} disabled={busy}
                    onChange={(event) => { const create = (event.target as HTMLInputElement).checked; setCreateInstitutions(create); preview(create); }} />
                  {t('import.create_institutions', { count: summary.new_institutions.length })}
                </label>
                <p class="muted">{summary.new_institutions.join(' · ')}</p>
              </div>
            )}
            <Button type="button" onClick={() => preview()} disabled={busy}>{t('import.preview_again')}</Button>
          </section>

          <section class="card" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{t('import.preview')}</h2>
            <p role="status">{t('import.counts', { created: summary.created, updated: summary.updated, unchanged: summary.unchanged, enrolled: summary.enrolled, errors: summary.errors.length })}</p>
            {hasErrors && (
              <DataTable caption={t('import.errors_caption')} class="errors" rows={summary.errors.map((error, index) => ({ ...error, index }))} rowKey={(error) => error.index} columns={[
                { key: 'row', header: t('import.row'), numeric: true, sortable: true, value: (error) => error.row },
                { key: 'column', header: t('import.column'), sortable: true, value: (error) => error.column || (error.field ? fieldLabel(error.field) : null) },
                { key: 'value', header: t('import.value'), value: (error) => error.value },
                { key: 'problem', header: t('import.problem'), sortable: true, value: (error) => error.message },
              ]} />
            )}
            {summary.preview.length > 0 && (
              <details open={!hasErrors}>
                <summary>{t('import.rows_to_write', { count: summary.preview.length })}</summary>
                <DataTable caption={t('import.preview_caption')} rows={summary.preview} rowKey={(row) => row.row} columns={[
                  { key: 'row', header: t('import.row'), numeric: true, sortable: true, value: (row) => row.row },
                  { key: 'action', header: t('import.action'), sortable: true, value: (row) => t(`import.action_value.${row.action}`),
                    render: (row) => <>{t(`import.action_value.${row.action}`)}{row.changed_fields.length > 0 && ` (${row.changed_fields.map((field) => fieldLabel(field)).join(', ')})`}</> },
                  { key: 'name', header: t('participants.name'), sortable: true, value: (row) => `${row.family_names}, ${row.given_names}` },
                  { key: 'email', header: t('import.field.email'), value: (row) => row.email },
                ]} />
                {summary.preview_truncated && <p class="muted">{t('import.truncated')}</p>}
              </details>
            )}
            {hasErrors
              ? <p class="error">{t('import.fix_first')}</p>
              : <Button type="button" onClick={confirm} disabled={busy}>{t('import.confirm', { count: summary.rows })}</Button>}
          </section>
        </>
      )}
    </article>
  );
}
