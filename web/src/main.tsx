import { render } from 'preact';
import { ready } from './i18n';
import './styles.css';
import { App } from './app';
import { preloadRoute } from './routes';

// Addresses used to live in the hash (#/programmes/1); a bookmark of one still arrives.
if (location.hash.startsWith('#/')) history.replaceState(null, '', location.hash.slice(1));

preloadRoute(location.pathname);
// A reader who chose English gets their catalogue first, so the first screen is never in the
// other language.
void ready.then(() => render(<App />, document.getElementById('app')!));
