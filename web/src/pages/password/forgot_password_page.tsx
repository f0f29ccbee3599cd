import { useState } from 'preact/hooks';
import { ApiError, requestPasswordReset } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Button } from '../../components/button';

// Ask for a link to set a new password. The answer is the same whether or not an account has
// the e-mail, so the page never says which.
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [error, setError] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await requestPasswordReset(email);
      setSent(true);
    } catch (failure) {
      const problem = failure instanceof ApiError ? failure.problem : null;
      setError(problem?.errors[0]?.message ?? problem?.title ?? t('password_link.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card narrow">
      <h1>{t('forgot.title')}</h1>
      {sent ? (
        <p role="status">{t('forgot.sent', { email })}</p>
      ) : (
        <form onSubmit={submit}>
          <p>{t('forgot.intro')}</p>
          <label for="forgot-email">{t('sign_in.email')}</label>
          <input id="forgot-email" type="email" autocomplete="username" required value={email}
            aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'forgot-error' : undefined}
            onInput={(event) => setEmail(event.currentTarget.value)} />
          {error && <p id="forgot-error" class="error" role="alert">{error}</p>}
          <Button type="submit" disabled={busy}>{t('forgot.submit')}</Button>
        </form>
      )}
      <p><a href="/">{t('forgot.back')}</a></p>
    </section>
  );
}
