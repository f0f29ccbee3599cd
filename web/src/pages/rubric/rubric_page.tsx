import { useEffect, useState } from 'preact/hooks';
import { coordinates, getRubric, problemText, replaceRubric, type Rubric, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Skeleton } from '../../components/skeleton';
import { Button } from '../../components/button';

type Criterion = Rubric['criteria'][number];
type Draft = { code: string; es: string; en: string; weight: string; scale_min: string; scale_max: string; levels: Record<number, { es: string; en: string }> };

const toDraft = (criterion: Criterion): Draft => ({
  code: criterion.code, es: criterion.title.es, en: criterion.title.en, weight: String(criterion.weight),
  scale_min: String(criterion.scale_min), scale_max: String(criterion.scale_max),
  levels: Object.fromEntries(criterion.levels.map((level) => [level.level, { ...level.description }])),
});

// The rubric for final projects: criteria with weights, a scale and level descriptors in es/en.
// Everyone in the programme reads it; the coordinator edits it until the first review is sent.
export function RubricPage({ programme, user }: { programme: number; user: User }) {
  const { t, language } = useTranslation();
  const [rubric, setRubric] = useState<Rubric | null>(null);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState('');
  const show = (loaded: Rubric) => { setRubric(loaded); setDrafts(loaded.criteria.map(toDraft)); };
  useEffect(() => { getRubric(programme).then(show, (error) => setMessage(problemText(error, t('error.generic')))); }, [programme]);
  const editable = coordinates(user, programme);

  const change = (index: number, patch: Partial<Draft>) => setDrafts(drafts.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  const setLevel = (index: number, level: number, language: 'es' | 'en', text: string) => {
    const current = drafts[index].levels[level] ?? { es: '', en: '' };
    change(index, { levels: { ...drafts[index].levels, [level]: { ...current, [language]: text } } });
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setMessage('');
    setSaved('');
    try {
      const criteria = drafts.map((draft) => {
        const min = Number(draft.scale_min), max = Number(draft.scale_max);
        const levels = Object.entries(draft.levels)
          .map(([level, description]) => ({ level: Number(level), description }))
          .filter((entry) => entry.level >= min && entry.level <= max && (entry.description.es || entry.description.en));
        return { code: draft.code, title: { es: draft.es, en: draft.en }, weight: Number(draft.weight.replace(',', '.')), scale_min: min, scale_max: max, levels };
      });
      show(await replaceRubric(programme, criteria, rubric!.version));
      setSaved(t('rubric.saved'));
    } catch (error) { setMessage(problemText(error, t('error.generic'))); }
  };

  if (!rubric) return <article>{message ? <p role="alert">{message}</p> : <Skeleton lines={6} />}</article>;
  const total = drafts.reduce((sum, draft) => sum + (Number(draft.weight.replace(',', '.')) || 0), 0);
  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('rubric.title')}</h1>
      <p>{t('rubric.explain', { total })}</p>
      <form class="stack" onSubmit={save}>
        {drafts.map((draft, index) => {
          const levels = [];
          for (let level = Number(draft.scale_min); level <= Number(draft.scale_max) && levels.length < 11; level++) levels.push(level);
          return (
            <fieldset class="criterion" key={index}>
              <legend>{(language === 'es' ? draft.es : draft.en) || t('rubric.new_criterion')}</legend>
              <div class="filters">
                <label>{t('rubric.code')}<input value={draft.code} disabled={!editable} onInput={(event) => change(index, { code: (event.target as HTMLInputElement).value })} /></label>
                <label>{t('rubric.title_es')}<input value={draft.es} disabled={!editable} onInput={(event) => change(index, { es: (event.target as HTMLInputElement).value })} /></label>
                <label>{t('rubric.title_en')}<input value={draft.en} disabled={!editable} onInput={(event) => change(index, { en: (event.target as HTMLInputElement).value })} /></label>
                <label>{t('rubric.weight')}<input inputMode="decimal" value={draft.weight} disabled={!editable} onInput={(event) => change(index, { weight: (event.target as HTMLInputElement).value })} /></label>
                <label>{t('rubric.scale_min')}<input inputMode="numeric" value={draft.scale_min} disabled={!editable} onInput={(event) => change(index, { scale_min: (event.target as HTMLInputElement).value })} /></label>
                <label>{t('rubric.scale_max')}<input inputMode="numeric" value={draft.scale_max} disabled={!editable} onInput={(event) => change(index, { scale_max: (event.target as HTMLInputElement).value })} /></label>
              </div>
              <details>
                <summary>{t('rubric.levels')}</summary>
                {levels.map((level) => (
                  <div class="filters" key={level}>
                    <label>{t('rubric.level_es', { level })}<input value={draft.levels[level]?.es ?? ''} disabled={!editable} onInput={(event) => setLevel(index, level, 'es', (event.target as HTMLInputElement).value)} /></label>
                    <label>{t('rubric.level_en', { level })}<input value={draft.levels[level]?.en ?? ''} disabled={!editable} onInput={(event) => setLevel(index, level, 'en', (event.target as HTMLInputElement).value)} /></label>
                  </div>
                ))}
              </details>
              {editable && <Button type="button" variant="secondary" onClick={() => setDrafts(drafts.filter((_, i) => i !== index))}>{t('rubric.remove')}</Button>}
            </fieldset>
          );
        })}
        {message && <p role="alert">{message}</p>}
        {saved && <p role="status">{saved}</p>}
        {editable && (
          <p class="actions">
            <Button type="button" variant="secondary" onClick={() => setDrafts([...drafts, { code: '', es: '', en: '', weight: '1', scale_min: '1', scale_max: '5', levels: {} }])}>{t('rubric.add')}</Button>
            <Button type="submit">{t('rubric.save')}</Button>
          </p>
        )}
      </form>
    </article>
  );
}
