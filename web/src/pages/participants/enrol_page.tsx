import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, enrolParticipant, listInstitutions, listSubdivisions } from '../../api/client';
import { useResource } from '../../components/use_resource';
import { useFieldLabel, useProgramme } from '../programme/programme_area';
import { useTranslation } from '../../i18n';
import { Button } from '../../components/button';

const FIELDS = ['given_names', 'family_names', 'email', 'institution', 'level', 'subdivision', 'sex', 'position', 'phone', 'consent_date', 'consent_notice_version', 'consent_purposes'] as const;
const REQUIRED = new Set(['given_names', 'family_names', 'email', 'institution', 'level']);

// One person by hand: the same fields and checks as a row of the import. Institution, level,
// subdivision (of the programme's country, named as that country names them) and sex are
// choices, not free text; the server still checks each one.
const SEXES = ['female', 'male', 'other', 'undisclosed'] as const;
const LEVELS = ['national', 'local'] as const;
export function EnrolPage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const fieldLabel = useFieldLabel();
  const { route } = useLocation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const programmeInfo = useProgramme();
  const choices = useResource(async () => {
    const [institutions, places] = await Promise.all([listInstitutions(), programmeInfo ? listSubdivisions(programmeInfo.country) : Promise.resolve({ items: [] })]);
    return { institutions: institutions.items, places: places.items };
  }, [programmeInfo?.country]);
  const options = (field: string): { value: string; label: string }[] | null => {
    if (field === 'sex') return SEXES.map((sex) => ({ value: sex, label: t(`participants.sex_value.${sex}`) }));
    if (field === 'level') return LEVELS.map((level) => ({ value: level, label: t(`programme.level.${level}`) }));
    if (field === 'institution') return (choices.data?.institutions ?? [])
      .map((institution) => ({ value: institution.acronym || institution.name.es, label: `${institution.name[language]}${institution.acronym ? ` (${institution.acronym})` : ''}` }))
      .sort((a, b) => a.label.localeCompare(b.label, language));
    if (field === 'subdivision') return (choices.data?.places ?? []).map((place) => ({ value: place.name, label: place.name }));
    return null;
  };

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
        {FIELDS.map((field) => {
          const described = { 'aria-invalid': errors[field] ? ('true' as const) : undefined, 'aria-describedby': errors[field] ? `${field}-error` : undefined };
          const list = options(field);
          return (
            <label key={field}>
              {fieldLabel(field)}{REQUIRED.has(field) && ' *'}
              {list ? (
                <select name={field} value={values[field] ?? ''} required={REQUIRED.has(field)} {...described}
                  onChange={(event) => setValues({ ...values, [field]: (event.target as HTMLSelectElement).value })}>
                  <option value="">{t('enrol.choose')}</option>
                  {list.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
                </select>
              ) : (
                <input name={field} value={values[field] ?? ''} required={REQUIRED.has(field)}
                  type={field === 'email' ? 'email' : field === 'consent_date' ? 'date' : 'text'} {...described}
                  onInput={(event) => setValues({ ...values, [field]: (event.target as HTMLInputElement).value })} />
              )}
              {errors[field] && <span id={`${field}-error`} class="error">{errors[field]}</span>}
            </label>
          );
        })}
        {failure && <p role="alert" class="error">{failure}</p>}
        <Button type="submit">{t('enrol.submit')}</Button>
      </form>
    </article>
  );
}
