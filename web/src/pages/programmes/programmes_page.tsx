import { useState } from 'preact/hooks';
import { isSiteCoordinator, listProgrammes, type ProgrammeQuery } from '../../api/client';
import { useUser } from '../../session';
import { LinkButton } from '../../components/button';
import { useTranslation } from '../../i18n';
import { formatDate } from '../../components/format';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { EmptyState } from '../../components/empty_state';
import { Button } from '../../components/button';

const PER_PAGE = 50;

export function ProgrammesPage() {
  const { t, language } = useTranslation();
  const [query, setQuery] = useState<ProgrammeQuery>({ page: 1, per_page: PER_PAGE });
  const [text, setText] = useState('');
  const programmes = useResource(() => listProgrammes(query), [query.q, query.page]);
  const user = useUser();
  const searching = Boolean(query.q);
  // The search appears once there is more than a page of programmes (a site with many courses).
  const showSearch = searching || (programmes.data?.total ?? 0) > PER_PAGE;
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
      {showSearch && (
        <form class="filters search" role="search" onSubmit={(event) => { event.preventDefault(); setQuery({ q: text.trim() || undefined, page: 1, per_page: PER_PAGE }); }}>
          <label>{t('programmes.search')}
            <input type="search" maxLength={100} value={text} onInput={(event) => setText((event.target as HTMLInputElement).value)} />
          </label>
          <Button type="submit">{t('programmes.search_button')}</Button>
        </form>
      )}
      <Loaded resource={programmes}>
        {(found) => found.items.length === 0 ? <EmptyState title={t(searching ? 'programmes.none_found' : 'programmes.empty')} /> : (
          <>
            <ul class="cards">
              {found.items.map((programme) => (
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
            {found.total > PER_PAGE && (
              // The page shown is the answer's own, so the label never runs ahead of the cards
              // while the next page loads.
              <nav class="pager" aria-label={t('programmes.pages')}>
                <Button variant="secondary" type="button" disabled={found.page <= 1} onClick={() => setQuery({ ...query, page: found.page - 1 })}>{t('programmes.previous')}</Button>
                <span role="status">{t('programmes.page_of', { page: found.page, pages: Math.ceil(found.total / found.per_page), total: found.total })}</span>
                <Button variant="secondary" type="button" disabled={found.page * found.per_page >= found.total} onClick={() => setQuery({ ...query, page: found.page + 1 })}>{t('programmes.next')}</Button>
              </nav>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
