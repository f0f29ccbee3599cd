import { render } from 'preact';
import './i18n';
import './styles.css';
import { App } from './app';
import { preloadRoute } from './routes';

// Addresses used to live in the hash (#/programmes/1); a bookmark of one still arrives.
if (location.hash.startsWith('#/')) history.replaceState(null, '', location.hash.slice(1));

preloadRoute(location.pathname);
render(<App />, document.getElementById('app')!);
