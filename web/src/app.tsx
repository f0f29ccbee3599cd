import { useEffect, useState } from 'preact/hooks';
import { me, signOut, type User } from './api/client';
import { useTranslation } from './i18n';
import { LanguageSwitch } from './components/language_switch';
import { SignInPage } from './pages/sign_in/sign_in_page';
import { ProgrammesPage } from './pages/programmes/programmes_page';
import { ProgrammePage } from './pages/programme/programme_page';

// Routes live in the URL hash (#/programmes/1), so the server only ever serves index.html.
function useRoute(): string {
  const [route, setRoute] = useState(location.hash.slice(1) || '/');
  useEffect(() => {
    const onChange = () => setRoute(location.hash.slice(1) || '/');
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function App() {
  const { t } = useTranslation();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const route = useRoute();
  useEffect(() => {
    me().then(setUser, () => setUser(null));
  }, []);

  const programmeMatch = /^\/programmes\/(\d+)$/.exec(route);
  let page;
  if (user === undefined) page = <p role="status">{t('app.loading')}</p>;
  else if (user === null) page = <SignInPage onSignedIn={setUser} />;
  else if (programmeMatch) page = <ProgrammePage id={Number(programmeMatch[1])} />;
  else page = <ProgrammesPage />;

  return (
    <>
      <a class="skip" href="#main">{t('app.skip')}</a>
      <header class="top">
        <a class="brand" href="#/">{t('app.name')}</a>
        <div class="top-actions">
          <LanguageSwitch />
          {user && (
            <button type="button" class="link" onClick={async () => { await signOut(); setUser(null); location.hash = '#/'; }}>
              {t('app.sign_out')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
    </>
  );
}
