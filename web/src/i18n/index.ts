import i18next from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import es from './es.json';

export type Language = 'es' | 'en';
const STORAGE_KEY = 'diplomado.language';

// Spanish comes first: its catalogue is in the first bundle. English is a chunk of its own,
// fetched only by a reader who chooses it (or chose it before: main.tsx waits for `ready`), so a
// Spanish reader on a phone downloads and parses one catalogue, not two.
const catalogues: Record<Exclude<Language, 'es'>, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./en.json'),
};

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'es' ? stored : 'es';
}

i18next.init({
  lng: 'es',
  fallbackLng: 'es',
  resources: { es: { translation: es } },
  interpolation: { escapeValue: false }, // Preact escapes text itself
});

// Loads a language's catalogue once; Spanish is always there.
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'es' || i18next.hasResourceBundle(language, 'translation')) return;
  const catalogue = await catalogues[language]();
  i18next.addResourceBundle(language, 'translation', catalogue.default, true, true);
}

async function apply(language: Language) {
  await loadLanguage(language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

// Resolved when the reader's language is ready to render in.
export const ready: Promise<void> = apply(initialLanguage()).catch(() => apply('es'));

export async function setLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  await apply(language);
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
