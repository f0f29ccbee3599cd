import { listMyReviews } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { EmptyState } from '../../components/empty_state';

// A juror's list: the projects assigned to them (without conflicts), done or still to score.
// Each project is a card: its title (the link), the team under it, and its state as a badge, so
// that a phone shows them apart.
export function ReviewsPage({ programme }: { programme: number }) {
  const { t } = useTranslation();
  const reviews = useResource(() => listMyReviews(programme), [programme]);
  return (
    <article>
      <h1>{t('reviews.title')}</h1>
      <Loaded resource={reviews}>
        {(list) => list.items.length === 0 ? <EmptyState title={t('reviews.none')} /> : <>
          <p class="muted">{t('reviews.count', { done: list.items.filter((item) => item.submitted_at).length, total: list.items.length })}</p>
          <ul class="review-list">
            {list.items.map((review) => (
              <li key={review.project_id} class="review-card">
                <a class="review-title" href={`/programmes/${programme}/reviews/${review.project_id}`}>{review.title}</a>
                <span class="review-team">{review.team}</span>
                <span class={`state ${review.submitted_at ? 'state-done' : 'state-todo'}`}>{review.submitted_at ? t('reviews.done') : t('reviews.to_do')}</span>
              </li>
            ))}
          </ul>
        </>}
      </Loaded>
    </article>
  );
}
