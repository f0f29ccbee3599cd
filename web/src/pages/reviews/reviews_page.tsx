import { useEffect, useState } from 'preact/hooks';
import { listMyReviews, problemText, type MyReviews } from '../../api/client';
import { useTranslation } from '../../i18n';

// A juror's list: the projects assigned to them (without conflicts), done or still to score.
export function ReviewsPage({ programme }: { programme: number }) {
  const { t } = useTranslation();
  const [reviews, setReviews] = useState<MyReviews | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => { listMyReviews(programme).then(setReviews, (error) => setMessage(problemText(error, t('error.generic')))); }, [programme]);
  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('reviews.title')}</h1>
      {message && <p role="alert">{message}</p>}
      {reviews && reviews.items.length === 0 && <p>{t('reviews.none')}</p>}
      {reviews && (
        <ul class="cards">
          {reviews.items.map((review) => (
            <li key={review.project_id}>
              <a href={`/programmes/${programme}/reviews/${review.project_id}`}>{review.title}</a>
              <span>{review.team}</span>
              <span class={review.submitted_at ? 'ok' : 'warn'}>{review.submitted_at ? t('reviews.done') : t('reviews.to_do')}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
