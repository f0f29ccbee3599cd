import { listProgrammes } from '../../api/client';
import { useTranslation } from '../../i18n';
import { formatDate } from '../../components/format';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { EmptyState } from '../../components/empty_state';

export function ProgrammesPage() {
  const { t, language } = useTranslation();
  const programmes = useResource(() => listProgrammes(), []);
  return (
    <section>
      <h1>{t('programmes.title')}</h1>
      <Loaded resource={programmes}>
        {(page) => page.items.length === 0 ? <EmptyState title={t('programmes.empty')} /> : (
          <ul class="cards">
            {page.items.map((programme) => (
              <li class="card" key={programme.id}>
                <h2><a href={`/programmes/${programme.id}`}>{programme.title[language]}</a></h2>
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
