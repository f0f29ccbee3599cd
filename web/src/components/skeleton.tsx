import { useTranslation } from '../i18n';

// Grey bars where content will be, announced once as loading.
export function Skeleton({ lines = 3 }: { lines?: number }) {
  const { t } = useTranslation();
  return (
    <div class="skeleton" role="status" aria-live="polite">
      <span class="visually-hidden">{t('app.loading')}</span>
      {Array.from({ length: lines }, (_, i) => <div key={i} class="skeleton-line" style={{ width: `${90 - (i % 3) * 15}%` }} aria-hidden="true" />)}
    </div>
  );
}
