import { useState } from 'preact/hooks';
import { ApiError, signIn, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Button } from '../../components/button';

export function SignInPage({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      onSignedIn(await signIn(email, password));
    } catch (failure) {
      // The server's message is already in the user's language.
      setError(failure instanceof ApiError && failure.problem ? failure.problem.title : t('sign_in.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card narrow">
      <h1>{t('sign_in.title')}</h1>
      <form onSubmit={submit}>
        <label for="email">{t('sign_in.email')}</label>
        <input id="email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        <label for="password">{t('sign_in.password')}</label>
        <input id="password" type="password" autocomplete="current-password" required value={password}
          onInput={(e) => setPassword(e.currentTarget.value)} />
        {error && <p class="error" role="alert">{error}</p>}
        <Button type="submit" disabled={busy}>{t('sign_in.submit')}</Button>
      </form>
      <p><a href="/account/forgot">{t('sign_in.forgot')}</a></p>
    </section>
  );
}
