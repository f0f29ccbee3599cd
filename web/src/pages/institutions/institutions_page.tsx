import { useEffect, useState } from 'preact/hooks';
import { ApiError, createInstitution, isSiteCoordinator, listCountries, listInstitutions, mergeInstitution, updateInstitution, type Institution, type InstitutionInput, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useFailureToast } from '../../components/toast';
import { useResource } from '../../components/use_resource';
import { DataTable, type Column } from '../../components/data_table';
import { EmptyState } from '../../components/empty_state';
import { Button } from '../../components/button';

const EMPTY: InstitutionInput = { name: { es: '', en: '' }, country: undefined, acronym: '', sector: '', level: 'national', valid_from: '', valid_to: '', aliases: [] };

// Institutions are shared by every programme: coordinators add and edit them; the site
// coordinator merges duplicates (their people move, their names become aliases).
export function InstitutionsPage({ user }: { user: User }) {
  const { t, language } = useTranslation();
  const failed = useFailureToast();
  const [items, setItems] = useState<Institution[]>([]);
  const [editing, setEditing] = useState<Institution | null>(null);
  const [form, setForm] = useState<InstitutionInput>(EMPTY);
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [keep, setKeep] = useState('');
  const [merge, setMerge] = useState('');

  const load = () => listInstitutions().then((list) => setItems(list.items), failed);
  const countries = useResource(() => listCountries(), []);
  // A country's name in the reader's language; '' is an international organisation.
  const countryName = (code: string) => (code ? countries.data?.items.find((c) => c.code === code)?.name[language] ?? code : t('institutions.international'));
  useEffect(() => { load(); }, []);
  const fail = (error: unknown) => {
    setErrors(error instanceof ApiError && error.problem ? [error.problem.title, ...error.problem.errors.map((detail) => `${detail.field}: ${detail.message}`)] : [t('error.generic')]);
  };
  // The country is a choice the coordinator makes: an institution left "international" by default
  // would match every country's nominations.
  const INTERNATIONAL = 'international';
  const countryChoice = form.country === undefined ? '' : form.country === '' ? INTERNATIONAL : form.country;
  const save = async (event: Event) => {
    event.preventDefault();
    setErrors([]);
    if (form.country === undefined) return setErrors([t('institutions.choose_country')]);
    try {
      const saved = editing ? await updateInstitution(editing.id, form, editing.version) : await createInstitution(form);
      setEditing(null);
      setForm(EMPTY);
      await load();
      setMessage(t('institutions.saved', { name: saved.name[language] }));
    } catch (error) { fail(error); }
  };
  const doMerge = async (event: Event) => {
    event.preventDefault();
    setErrors([]);
    try {
      const result = await mergeInstitution(Number(keep), Number(merge));
      setMerge('');
      // The list shows the merge (the alias) before the message says it is done.
      await load();
      setMessage(t('institutions.merged', { name: result.institution.name[language], count: result.people_moved }));
    } catch (error) { fail(error); }
  };
  const columns: Column<Institution>[] = [
    { key: 'name', header: t('institutions.name'), value: (institution) => institution.name[language], sortable: true, rowHeader: true,
      render: (institution) => <>{institution.name[language]}{institution.aliases.length > 0 && <div class="muted">{institution.aliases.join(' · ')}</div>}</> },
    { key: 'acronym', header: t('institutions.acronym'), value: (institution) => institution.acronym || null, sortable: true },
    { key: 'country', header: t('institutions.country'), value: (institution) => countryName(institution.country), sortable: true },
    { key: 'level', header: t('participants.level'), value: (institution) => t(`programme.level.${institution.level}`), sortable: true },
    { key: 'validity', header: t('institutions.validity'), value: (institution) => (institution.valid_from || institution.valid_to ? `${institution.valid_from || '…'} – ${institution.valid_to || '…'}` : null) },
    { key: 'actions', header: <span class="visually-hidden">{t('institutions.actions')}</span>, value: () => null,
      render: (institution) => <Button variant="quiet" onClick={() => { setEditing(institution); setForm({ ...institution }); }}>{t('institutions.edit', { name: institution.acronym || institution.name[language] })}</Button> },
  ];
  const text = (key: 'acronym' | 'sector' | 'valid_from' | 'valid_to') => (event: Event) => setForm({ ...form, [key]: (event.target as HTMLInputElement).value });

  return (
    <article>
      <p><a href="/">{t('programme.back')}</a></p>
      <h1>{t('institutions.title')}</h1>
      {message && <p role="status">{message}</p>}
      {errors.length > 0 && <div role="alert" class="error">{errors.map((line, index) => <p key={index}>{line}</p>)}</div>}
      <DataTable caption={t('institutions.title')} rows={items} rowKey={(institution) => institution.id} columns={columns}
        empty={<EmptyState title={t('institutions.none')} />} />
      <form class="card" onSubmit={save}>
        <h2>{editing ? t('institutions.edit_title') : t('institutions.new_title')}</h2>
        <label>{t('institutions.name_es')} *<input value={form.name.es} onInput={(event) => setForm({ ...form, name: { ...form.name, es: (event.target as HTMLInputElement).value } })} /></label>
        <label>{t('institutions.name_en')} *<input value={form.name.en} onInput={(event) => setForm({ ...form, name: { ...form.name, en: (event.target as HTMLInputElement).value } })} /></label>
        <label>{t('institutions.acronym')}<input value={form.acronym ?? ''} onInput={text('acronym')} /></label>
        <label>{t('institutions.country')} *
          <select value={countryChoice} aria-invalid={errors.length > 0 && form.country === undefined ? 'true' : undefined}
            onChange={(event) => { const value = (event.target as HTMLSelectElement).value; setForm({ ...form, country: value === '' ? undefined : value === INTERNATIONAL ? '' : value }); }}>
            <option value="">{t('enrol.choose')}</option>
            <option value={INTERNATIONAL}>{t('institutions.international')}</option>
            {[...(countries.data?.items ?? [])].sort((a, b) => a.name[language].localeCompare(b.name[language], language))
              .map((country) => <option key={country.code} value={country.code}>{country.name[language]}</option>)}
          </select>
        </label>
        <label>{t('institutions.sector')}<input value={form.sector ?? ''} onInput={text('sector')} /></label>
        <label>{t('participants.level')}
          <select value={form.level ?? 'national'} onChange={(event) => setForm({ ...form, level: (event.target as HTMLSelectElement).value as 'national' | 'local' })}>
            <option value="national">{t('programme.level.national')}</option>
            <option value="local">{t('programme.level.local')}</option>
          </select>
        </label>
        <label>{t('institutions.valid_from')}<input type="date" value={form.valid_from ?? ''} onInput={text('valid_from')} /></label>
        <label>{t('institutions.valid_to')}<input type="date" value={form.valid_to ?? ''} onInput={text('valid_to')} /></label>
        <label>{t('institutions.aliases')}<input value={(form.aliases ?? []).join('; ')} onInput={(event) => setForm({ ...form, aliases: (event.target as HTMLInputElement).value.split(';').map((alias) => alias.trim()).filter(Boolean) })} /></label>
        <Button type="submit">{t('institutions.save')}</Button>
        {editing && <Button type="button" variant="quiet" onClick={() => { setEditing(null); setForm(EMPTY); }}>{t('institutions.cancel')}</Button>}
      </form>
      {isSiteCoordinator(user) && (
        <form class="card" onSubmit={doMerge}>
          <h2>{t('institutions.merge_title')}</h2>
          <p class="muted">{t('institutions.merge_hint')}</p>
          <label>{t('institutions.keep')}
            <select value={keep} onChange={(event) => setKeep((event.target as HTMLSelectElement).value)}>
              <option value="">—</option>
              {items.map((institution) => <option key={institution.id} value={String(institution.id)}>{institution.name[language]}</option>)}
            </select>
          </label>
          <label>{t('institutions.merge_away')}
            <select value={merge} onChange={(event) => setMerge((event.target as HTMLSelectElement).value)}>
              <option value="">—</option>
              {items.map((institution) => <option key={institution.id} value={String(institution.id)}>{institution.name[language]}</option>)}
            </select>
          </label>
          <Button type="submit" disabled={!keep || !merge}>{t('institutions.merge')}</Button>
        </form>
      )}
    </article>
  );
}
