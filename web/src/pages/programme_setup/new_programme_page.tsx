import { useState } from 'preact/hooks';
import { ApiError, createProgramme, isSiteCoordinator, type Coordinator, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { LinkButton } from '../../components/button';
import { errorKey, emptyDraft, inputOf, ProgrammeForm, type ProgrammeDraft } from './programme_form';

// The site coordinator opens a course from nothing: the programme as a draft, and who coordinates
// it. A coordinator without an account gets one, with a password shown here once.
export function NewProgrammePage({ user }: { user: User }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ProgrammeDraft>(emptyDraft);
  const [coordinator, setCoordinator] = useState({ email: '', display_name: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ id: number; code: string; coordinators: Coordinator[] } | null>(null);

  if (!isSiteCoordinator(user)) return <article><h1>{t('setup.new_title')}</h1><p role="alert" class="error">{t('error.forbidden')}</p></article>;
  if (created) {
    return (
      <article class="narrow-form">
        <h1>{t('setup.created_title', { code: created.code })}</h1>
        <p role="status">{t('setup.created_hint')}</p>
        {created.coordinators.filter((c) => c.initial_password).map((c) => (
          <section class="card" key={c.user_id}>
            <h2>{t('setup.new_account', { name: c.display_name })}</h2>
            <dl class="facts"><dt>{t('setup.coordinator_email')}</dt><dd>{c.email}</dd><dt>{t('setup.password_once')}</dt><dd><code>{c.initial_password}</code></dd></dl>
          </section>
        ))}
        <LinkButton href={`/programmes/${created.id}`}>{t('setup.go_to_programme')}</LinkButton>
      </article>
    );
  }

  const submit = async () => {
    setErrors({});
    setFailure('');
    setBusy(true);
    try {
      const coordinators = coordinator.email.trim() ? [{ email: coordinator.email.trim(), display_name: coordinator.display_name.trim() }] : [];
      const result = await createProgramme({ ...inputOf(draft), coordinators });
      setCreated({ id: result.programme.id, code: result.programme.code, coordinators: result.coordinators });
    } catch (error) {
      if (error instanceof ApiError && error.problem) {
        setFailure(error.problem.title);
        setErrors(Object.fromEntries(error.problem.errors.map((detail) => [errorKey(detail.field, draft), detail.message])));
      } else setFailure(t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="wide-form">
      <p><a href="/">{t('programme.back')}</a></p>
      <h1>{t('setup.new_title')}</h1>
      <p class="muted">{t('setup.new_hint')}</p>
      <ProgrammeForm draft={draft} onChange={setDraft} errors={errors} onSubmit={submit} submitLabel={t('setup.create')} busy={busy}>
        <fieldset>
          <legend>{t('setup.coordinator')}</legend>
          <p class="muted">{t('setup.coordinator_hint')}</p>
          <div class="form-grid">
            {(['email', 'display_name'] as const).map((part) => {
              const key = `coordinators[0].${part}`;
              return (
                <label key={part}>{t(`setup.coordinator_${part}`)}
                  <input type={part === 'email' ? 'email' : 'text'} value={coordinator[part]} aria-invalid={errors[key] ? 'true' : undefined}
                    aria-describedby={errors[key] ? `${part}-error` : undefined}
                    onInput={(event) => setCoordinator({ ...coordinator, [part]: (event.target as HTMLInputElement).value })} />
                  {errors[key] && <span id={`${part}-error`} class="error">{errors[key]}</span>}
                </label>
              );
            })}
          </div>
        </fieldset>
        {failure && <p role="alert" class="error">{failure}</p>}
      </ProgrammeForm>
    </article>
  );
}
