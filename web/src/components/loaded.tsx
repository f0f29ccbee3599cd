import type { ComponentChildren } from 'preact';
import { ApiError, problemText } from '../api/client';
import { useTranslation } from '../i18n';
import type { Resource } from './use_resource';
import { Button } from './button';
import { Skeleton } from './skeleton';

// What a resource shows: a skeleton while it first loads, the failure with a retry, then the
// data. A 403 is said as such, not as a fault.
export function Loaded<T>({ resource, children, skeleton }: { resource: Resource<T>; children: (data: T) => ComponentChildren; skeleton?: ComponentChildren }) {
  if (resource.data !== undefined) return <>{children(resource.data)}</>;
  if (resource.status === 'error') return <ErrorState error={resource.error} retry={resource.retry} />;
  return <>{skeleton ?? <Skeleton lines={4} />}</>;
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const forbidden = error instanceof ApiError && error.status === 403;
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <div class="error-state" role="alert">
      <p>{forbidden ? t('error.forbidden') : missing ? t('error.not_found') : problemText(error, t('error.generic'))}</p>
      {retry && !forbidden && !missing && <Button variant="secondary" onClick={retry}>{t('app.retry')}</Button>}
    </div>
  );
}
