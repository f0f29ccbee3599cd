import { setLanguage, useTranslation, type Language } from '../i18n';

const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'es', label: 'Español' },
  { code: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { t, language } = useTranslation();
  return (
    <div class="language" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map(({ code, label }) => (
        <button type="button" lang={code} aria-pressed={language === code} onClick={() => setLanguage(code)}>
          {label}
        </button>
      ))}
    </div>
  );
}
