import { useState } from 'preact/hooks';
import { listCorrectionRequests, resolveCorrectionRequest, type CorrectionRequest } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useFailureToast, useToast } from '../../components/toast';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { DataTable, type Column } from '../../components/data_table';
import { Button } from '../../components/button';
import { formatDate } from '../../components/format';

// The programme's inbox of correction requests (Ley 81): the coordinator corrects the data on the
// person's page, then answers here; the person reads the answer under "Mi cuenta".
export function CorrectionsPage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const toast = useToast();
  const failed = useFailureToast();
  const requests = useResource(() => listCorrectionRequests(programme), [programme]);
  const [answers, setAnswers] = useState<Record<number, string>>({});

  const resolve = async (row: CorrectionRequest) => {
    try {
      await resolveCorrectionRequest(programme, row.id, answers[row.id] ?? '');
      toast.success(t('corrections.done'));
      requests.retry();
    } catch (error) { failed(error); }
  };

  const columns: Column<CorrectionRequest>[] = [
    { key: 'date', header: t('corrections.date'), value: (row) => row.created_at, sortable: true, render: (row) => formatDate(row.created_at.slice(0, 10), language) },
    { key: 'person', header: t('corrections.person'), value: (row) => row.person_name, sortable: true, rowHeader: true,
      render: (row) => <a href={`/programmes/${programme}/participants/${row.enrollment_id}`}>{row.person_name}</a> },
    { key: 'request', header: t('corrections.request'), value: (row) => row.request, render: (row) => <span class="prewrap">{row.request}</span> },
    { key: 'state', header: t('corrections.state'), value: (row) => (row.resolved_at ? 1 : 0), sortable: true,
      render: (row) => (row.resolved_at ? t('corrections.resolved', { note: row.resolution }) : (
        <form class="inline-answer" onSubmit={(event) => { event.preventDefault(); resolve(row); }}>
          <label class="visually-hidden" for={`answer-${row.id}`}>{t('corrections.answer', { name: row.person_name })}</label>
          <input id={`answer-${row.id}`} type="text" maxLength={2000} value={answers[row.id] ?? ''}
            placeholder={t('corrections.placeholder')}
            onInput={(event) => setAnswers({ ...answers, [row.id]: (event.target as HTMLInputElement).value })} />
          <Button type="submit" variant="secondary">{t('corrections.resolve')}</Button>
        </form>
      )) },
  ];

  return (
    <article>
      <p><a href={`/programmes/${programme}/participants`}>{t('corrections.back')}</a></p>
      <h1>{t('corrections.title')}</h1>
      <p class="muted">{t('corrections.intro')}</p>
      <Loaded resource={requests}>
        {(list) => <DataTable caption={t('corrections.caption')} columns={columns} rows={list.items} rowKey={(row) => row.id} empty={t('corrections.empty')} />}
      </Loaded>
    </article>
  );
}
