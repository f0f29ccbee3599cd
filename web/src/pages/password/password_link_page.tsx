import { useEffect, useState } from 'preact/hooks';
import { ApiError, inspectAccountLink, redeemAccountLink, type AccountLink } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Button } from '../../components/button';
import { Skeleton } from '../../components/skeleton';

// The page a mailed link opens (an invitation or a reset): the token is in the address's
// fragment, which the browser never sends, so it reaches the server only in a request's body.
export function PasswordLinkPage() {
  const { t, language } = useTranslation();
  const fromAddress = () => decodeURIComponent(location.hash.replace(/^#/, ''));
  const [token, setToken] = useState(fromAddress);
  const [visit, setVisit] = useState(0);
  // Another link opened in the same tab changes only the fragment: read it again.
  useEffect(() => {
    const changed = () => { setToken(fromAddress()); setVisit((n) => n + 1); setDone(false); setErrors({}); setLink(undefined); };
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  const [link, setLink] = useState<AccountLink | null | undefined>(undefined);
  const [refusal, setRefusal] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (!token) { setLink(null); setRefusal(t('password_link.missing')); return; }
    inspectAccountLink(token).then(setLink, (error) => {
      setLink(null);
      setRefusal(error instanceof ApiError && error.problem ? error.problem.title : t('password_link.failed'));
    });
  }, [token, visit]);

  // A refusal is the server's text: asked again in the language just chosen.
  useEffect(() => {
    if (link !== null || !token) return;
    inspectAccountLink(token).then(setLink, (error) => {
      if (error instanceof ApiError && error.problem) setRefusal(error.problem.title);
    });
  }, [language]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (password !== repeat) return setErrors({ repeat: t('account.mismatch') });
    setErrors({});
    setBusy(true);
    try {
      await redeemAccountLink(token, password);
      // The link is spent: take it out of the address bar and the history.
      history.replaceState(null, '', location.pathname);
      setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.problem?.errors.length) {
        setErrors(Object.fromEntries(error.problem.errors.map((detail) => [detail.field, detail.message])));
      } else {
        setLink(null);
        setRefusal(error instanceof ApiError && error.problem ? error.problem.title : t('password_link.failed'));
      }
    } finally {
      setBusy(false);
    }
  };

  if (link === undefined) return <section class="card narrow"><Skeleton lines={3} /></section>;
  if (done) {
    return (
      <section class="card narrow">
        <h1>{t('password_link.done_title')}</h1>
        <p role="status">{t('password_link.done')}</p>
        <a class="button" href="/">{t('password_link.sign_in')}</a>
      </section>
    );
  }
  if (link === null) {
    return (
      <section class="card narrow">
        <h1>{t('password_link.refused_title')}</h1>
        <p class="error" role="alert">{refusal}</p>
        <p><a href="/account/forgot">{t('password_link.ask_again')}</a></p>
      </section>
    );
  }
  const field = (name: string, label: string, value: string, set: (value: string) => void, hint?: string) => (
    <div class="field">
      <label for={`link-${name}`}>{label}</label>
      <input id={`link-${name}`} type="password" autocomplete="new-password" value={value} required aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `link-${name}-error` : hint ? `link-${name}-hint` : undefined}
        onInput={(event) => set((event.target as HTMLInputElement).value)} />
      {hint && !errors[name] && <p id={`link-${name}-hint`} class="muted">{hint}</p>}
      {errors[name] && <p id={`link-${name}-error`} class="field-error">{errors[name]}</p>}
    </div>
  );
  return (
    <section class="card narrow">
      <h1>{link.purpose === 'invitation' ? t('password_link.welcome_title') : t('password_link.reset_title')}</h1>
      <p>{link.purpose === 'invitation' ? t('password_link.welcome', { name: link.display_name }) : t('password_link.reset', { name: link.display_name })}</p>
      <form onSubmit={save} noValidate>
        {/* For the browser's password manager: whose password this is. */}
        <input type="email" autocomplete="username" value={link.email} readOnly hidden />
        <p class="muted">{t('password_link.account', { email: link.email })}</p>
        {field('password', t('account.new'), password, setPassword, t('account.rule'))}
        {field('repeat', t('account.repeat'), repeat, setRepeat)}
        <Button type="submit" disabled={busy}>{t('password_link.save')}</Button>
      </form>
    </section>
  );
}
