import i18next from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import es from './es.json';
import en from './en.json';

export type Language = 'es' | 'en';
const STORAGE_KEY = 'diplomado.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'es' ? stored : 'es';
}

i18next.init({
  lng: initialLanguage(),
  fallbackLng: 'es',
  resources: { es: { translation: es }, en: { translation: en } },
  interpolation: { escapeValue: false }, // Preact escapes text itself
});
document.documentElement.lang = i18next.language;

export function setLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

// Re-renders the caller when the language changes.
export function useTranslation() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const onChange = () => setTick((tick) => tick + 1);
    i18next.on('languageChanged', onChange);
    return () => i18next.off('languageChanged', onChange);
  }, []);
  return { t: i18next.t.bind(i18next), language: i18next.language as Language };
}
