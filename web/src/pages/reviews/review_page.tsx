import { useEffect, useState } from 'preact/hooks';
import { getReview, problemText, submitReview, type Review } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Skeleton } from '../../components/skeleton';
import { GcmObjectives } from '../projects/gcm_objectives';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data_table';

// A juror scores one project, criterion by criterion, with a comment each; built for a phone.
// Other jurors' scores appear only once this juror has sent their own.
export function ReviewPage({ programme, project }: { programme: number; project: number }) {
  const { t, language } = useTranslation();
  const [review, setReview] = useState<Review | null>(null);
  const [levels, setLevels] = useState<Record<string, number>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState('');

  const show = (loaded: Review) => {
    setReview(loaded);
    setLevels(Object.fromEntries(loaded.scores.map((score) => [score.criterion, score.level])));
    setComments(Object.fromEntries(loaded.scores.map((score) => [score.criterion, score.comment])));
  };
  useEffect(() => { getReview(programme, project).then(show, (error) => setMessage(problemText(error, t('error.generic')))); }, [programme, project]);

  const send = async (event: Event) => {
    event.preventDefault();
    setMessage('');
    setSaved('');
    try {
      const scores = Object.fromEntries(Object.entries(levels).map(([code, level]) => [code, { level, comment: comments[code] ?? '' }]));
      show(await submitReview(programme, project, { scores }, review!.version));
      setSaved(t('review.saved'));
    } catch (error) {
      setMessage(problemText(error, t('error.generic')));
    }
  };

  if (!review) return <article>{message ? <p role="alert">{message}</p> : <Skeleton lines={6} />}</article>;
  const { project: proposal, rubric } = review;
  return (
    <article class="review">
      <p><a href={`/programmes/${programme}/reviews`}>{t('reviews.back')}</a></p>
      <h1>{proposal.title}</h1>
      <p>{proposal.team} · {proposal.region.name}</p>
      <details>
        <summary>{t('project.read')}</summary>
        <dl class="facts">
          <dt>{t('project.problem')}</dt><dd>{proposal.problem}</dd>
          <dt>{t('project.objectives')}</dt><dd>{proposal.objectives}</dd>
          <dt>{t('project.target_population')}</dt><dd>{proposal.target_population}</dd>
          <dt>{t('project.human_rights')}</dt><dd>{proposal.human_rights}</dd>
          <dt>{t('project.expected_results')}</dt><dd>{proposal.expected_results}</dd>
          <dt>{t('project.gcm')}</dt><dd><GcmObjectives numbers={proposal.gcm_objectives} /></dd>
        </dl>
      </details>
      <form onSubmit={send}>
        {rubric.criteria.map((criterion) => {
          const options = [];
          for (let level = criterion.scale_min; level <= criterion.scale_max; level++) options.push(level);
          return (
            <fieldset key={criterion.code} class="criterion">
              <legend>{criterion.title[language]} <span class="muted">({t('review.weight', { weight: criterion.weight })})</span></legend>
              <div class="levels">
                {options.map((level) => {
                  const descriptor = criterion.levels.find((entry) => entry.level === level)?.description[language];
                  return (
                    <label key={level} class="level">
                      <input type="radio" name={criterion.code} value={level} checked={levels[criterion.code] === level}
                        onChange={() => setLevels({ ...levels, [criterion.code]: level })} />
                      <span><strong>{level}</strong>{descriptor ? ` — ${descriptor}` : ''}</span>
                    </label>
                  );
                })}
              </div>
              <label>
                {t('review.comment')}
                <textarea rows={2} value={comments[criterion.code] ?? ''} onInput={(event) => setComments({ ...comments, [criterion.code]: (event.target as HTMLTextAreaElement).value })} />
              </label>
            </fieldset>
          );
        })}
        {message && <p role="alert">{message}</p>}
        {saved && <p role="status">{saved}</p>}
        <Button type="submit">{review.submitted_at ? t('review.resubmit') : t('review.submit')}</Button>
      </form>
      {review.others && (
        <section>
          <h2>{t('review.others')}</h2>
          {review.others.length === 0 && <p>{t('review.no_others')}</p>}
          {review.others.map((other) => (
            <DataTable key={other.juror} caption={t('review.juror', { juror: other.juror })} rows={other.scores} rowKey={(score) => score.criterion} columns={[
              { key: 'criterion', header: t('review.criterion'), rowHeader: true, value: (score) => rubric.criteria.find((criterion) => criterion.code === score.criterion)?.title[language] },
              { key: 'level', header: t('review.level'), numeric: true, value: (score) => score.level },
              { key: 'comment', header: t('review.comment'), value: (score) => score.comment || null },
            ]} />
          ))}
        </section>
      )}
    </article>
  );
}
