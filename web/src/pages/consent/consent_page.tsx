import { useState } from 'preact/hooks';
import { acceptConsent, problemText, signOut, type Consent } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Button } from '../../components/button';

// The installation's privacy notice (Ley 81), shown at the first sign-in and whenever its
// version changes or the user withdrew their consent. Accepting records the version read;
// declining signs out. Withdrawing is one click on "Mi cuenta".
export function ConsentPage({ consent, onAccepted }: { consent: Consent; onAccepted: (consent: Consent) => void }) {
  const { t, language } = useTranslation();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const lang = language === 'en' ? 'en' : 'es';

  const accept = async () => {
    setBusy(true);
    setError('');
    try {
      onAccepted(await acceptConsent(consent.version));
    } catch (failure) {
      setError(problemText(failure, t('error.generic')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card consent" aria-labelledby="consent-title">
      <h1 id="consent-title">{consent.title[lang]}</h1>
      <p class="muted">{consent.withdrawn_at ? t('consent.again') : t('consent.intro')} {t('consent.version', { version: consent.version })}</p>
      <div class="notice">
        {consent.body[lang].split(/\n\s*\n/).map((paragraph, index) => <p key={index}>{paragraph}</p>)}
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <p class="actions">
        <Button type="button" disabled={busy} onClick={accept}>{t('consent.accept')}</Button>
        <Button type="button" variant="secondary" onClick={async () => { await signOut(); location.assign('/'); }}>{t('consent.decline')}</Button>
      </p>
    </section>
  );
}
