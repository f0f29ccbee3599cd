import { useTranslation } from '../../i18n';
import { EmptyState } from '../../components/empty_state';
import { LinkButton } from '../../components/button';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('not_found.title')}</h1>
      <EmptyState title={t('not_found.text')}>
        <LinkButton href="/">{t('not_found.home')}</LinkButton>
      </EmptyState>
    </section>
  );
}
