import { useTranslation } from '../i18n';
import { formatNumber } from './format';

// How far an upload has gone, for files over 1 MB (smaller ones are done before anyone reads it).
export const SHOWN_FROM_BYTES = 1024 * 1024;
export type UploadState = { sent: number; total: number } | null;

export function UploadProgress({ state }: { state: UploadState }) {
  const { t, language } = useTranslation();
  if (!state || state.total < SHOWN_FROM_BYTES) return null;
  const percent = Math.min(100, Math.round((100 * state.sent) / state.total));
  return (
    <div class="upload-progress" role="status">
      <progress max={100} value={percent} aria-label={t('upload.label')} />
      <span>{t('upload.progress', { percent: formatNumber(percent, language), sent: formatNumber(state.sent / 1048576, language, 1), total: formatNumber(state.total / 1048576, language, 1) })}</span>
    </div>
  );
}
