import { useState } from 'preact/hooks';
import { ApiError, changeMyPassword, endMyOtherSessions, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useFailureToast, useToast } from '../../components/toast';
import { Button } from '../../components/button';

// One's own account: change the password (the current one is asked; other sessions end) and
// sign out everywhere else.
export function AccountPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const toast = useToast();
  const failed = useFailureToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = async (event: Event) => {
    event.preventDefault();
    if (next !== repeat) return setErrors({ repeat: t('account.mismatch') });
    setErrors({});
    try {
      await changeMyPassword(current, next);
      setCurrent(''); setNext(''); setRepeat('');
      toast.success(t('account.changed'));
    } catch (error) {
      if (error instanceof ApiError && error.problem?.errors.length) {
        setErrors(Object.fromEntries(error.problem.errors.map((detail) => [detail.field, detail.message])));
      } else failed(error);
    }
  };
  // The label names the field alone; the rule and any error follow it, tied by aria-describedby.
  const field = (name: string, label: string, value: string, set: (value: string) => void, autocomplete: string, hint?: string) => (
    <div class="field">
      <label for={`account-${name}`}>{label}</label>
      <input id={`account-${name}`} type="password" autocomplete={autocomplete} value={value} required aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `${name}-error` : hint ? `${name}-hint` : undefined} onInput={(event) => set((event.target as HTMLInputElement).value)} />
      {hint && !errors[name] && <p id={`${name}-hint`} class="muted">{hint}</p>}
      {errors[name] && <p id={`${name}-error`} class="field-error">{errors[name]}</p>}
    </div>
  );

  return (
    <article>
      <p><a href="/">{t('programme.back')}</a></p>
      <h1>{t('account.title')}</h1>
      <p class="muted">{user.display_name} · {user.email}</p>
      <form class="card" onSubmit={save} noValidate>
        <h2>{t('account.password_title')}</h2>
        {field('current_password', t('account.current'), current, setCurrent, 'current-password')}
        {field('new_password', t('account.new'), next, setNext, 'new-password', t('account.rule'))}
        {field('repeat', t('account.repeat'), repeat, setRepeat, 'new-password')}
        <Button type="submit">{t('account.change')}</Button>
      </form>
      <section class="card">
        <h2>{t('account.data_title')}</h2>
        <p>{t('account.data_hint')}</p>
        <a class="button secondary" href="/api/v1/me/data" download>{t('account.data_download')}</a>
      </section>
      <section class="card">
        <h2>{t('account.sessions_title')}</h2>
        <p>{t('account.sessions_hint')}</p>
        <Button type="button" variant="secondary" onClick={async () => {
          try { const { sessions_ended } = await endMyOtherSessions(); toast.success(t('account.sessions_done', { count: sessions_ended })); } catch (error) { failed(error); }
        }}>{t('account.end_sessions')}</Button>
      </section>
    </article>
  );
}
