import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ready, setLanguage } from './index';

// Spanish is in the first bundle; English arrives as its own chunk when chosen, and the choice is
// remembered for the next visit.
describe('the language catalogues', () => {
  it('starts in Spanish and switches to English once its catalogue is loaded', async () => {
    await ready;
    expect(i18next.t('app.close')).toBe('Cerrar');
    expect(i18next.hasResourceBundle('en', 'translation')).toBe(false);
    await setLanguage('en');
    expect(i18next.language).toBe('en');
    expect(i18next.t('app.close')).toBe('Close');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('diplomado.language')).toBe('en');
    await setLanguage('es');
    expect(i18next.t('app.close')).toBe('Cerrar');
  });
});
