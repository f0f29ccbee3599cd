import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, enrolParticipant } from '../../api/client';
import { useTranslation } from '../../i18n';

const FIELDS = ['given_names', 'family_names', 'email', 'institution', 'level', 'subdivision', 'sex', 'position', 'phone', 'consent_date', 'consent_notice_version', 'consent_purposes'] as const;
const REQUIRED = new Set(['given_names', 'family_names', 'email', 'institution', 'level']);

// One person by hand: the same fields and checks as a row of the import.
export function EnrolPage({ programme }: { programme: number }) {
  const { t } = useTranslation();
  const { route } = useLocation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    setErrors({});
    setFailure('');
    try {
      const record = await enrolParticipant(programme, values);
      route(`/programmes/${programme}/participants/${record.enrollment_id}`);
    } catch (error) {
      if (error instanceof ApiError && error.problem) {
        setFailure(error.problem.title);
        setErrors(Object.fromEntries(error.problem.errors.map((detail) => [detail.field, detail.message])));
      } else setFailure(t('error.generic'));
    }
  };

  return (
    <article class="narrow-form">
      <p><a href={`/programmes/${programme}/participants`}>{t('person.back')}</a></p>
      <h1>{t('enrol.title')}</h1>
      <p class="muted">{t('enrol.hint')}</p>
      <form onSubmit={submit} noValidate>
        {FIELDS.map((field) => (
          <label key={field}>
            {t(`import.field.${field}`)}{REQUIRED.has(field) && ' *'}
            <input name={field} value={values[field] ?? ''} required={REQUIRED.has(field)}
              type={field === 'email' ? 'email' : field === 'consent_date' ? 'date' : 'text'}
              aria-invalid={errors[field] ? 'true' : undefined} aria-describedby={errors[field] ? `${field}-error` : undefined}
              onInput={(event) => setValues({ ...values, [field]: (event.target as HTMLInputElement).value })} />
            {errors[field] && <span id={`${field}-error`} class="error">{errors[field]}</span>}
          </label>
        ))}
        {failure && <p role="alert" class="error">{failure}</p>}
        <button type="submit">{t('enrol.submit')}</button>
      </form>
    </article>
  );
}
