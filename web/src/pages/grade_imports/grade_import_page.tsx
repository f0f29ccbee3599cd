import { useState } from 'preact/hooks';
import { importGrades, problemText, type GradeImportSummary } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data_table';

// Grades from a spreadsheet, with the participant import's discipline: the file is read and every
// problem listed by row and column first (nothing written); only a clean file can be confirmed,
// and then all its grades are written in one transaction.
export function GradeImportPage({ programme }: { programme: number }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState<GradeImportSummary | null>(null);
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState('');

  const preview = async (event: Event) => {
    const chosen = (event.target as HTMLInputElement).files?.[0] ?? null;
    setFile(chosen);
    setSummary(null);
    setMessage('');
    setSaved('');
    if (!chosen) return;
    try { setSummary(await importGrades(programme, chosen, false)); } catch (error) { setMessage(problemText(error, t('error.generic'))); }
  };
  const confirm = async () => {
    if (!file) return;
    setMessage('');
    try {
      const done = await importGrades(programme, file, true);
      setSummary(done);
      setSaved(t('grade_import.done', { created: done.created, updated: done.updated, unchanged: done.unchanged }));
    } catch (error) { setMessage(problemText(error, t('error.generic'))); }
  };

  return (
    <article>
      <p><a href={`/programmes/${programme}/grades`}>{t('grade_import.back')}</a></p>
      <h1>{t('grade_import.title')}</h1>
      <p>{t('grade_import.format')}</p>
      <pre class="sample">{t('grade_import.sample')}</pre>
      <label>{t('grade_import.file')}<input type="file" accept=".csv,.xlsx,text/csv" onChange={preview} /></label>
      {message && <p role="alert">{message}</p>}
      {saved && <p role="status">{saved}</p>}
      {summary && !summary.committed && (
        <section aria-labelledby="grade-preview">
          <h2 id="grade-preview">{t('grade_import.preview')}</h2>
          <p>{t('grade_import.read', { format: summary.format.toUpperCase(), encoding: summary.encoding, rows: summary.rows })}</p>
          <p>{t('grade_import.counts', { created: summary.created, updated: summary.updated, unchanged: summary.unchanged })}</p>
          {summary.errors.length > 0 ? (
            <>
              <p role="alert">{t('grade_import.has_errors', { count: summary.errors.length })}</p>
              <DataTable caption={t('grade_import.errors')} rows={summary.errors.map((error, index) => ({ ...error, index }))} rowKey={(error) => error.index} columns={[
                { key: 'row', header: t('import.row'), numeric: true, sortable: true, value: (error) => error.row },
                { key: 'column', header: t('grade_import.column'), sortable: true, value: (error) => error.column || error.field },
                { key: 'value', header: t('grade_import.value'), value: (error) => error.value },
                { key: 'problem', header: t('grade_import.problem'), sortable: true, value: (error) => error.message },
              ]} />
            </>
          ) : (
            <p class="actions"><Button type="button" onClick={confirm}>{t('grade_import.confirm', { count: summary.created + summary.updated })}</Button></p>
          )}
        </section>
      )}
    </article>
  );
}
