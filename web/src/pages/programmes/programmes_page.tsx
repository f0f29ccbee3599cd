import { isSiteCoordinator, listProgrammes } from '../../api/client';
import { useUser } from '../../session';
import { LinkButton } from '../../components/button';
import { useTranslation } from '../../i18n';
import { formatDate } from '../../components/format';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { EmptyState } from '../../components/empty_state';

export function ProgrammesPage() {
  const { t, language } = useTranslation();
  const programmes = useResource(() => listProgrammes(), []);
  const user = useUser();
  return (
    <section>
      <div class="page-head">
        <h1>{t('programmes.title')}</h1>
        {isSiteCoordinator(user) && (
          <div class="actions">
            <LinkButton href="/programmes/new">{t('setup.new_title')}</LinkButton>
            <a class="button secondary" href="/users">{t('app.users')}</a>
          </div>
        )}
      </div>
      <Loaded resource={programmes}>
        {(page) => page.items.length === 0 ? <EmptyState title={t('programmes.empty')} /> : (
          <ul class="cards">
            {page.items.map((programme) => (
              <li class="card" key={programme.id}>
                <h2><a href={`/programmes/${programme.id}`}>{programme.title[language]}</a>
                  {programme.status !== 'active' && <span class={`badge status-${programme.status}`}>{t(`setup.status_${programme.status}`)}</span>}</h2>
                <p class="muted">
                  {t('programmes.code')}: {programme.code}
                  {programme.end_date && <> · {t('programmes.ends', { date: formatDate(programme.end_date, language) })}</>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
