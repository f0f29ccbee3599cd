import { useEffect, useState } from 'preact/hooks';
import { answerSurvey, coordinates, getSurvey, problemText, saveSurveyQuestions, type Survey, type SurveyQuestionInput, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Button } from '../../components/button';
import { Skeleton } from '../../components/skeleton';
import { EmptyState } from '../../components/empty_state';
import { formatNumber } from '../../components/format';

// The satisfaction survey (issue 14). A participant answers once; the answers are kept without
// who gave them. The coordinator writes the questions (until the first answer) and reads the
// results as counts and means.
export function SurveyPage({ programme, user }: { programme: number; user: User }) {
  const { t } = useTranslation();
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [message, setMessage] = useState('');
  const load = () => getSurvey(programme).then(setSurvey, (error) => setMessage(problemText(error, t('error.generic'))));
  useEffect(() => { load(); }, [programme]);
  return (
    <article class="wide">
      <h1>{t('survey.title')}</h1>
      {message && <p role="alert" class="field-error">{message}</p>}
      {!survey ? <Skeleton lines={8} /> : coordinates(user, programme)
        ? <SurveyResults programme={programme} survey={survey} onChange={setSurvey} />
        : <SurveyForm programme={programme} survey={survey} onDone={load} />}
    </article>
  );
}

function SurveyForm({ programme, survey, onDone }: { programme: number; survey: Survey; onDone: () => void }) {
  const { t, language } = useTranslation();
  const [values, setValues] = useState<Record<number, number>>({});
  const [texts, setTexts] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState('');
  if (survey.questions.length === 0) return <EmptyState title={t('survey.no_questions')} />;
  if (survey.answered) return <p class="signal signal-good" role="status">{t('survey.thanks')}</p>;
  const send = async (event: Event) => {
    event.preventDefault();
    setErrors('');
    try {
      await answerSurvey(programme, survey.questions.map((question) => (question.kind === 'likert'
        ? { question_id: question.id, value: values[question.id] ?? null }
        : { question_id: question.id, text: texts[question.id] ?? '' })));
      onDone();
    } catch (error) {
      setErrors(problemText(error, t('error.generic')));
    }
  };
  return (
    <form onSubmit={send} class="survey-form">
      <p class="lede">{t('survey.intro')}</p>
      {survey.questions.map((question, index) => (question.kind === 'likert' ? (
        <fieldset key={question.id}>
          <legend>{index + 1}. {question.text[language]}</legend>
          <div class="likert">
            {Array.from({ length: question.scale_max - question.scale_min + 1 }, (_, i) => question.scale_min + i).map((point) => (
              <label key={point} class="likert-point">
                <input type="radio" name={`q${question.id}`} value={point} required checked={values[question.id] === point}
                  onChange={() => setValues({ ...values, [question.id]: point })} />
                <span>{point}</span>
              </label>
            ))}
          </div>
          <p class="muted">{t('survey.scale', { min: question.scale_min, max: question.scale_max })}</p>
        </fieldset>
      ) : (
        <label key={question.id} class="survey-open">{index + 1}. {question.text[language]}
          <textarea rows={4} maxLength={2000} value={texts[question.id] ?? ''} onInput={(event) => setTexts({ ...texts, [question.id]: event.currentTarget.value })} />
        </label>
      )))}
      {errors && <p role="alert" class="field-error">{errors}</p>}
      <div class="button-row"><Button type="submit">{t('survey.send')}</Button></div>
    </form>
  );
}

function SurveyResults({ programme, survey, onChange }: { programme: number; survey: Survey; onChange: (survey: Survey) => void }) {
  const { t, language } = useTranslation();
  const [draft, setDraft] = useState<SurveyQuestionInput[]>(survey.questions.map(({ kind, text, scale_min, scale_max }) => ({ kind, text, scale_min, scale_max })));
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState('');
  const locked = survey.respondents > 0;
  const save = async (event: Event) => {
    event.preventDefault();
    setMessage('');
    setSaved('');
    try { onChange(await saveSurveyQuestions(programme, draft)); setSaved(t('survey.saved')); } catch (error) { setMessage(problemText(error, t('error.generic'))); }
  };
  const set = (index: number, change: Partial<SurveyQuestionInput>) => setDraft(draft.map((question, i) => (i === index ? { ...question, ...change } : question)));
  return <>
    <p>{t('survey.respondents', { count: survey.respondents, enrolled: survey.enrolled })}</p>
    <section aria-labelledby="survey-results">
      <h2 id="survey-results">{t('survey.results')}</h2>
      {survey.results.length === 0 ? <EmptyState title={t('survey.no_questions')} /> : survey.respondents === 0 ? <EmptyState title={t('survey.no_answers')} /> : (
        <ol>
          {survey.results.map((result) => {
            const question = survey.questions.find((item) => item.id === result.question_id)!;
            return (
              <li key={result.question_id} class="survey-result">
                <p><strong>{question.text[language]}</strong></p>
                {question.kind === 'likert' ? <>
                  <p>{t('survey.mean', { n: result.n, mean: result.mean == null ? '—' : formatNumber(result.mean, language, 2) })}</p>
                  <table class="count-table">
                    <caption class="visually-hidden">{question.text[language]}</caption>
                    <thead><tr><th scope="col">{t('survey.point')}</th>{result.counts.map((_, i) => <th key={i} scope="col" class="numeric">{question.scale_min + i}</th>)}</tr></thead>
                    <tbody><tr><th scope="row">{t('survey.answers')}</th>{result.counts.map((count, i) => <td key={i} class="numeric">{count}</td>)}</tr></tbody>
                  </table>
                </> : result.texts.length === 0 ? <p class="muted">{t('survey.no_texts')}</p> : <ul>{result.texts.map((text, i) => <li key={i}>{text}</li>)}</ul>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
    <section aria-labelledby="survey-questions">
      <h2 id="survey-questions">{t('survey.questions')}</h2>
      {locked && <p class="signal" role="note">{t('survey.locked')}</p>}
      <form onSubmit={save} class="stack">
        {draft.map((question, index) => (
          <fieldset key={index} disabled={locked}>
            <legend>{t('survey.question_n', { n: index + 1 })}</legend>
            <label>{t('survey.kind')}
              <select value={question.kind} onChange={(event) => set(index, { kind: event.currentTarget.value as 'likert' | 'open' })}>
                <option value="likert">{t('survey.kind_likert')}</option>
                <option value="open">{t('survey.kind_open')}</option>
              </select>
            </label>
            <label>{t('survey.text_es')}<input required value={question.text.es} onInput={(event) => set(index, { text: { ...question.text, es: event.currentTarget.value } })} /></label>
            <label>{t('survey.text_en')}<input required value={question.text.en} onInput={(event) => set(index, { text: { ...question.text, en: event.currentTarget.value } })} /></label>
            <Button variant="quiet" onClick={() => setDraft(draft.filter((_, i) => i !== index))}>{t('survey.remove')}</Button>
          </fieldset>
        ))}
        {!locked && <div class="button-row">
          <Button variant="secondary" onClick={() => setDraft([...draft, { kind: 'likert', text: { es: '', en: '' }, scale_min: 1, scale_max: 5 }])}>{t('survey.add')}</Button>
          <Button type="submit">{t('survey.save')}</Button>
        </div>}
        {message && <p role="alert" class="field-error">{message}</p>}
        {saved && <p role="status" class="signal signal-good">{saved}</p>}
      </form>
    </section>
  </>;
}
