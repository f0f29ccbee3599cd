// The same i18n as the app, in Spanish, for every component test; each test starts on a clean page.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';
import i18next from 'i18next';
import './i18n';

await i18next.changeLanguage('es');
afterEach(cleanup);
