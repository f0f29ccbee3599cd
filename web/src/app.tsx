import { Component, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { me, signOut, type User } from './api/client';
import { useTranslation } from './i18n';
import { LanguageSwitch } from './components/language_switch';
import { ToastProvider } from './components/toast';
import { ConfirmProvider } from './components/dialog';
import { ErrorState } from './components/loaded';
import { Skeleton } from './components/skeleton';
import { SessionContext } from './session';
import { AppRoutes } from './routes';
import { SignInPage } from './pages/sign_in/sign_in_page';
import { getConsent, type Consent } from './api/client';
// The privacy notice, asked before anything else until its current version is accepted.
import { ConsentPage } from './pages/consent/consent_page';

// The public check of a certificate needs no account: it is drawn before any sign-in.
const VerifyPage = lazy(() => import('./pages/verify/verify_page').then((m) => m.VerifyPage));
const verifyPath = /^\/verify\/([^/]+)$/;
// So are the pages a mailed link opens and the request for one.
const PasswordLinkPage = lazy(() => import('./pages/password/password_link_page').then((m) => m.PasswordLinkPage));
const ForgotPasswordPage = lazy(() => import('./pages/password/forgot_password_page').then((m) => m.ForgotPasswordPage));
const accountPaths = new Set(['/account/password', '/account/forgot']);


export function App() {
  return (
    // Links to the API (downloads, attachments) are the browser's to follow, not the router's.
    <LocationProvider scope={/^\/(?!api\/|healthz)/}>
      <ToastProvider>
        <ConfirmProvider>
          <Shell />
        </ConfirmProvider>
      </ToastProvider>
    </LocationProvider>
  );
}

// One layout for every screen: a compact header, the page, wider on a desktop.
function Shell() {
  const { t } = useTranslation();
  const location = useLocation();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [consent, setConsent] = useState<Consent | null | undefined>(undefined);
  useEffect(() => {
    setFailure(null);
    me().then(setUser, setFailure);
  }, [attempt]);
  useEffect(() => {
    setConsent(undefined);
    if (user) getConsent().then(setConsent, setFailure);
    else if (user === null) setConsent(null);
  }, [user]);
  // A new page starts at its top, and a screen reader hears its heading.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.path]);

  let page;
  // Inside a router, whose boundary waits for the page's code to load.
  if (verifyPath.test(location.path)) page = <Router>{[<Route key="verify" path="/verify/:serial" component={VerifyPage} />]}</Router>;
  else if (accountPaths.has(location.path)) page = (
    <Router>
      <Route path="/account/password" component={PasswordLinkPage} />
      <Route path="/account/forgot" component={ForgotPasswordPage} />
    </Router>
  );
  else if (user === undefined) page = failure ? <ErrorState error={failure} retry={() => setAttempt((n) => n + 1)} /> : <Skeleton lines={3} />;
  else if (user === null) page = <SignInPage onSignedIn={setUser} />;
  else if (consent === undefined) page = failure ? <ErrorState error={failure} retry={() => setAttempt((n) => n + 1)} /> : <Skeleton lines={3} />;
  else if (consent?.needed) page = <ConsentPage consent={consent} onAccepted={setConsent} />;
  else page = (
    <SessionContext.Provider value={user}>
      <PageBoundary path={location.path}>
        <AppRoutes />
      </PageBoundary>
    </SessionContext.Provider>
  );

  return (
    <>
      <a class="skip" href="#main">{t('app.skip')}</a>
      <header class="top">
        <a class="brand" href="/">{t('app.name')}</a>
        <div class="top-actions">
          {user && <a href="/institutions">{t('app.institutions')}</a>}
          {user && <a href="/account">{t('app.account')}</a>}
          <LanguageSwitch />
          {user && (
            <button type="button" class="link" onClick={async () => { await signOut(); setUser(null); location.route('/'); }}>
              {t('app.sign_out')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
    </>
  );
}

// A page that fails to draw (or whose code fails to load) says so, with a retry, instead of
// leaving the screen blank. A new address starts afresh.
class PageBoundary extends Component<{ children: ComponentChildren; path: string }, { error: unknown }> {
  state = { error: null as unknown };
  componentDidCatch(error: unknown) {
    this.setState({ error });
  }
  componentDidUpdate(previous: { path: string }) {
    if (previous.path !== this.props.path && this.state.error) this.setState({ error: null });
  }
  render() {
    return this.state.error ? <ErrorState error={this.state.error} retry={() => this.setState({ error: null })} /> : this.props.children;
  }
}
