import { useState } from 'preact/hooks';
import { inviteParticipants, listInvitations, type InvitationRow } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useConfirm } from '../../components/dialog';
import { useFailureToast, useToast } from '../../components/toast';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { DataTable, type Column } from '../../components/data_table';
import { Button } from '../../components/button';
import { formatMoment } from '../../components/format';
import { useProgramme } from '../programme/programme_area';

type Summary = Awaited<ReturnType<typeof inviteParticipants>>;

// Participants' accounts: who can sign in, who was invited and until when. The coordinator
// invites everyone who cannot sign in yet, or one person again; each gets a mail with a link
// to choose their password.
export function InvitationsPage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const toast = useToast();
  const failed = useFailureToast();
  const confirm = useConfirm();
  const info = useProgramme();
  const rows = useResource(() => listInvitations(programme), [programme]);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = info?.time_zone ?? 'UTC';

  const invite = async (chosen?: InvitationRow) => {
    const waiting = (rows.data?.items ?? []).filter((row) => !row.withdrawn && row.has_email && row.account !== 'active' && row.account !== 'disabled').length;
    const question = chosen ? t('invitations.confirm_one', { name: chosen.name }) : t('invitations.confirm_all', { count: waiting });
    if (!(await confirm({ title: question, body: t('invitations.confirm_hint'), confirm: t('invitations.send') }))) return;
    setBusy(true);
    try {
      const answer = await inviteParticipants(programme, chosen ? [chosen.enrollment_id] : undefined);
      setSummary(answer);
      toast.success(t('invitations.sent', { count: answer.invited }));
      rows.retry();
    } catch (error) { failed(error); } finally { setBusy(false); }
  };

  const columns: Column<InvitationRow>[] = [
    { key: 'name', header: t('invitations.name'), value: (row) => row.name, sortable: true, rowHeader: true,
      render: (row) => <a href={`/programmes/${programme}/participants/${row.enrollment_id}`}>{row.name}</a> },
    { key: 'account', header: t('invitations.account'), value: (row) => t(`invitations.state.${state(row)}`), sortable: true,
      render: (row) => <span class={`badge badge-${state(row)}`}>{t(`invitations.state.${state(row)}`)}</span> },
    { key: 'invited', header: t('invitations.invited_at'), value: (row) => row.invited_at ?? '', sortable: true,
      render: (row) => (row.invited_at ? formatMoment(row.invited_at, language, zone, 'short') : '—') },
    { key: 'expires', header: t('invitations.expires_at'), value: (row) => row.expires_at ?? '', sortable: true,
      render: (row) => (row.expires_at && row.account !== 'active' ? formatMoment(row.expires_at, language, zone, 'short') : '—') },
    { key: 'action', header: <span class="visually-hidden">{t('invitations.action')}</span>, value: () => '',
      render: (row) => (row.withdrawn || !row.has_email || row.account === 'disabled' ? null : (
        <Button type="button" variant="secondary" disabled={busy} aria-label={t('invitations.invite_one_label', { name: row.name })} onClick={() => invite(row)}>
          {row.account === 'none' ? t('invitations.invite_one') : t('invitations.invite_again')}
        </Button>
      )) },
  ];

  return (
    <article>
      <p><a href={`/programmes/${programme}/participants`}>{t('invitations.back')}</a></p>
      <h1>{t('invitations.title')}</h1>
      <p class="muted">{t('invitations.intro')}</p>
      <div class="actions">
        <Button type="button" disabled={busy} onClick={() => invite()}>{t('invitations.invite_all')}</Button>
      </div>
      {summary && (
        <div class="card" role="status">
          <p>{t('invitations.sent', { count: summary.invited })}{summary.already_active > 0 && ` ${t('invitations.already_active', { count: summary.already_active })}`}</p>
          {summary.skipped.length > 0 && (
            <ul>
              {summary.skipped.map((skip) => <li key={skip.enrollment_id}>{skip.name || `#${skip.enrollment_id}`}: {t(`invitations.skip.${skip.reason}`)}</li>)}
            </ul>
          )}
        </div>
      )}
      <Loaded resource={rows}>
        {(list) => (
          <DataTable caption={t('invitations.caption')} columns={columns} rows={list.items} rowKey={(row) => row.enrollment_id} pageSize={100}
            empty={t('invitations.empty')} />
        )}
      </Loaded>
    </article>
  );
}

// What the badge says: a withdrawn person or one without an e-mail cannot be invited at all.
function state(row: InvitationRow): string {
  if (row.withdrawn) return 'withdrawn';
  if (!row.has_email) return 'no_email';
  return row.account;
}
