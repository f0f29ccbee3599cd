import { useEffect, useState } from 'preact/hooks';
import { explainRanking, problemText, type Ranking } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Skeleton } from '../../components/skeleton';
import { localeOf } from '../../components/format';

// Why a project ranks where it does: criterion by criterion, juror by juror, raw and calibrated,
// with each juror's habits (their mean and spread), which calibration corrects.
export function ExplanationPage({ programme, project }: { programme: number; project: number }) {
  const { t, language } = useTranslation();
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => { explainRanking(programme, project, 'calibrated').then(setRanking, (error) => setMessage(problemText(error, t('error.generic')))); }, [programme, project]);
  const locale = localeOf(language);
  const number = (value: number | null | undefined, digits = 2) => (value == null ? '—' : value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  const row = ranking?.projects[0];
  if (!ranking || !row) return <article>{message ? <p role="alert">{message}</p> : <Skeleton lines={6} />}</article>;
  const reviews = row.review_details ?? [];
  const jurorOf = (user: number) => ranking.jurors.find((juror) => juror.user_id === user);
  return (
    <article>
      <p><a href={`/programmes/${programme}/ranking`}>{t('ranking.back')}</a></p>
      <h1>{t('explanation.title', { team: row.team })}</h1>
      <p>{row.title}</p>
      <dl class="facts">
        <dt>{t('ranking.rank_raw')}</dt><dd>{row.rank_raw ?? '—'} ({t('explanation.in_region', { rank: row.region_rank_raw ?? '—', region: row.region.name })})</dd>
        <dt>{t('ranking.rank_calibrated')}</dt><dd>{row.rank_calibrated ?? '—'} ({t('explanation.in_region', { rank: row.region_rank_calibrated ?? '—', region: row.region.name })})</dd>
        <dt>{t('ranking.score_raw')}</dt><dd>{number(row.raw_score)}</dd>
        <dt>{t('ranking.score_calibrated')}</dt><dd>{number(row.calibrated_score)}</dd>
        <dt>{t('explanation.spread')}</dt><dd>{t('explanation.spreads', { raw: number(row.spread, 1), calibrated: number(row.calibrated_spread, 1) })}{row.needs_further_review ? ` — ${t('explanation.needs_review')}` : ''}</dd>
      </dl>
      <div class="table-scroll" tabIndex={0}>
        <table>
          <caption>{t('explanation.by_criterion')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('explanation.criterion')}</th>
              <th scope="col" class="num">{t('explanation.weight')}</th>
              {reviews.map((review) => <th scope="col" class="num" key={review.user_id}>{review.juror}</th>)}
              <th scope="col" class="num">{t('explanation.mean')}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.criteria.map((criterion) => (
              <tr key={criterion.code}>
                <th scope="row">{criterion.title[language]}</th>
                <td class="num">{number(criterion.weight, 0)}</td>
                {reviews.map((review) => (
                  <td class="num" key={review.user_id} title={review.comments[criterion.code] ?? ''}>{review.levels[criterion.code]}</td>
                ))}
                <td class="num">{number(row.criterion_means[criterion.code], 1)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('explanation.raw_total')}</th><td></td>
              {reviews.map((review) => <td class="num" key={review.user_id}>{number(review.raw_total)}</td>)}
              <td class="num">{number(row.raw_score)}</td>
            </tr>
            <tr>
              <th scope="row">{t('explanation.calibrated_total')}</th><td></td>
              {reviews.map((review) => <td class="num" key={review.user_id}>{number(review.calibrated_total)}</td>)}
              <td class="num">{number(row.calibrated_score)}</td>
            </tr>
            <tr>
              <th scope="row">{t('explanation.juror_habit')}</th><td></td>
              {reviews.map((review) => {
                const juror = jurorOf(review.user_id);
                return <td key={review.user_id}>{juror ? t('explanation.habit', { mean: number(juror.mean, 1), sd: number(juror.sd, 1) }) : ''}</td>;
              })}
              <td>{t('explanation.pooled', { mean: number(ranking.pooled.mean, 1), sd: number(ranking.pooled.sd, 1) })}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <section>
        <h2>{t('explanation.comments')}</h2>
        <ul>
          {reviews.flatMap((review) =>
            Object.entries(review.comments).map(([code, comment]) => (
              <li key={`${review.user_id}-${code}`}><strong>{review.juror}</strong> ({ranking.criteria.find((criterion) => criterion.code === code)?.title[language]}): {comment}</li>
            )),
          )}
        </ul>
      </section>
      <p class="muted">{t('ranking.method')}</p>
    </article>
  );
}
