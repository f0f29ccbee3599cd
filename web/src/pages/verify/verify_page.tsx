import { ApiError, getVerification } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useResource } from '../../components/use_resource';
import { Skeleton } from '../../components/skeleton';
import { formatDate } from '../../components/format';

// The public check of a certificate (issue 13), opened from its QR code, without signing in:
// valid, revoked (with its date) or superseded; the holder's name, the programme and its date,
// and nothing else. An unknown serial is a plain "not found".
export function VerifyPage({ serial }: { serial: string }) {
  const { t, language } = useTranslation();
  const check = useResource(() => getVerification(serial), [serial]);
  if (check.status === 'loading') return <article class="verify"><h1>{t('verify.title')}</h1><Skeleton lines={3} /></article>;
  if (check.status === 'error') {
    const status = check.error instanceof ApiError ? check.error.status : 0;
    return (
      <article class="verify">
        <h1>{t('verify.title')}</h1>
        <div class={`verdict ${status === 404 ? 'verdict-unknown' : 'verdict-error'}`} role="status">
          <p class="verdict-title">{status === 404 ? t('verify.unknown') : status === 429 ? t('verify.throttled') : t('error.generic')}</p>
          {status === 404 && <p>{t('verify.unknown_help')}</p>}
        </div>
      </article>
    );
  }
  const found = check.data!;
  const lang = language === 'en' ? 'en' : 'es';
  return (
    <article class="verify">
      <h1>{t('verify.title')}</h1>
      <div class={`verdict verdict-${found.state}`} role="status">
        <p class="verdict-title">{t(`verify.state.${found.state}`)}</p>
        {found.state === 'revoked' && found.revoked_at && <p>{t('verify.revoked_on', { date: formatDate(found.revoked_at.slice(0, 10), language) })}</p>}
        {found.state === 'superseded' && <p>{t('verify.superseded_help')}</p>}
      </div>
      <dl class="facts">
        <dt>{t('verify.holder')}</dt><dd>{found.anonymised ? <em>{t('verify.anonymised')}</em> : found.holder_name}</dd>
        <dt>{t('verify.kind')}</dt><dd>{t(`verify.kinds.${found.kind}`)}</dd>
        <dt>{t('verify.programme')}</dt><dd>{found.programme[lang]}</dd>
        <dt>{t('verify.end_date')}</dt><dd>{found.end_date ? formatDate(found.end_date, language) : '—'}</dd>
        <dt>{t('verify.issued')}</dt><dd>{formatDate(found.issued_at.slice(0, 10), language)}</dd>
        <dt>{t('verify.serial')}</dt><dd><code>{found.serial}</code> · {t('verify.version', { version: found.version })}</dd>
      </dl>
    </article>
  );
}
