import type { components } from '../../api/schema';
import { useTranslation } from '../../i18n';

type Checklist = components['schemas']['SetupChecklist'];

// Where each step of setting a course up is done.
const SECTION: Record<string, string> = {
  modules: '/settings', sessions: '/sessions', assessments: '/assessments', participants: '/participants', teams: '/teams',
  rubric: '/rubric', jurors: '/jury', coordinators: '/settings', signatories: '/certificates',
};

// What a new programme still lacks, in the order a coordinator sets a course up: each step with
// its state and a link to where it is done.
export function SetupChecklist({ programme, checklist }: { programme: number; checklist: Checklist }) {
  const { t } = useTranslation();
  const left = checklist.items.filter((item) => !item.done).length;
  return (
    <section class="card setup-checklist" aria-labelledby="setup-heading">
      <h2 id="setup-heading">{t('setup.checklist_title')}</h2>
      <p class="muted">{t('setup.checklist_left', { count: left })}</p>
      <ol>
        {checklist.items.map((item) => (
          <li key={item.key} class={item.done ? 'done' : 'todo'}>
            <span class="state" aria-hidden="true">{item.done ? '✓' : '○'}</span>
            <a href={`/programmes/${programme}${SECTION[item.key] ?? ''}`}>{t(`setup.step.${item.key}`)}</a>
            <span class="muted"> — {item.done ? t('setup.step_done', { count: item.count }) : item.key === 'signatories' ? t('setup.step_todo_signatories') : t('setup.step_todo')}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
