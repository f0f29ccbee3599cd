import { useEffect, useState } from 'preact/hooks';
import { listProgrammes, type ProgrammeSummary } from '../../api/client';
import { useTranslation } from '../../i18n';
import { formatDate } from '../../components/format';

export function ProgrammesPage() {
  const { t, language } = useTranslation();
  const [items, setItems] = useState<ProgrammeSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    listProgrammes().then((page) => setItems(page.items), () => setFailed(true));
  }, []);

  if (failed) return <p role="alert">{t('error.generic')}</p>;
  if (!items) return <p role="status">{t('app.loading')}</p>;
  return (
    <section>
      <h1>{t('programmes.title')}</h1>
      {items.length === 0 && <p>{t('programmes.empty')}</p>}
      <ul class="cards">
        {items.map((programme) => (
          <li class="card" key={programme.id}>
            <h2><a href={`/programmes/${programme.id}`}>{programme.title[language]}</a></h2>
            <p class="muted">
              {t('programmes.code')}: {programme.code}
              {programme.end_date && <> · {t('programmes.ends', { date: formatDate(programme.end_date, language) })}</>}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
