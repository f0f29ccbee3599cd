import { useTranslation } from '../../i18n';

// The Global Compact for Migration's objectives are numbered 1–23; their titles, in the user's
// language, come from the catalogue (gcm.1 … gcm.23: UN A/RES/73/195).
export const GCM_NUMBERS = Array.from({ length: 23 }, (_, index) => index + 1);

export function GcmObjectives({ numbers }: { numbers: number[] }) {
  const { t } = useTranslation();
  return (
    <ul class="gcm">
      {numbers.map((number) => <li key={number}><strong>{number}.</strong> {t(`gcm.${number}`)}</li>)}
    </ul>
  );
}
