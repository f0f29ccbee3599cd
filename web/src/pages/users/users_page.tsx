import { useState } from 'preact/hooks';
import { disableUser, enableUser, endUserSessions, grantRole, listProgrammes, listUsers, resetPassword, revokeRole, sendPasswordLink, type Role, type User, type UserAccount } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useConfirm } from '../../components/dialog';
import { useFailureToast, useToast } from '../../components/toast';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { fold } from '../../components/fold';
import { Button } from '../../components/button';

const ROLES: Role[] = ['coordinator', 'instructor', 'juror', 'group_leader', 'participant', 'observer'];

// The site's users and their roles, for the site coordinator: disable (which ends their sessions)
// and enable, grant and revoke roles, give a new password (shown once), end sessions.
export function UsersPage({ user: me }: { user: User }) {
  const { t } = useTranslation();
  const toast = useToast();
  const failed = useFailureToast();
  const confirm = useConfirm();
  const users = useResource(() => listUsers(), []);
  // The grant form offers the 200 latest programmes (the most a page holds); an older one is
  // granted with `diplomado user grant`.
  const programmes = useResource(() => listProgrammes({ per_page: 200 }), []);
  const [search, setSearch] = useState('');
  const [newPassword, setNewPassword] = useState<{ email: string; password: string } | null>(null);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      users.retry();
      toast.success(done);
    } catch (error) { failed(error); }
  };
  const name = (user: UserAccount) => user.display_name || user.email;
  const toggle = async (user: UserAccount) => {
    if (!user.disabled && !(await confirm({ title: t('users.disable_confirm', { name: name(user) }), body: t('users.disable_hint'), confirm: t('users.disable'), danger: true }))) return;
    act(() => (user.disabled ? enableUser(user.id) : disableUser(user.id)), t(user.disabled ? 'users.enabled_done' : 'users.disabled_done', { name: name(user) }));
  };
  const reset = async (user: UserAccount) => {
    if (!(await confirm({ title: t('users.reset_confirm', { name: name(user) }), body: t('users.reset_hint'), confirm: t('users.reset') }))) return;
    try {
      const { password } = await resetPassword(user.id);
      setNewPassword({ email: user.email, password });
      users.retry();
    } catch (error) { failed(error); }
  };
  const visible = (list: UserAccount[]) => {
    const wanted = fold(search.trim());
    return wanted ? list.filter((user) => fold(`${user.display_name} ${user.email}`).includes(wanted)) : list;
  };

  return (
    <article>
      <p><a href="/">{t('programme.back')}</a></p>
      <h1>{t('users.title')}</h1>
      <p class="muted">{t('users.intro')}</p>
      {newPassword && (
        <div class="card" role="status">
          <h2>{t('users.new_password_title', { email: newPassword.email })}</h2>
          <p>{t('users.new_password_hint')}</p>
          <p><code class="secret">{newPassword.password}</code></p>
          <Button type="button" onClick={() => setNewPassword(null)}>{t('users.new_password_done')}</Button>
        </div>
      )}
      <label>{t('users.search')}<input type="search" value={search} onInput={(event) => setSearch((event.target as HTMLInputElement).value)} /></label>
      <Loaded resource={users}>
        {(list) => (
          <ul class="user-list">
            {visible(list.items).map((user) => (
              <li key={user.id} class="card">
                <h2 class="user-name">{name(user)} {user.disabled && <span class="badge badge-danger">{t('users.disabled')}</span>}{!user.has_password && <span class="badge">{t('users.no_password')}</span>}</h2>
                <p class="muted">{user.email}</p>
                <ul class="grants" aria-label={t('users.roles_of', { name: name(user) })}>
                  {user.grants.map((grant) => (
                    <li key={grant.id}>
                      {t(`users.role.${grant.role}`)} · {grant.programme_code ?? t('users.site_wide')}
                      <Button type="button" variant="quiet" aria-label={t('users.revoke_label', { role: t(`users.role.${grant.role}`), name: name(user) })}
                        onClick={async () => { if (await confirm({ title: t('users.revoke_confirm', { role: t(`users.role.${grant.role}`), name: name(user) }), confirm: t('users.revoke'), danger: true })) act(() => revokeRole(user.id, grant.id), t('users.revoked_done')); }}>
                        {t('users.revoke')}
                      </Button>
                    </li>
                  ))}
                </ul>
                <GrantForm user={user} programmes={programmes.data?.items.map((programme) => programme.code) ?? []}
                  onGrant={(role, code) => act(() => grantRole(user.id, role, code), t('users.granted_done', { name: name(user) }))} />
                <div class="actions">
                  {user.id !== me.id && <Button type="button" variant={user.disabled ? 'secondary' : 'danger'} onClick={() => toggle(user)}>{t(user.disabled ? 'users.enable' : 'users.disable')}</Button>}
                  <Button type="button" variant="secondary" disabled={user.disabled} onClick={() => act(() => sendPasswordLink(user.id), t('users.link_sent', { email: user.email }))}>{t('users.send_link')}</Button>
                  <Button type="button" variant="secondary" onClick={() => reset(user)}>{t('users.reset')}</Button>
                  <Button type="button" variant="secondary" onClick={() => act(() => endUserSessions(user.id), t('users.sessions_done', { name: name(user) }))}>{t('users.end_sessions')}</Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </article>
  );
}

function GrantForm({ user, programmes, onGrant }: { user: UserAccount; programmes: string[]; onGrant: (role: Role, code: string) => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('juror');
  // Until one is chosen, the first programme (the list may arrive after the form).
  const [chosen, setCode] = useState<string | undefined>(undefined);
  const code = chosen ?? programmes[0] ?? '';
  return (
    <details class="grant">
      <summary>{t('users.grant_more')}</summary>
    <form class="inline-form" onSubmit={(event) => { event.preventDefault(); onGrant(role, code); }}>
      <label>{t('users.role_label')}
        <select value={role} onChange={(event) => setRole((event.target as HTMLSelectElement).value as Role)}>
          {ROLES.map((choice) => <option key={choice} value={choice}>{t(`users.role.${choice}`)}</option>)}
        </select>
      </label>
      <label>{t('users.programme_label')}
        <select value={code} onChange={(event) => setCode((event.target as HTMLSelectElement).value)}>
          {programmes.map((programme) => <option key={programme} value={programme}>{programme}</option>)}
          <option value="">{t('users.site_wide')}</option>
        </select>
      </label>
      <Button type="submit" aria-label={t('users.grant_label', { name: user.display_name || user.email })}>{t('users.grant')}</Button>
    </form>
    </details>
  );
}
