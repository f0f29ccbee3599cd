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
        // On a phone the button shows the code (ES, EN) and keeps the language's name as its own.
        <button type="button" lang={code} aria-label={label} aria-pressed={language === code} onClick={() => setLanguage(code)}>
          <span class="language-long">{label}</span><span class="language-short" aria-hidden="true">{code.toUpperCase()}</span>
        </button>
      ))}
    </div>
  );
}
