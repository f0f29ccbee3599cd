import { useEffect, useState } from 'preact/hooks';
import { getProgramme, listInstructors, problemText, setInstructorModules, type Instructor, type Programme } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useFailureToast } from '../../components/toast';

// Who teaches which module. An instructor with no module ticked teaches the whole programme; one
// with modules sees and grades only those (the server enforces it).
export function InstructorsPage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const failed = useFailureToast();
  const [info, setInfo] = useState<Programme | null>(null);
  const [instructors, setInstructors] = useState<Instructor[]>([]);
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState('');
  const load = () => listInstructors(programme).then((list) => setInstructors(list.items), (error) => setMessage(problemText(error, t('error.generic'))));
  useEffect(() => { getProgramme(programme).then(setInfo, failed); load(); }, [programme]);

  // The box shows the change at once (a re-render before the answer would otherwise untick it);
  // a refusal puts the server's list back.
  const toggle = async (instructor: Instructor, position: number) => {
    setMessage('');
    setSaved('');
    const modules = instructor.modules.includes(position) ? instructor.modules.filter((m) => m !== position) : [...instructor.modules, position].sort((a, b) => a - b);
    setInstructors((list) => list.map((item) => (item.user_id === instructor.user_id ? { ...item, modules } : item)));
    try {
      await setInstructorModules(programme, instructor.user_id, modules);
      setSaved(t('instructors.saved', { name: instructor.display_name }));
      load();
    } catch (error) {
      setMessage(problemText(error, t('error.generic')));
      load();
    }
  };

  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('instructors.title')}</h1>
      <p>{t('instructors.explain')}</p>
      {message && <p role="alert">{message}</p>}
      {saved && <p role="status">{saved}</p>}
      {instructors.length === 0 && <p>{t('instructors.none')}</p>}
      {info && instructors.map((instructor) => (
        <fieldset class="criterion" key={instructor.user_id}>
          <legend>{instructor.display_name} <span class="muted">({instructor.modules.length ? t('instructors.some', { count: instructor.modules.length }) : t('instructors.all')})</span></legend>
          {info.modules.map((module) => (
            <label class="check" key={module.position}>
              <input type="checkbox" checked={instructor.modules.includes(module.position)} onChange={() => toggle(instructor, module.position)} />
              <span>{module.position}. {module.title[language]}</span>
            </label>
          ))}
        </fieldset>
      ))}
    </article>
  );
}
