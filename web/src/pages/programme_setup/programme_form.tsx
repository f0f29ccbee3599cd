import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { listCountries, type Programme, type ProgrammeInput } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useResource } from '../../components/use_resource';
import { Button } from '../../components/button';

// A programme as its form holds it: texts as typed, numbers as text until sent.
export type ModuleDraft = { id?: number; es: string; en: string; hours: string; pass_mark: string };
export type OrganisationDraft = { es: string; en: string; acronym: string };
export type ProgrammeDraft = {
  code: string; title_es: string; title_en: string; description_es: string; description_en: string;
  country: string; time_zone: string; locale: string; start_date: string; end_date: string; modality: string;
  sdgs: number[]; implementer: OrganisationDraft; funders: OrganisationDraft[]; modules: ModuleDraft[];
};

const blankOrganisation = (): OrganisationDraft => ({ es: '', en: '', acronym: '' });
export const blankModule = (): ModuleDraft => ({ es: '', en: '', hours: '', pass_mark: '' });

export function emptyDraft(): ProgrammeDraft {
  return {
    code: '', title_es: '', title_en: '', description_es: '', description_en: '', country: '', time_zone: '', locale: '',
    start_date: '', end_date: '', modality: 'in_person', sdgs: [], implementer: blankOrganisation(), funders: [], modules: [blankModule()],
  };
}

export function draftOf(programme: Programme): ProgrammeDraft {
  const organisation = (o: Programme['organisations'][number]): OrganisationDraft => ({ es: o.name.es, en: o.name.en, acronym: o.acronym });
  const implementer = programme.organisations.find((o) => o.role === 'implementer');
  return {
    code: programme.code, title_es: programme.title.es, title_en: programme.title.en, description_es: programme.description.es,
    description_en: programme.description.en, country: programme.country, time_zone: programme.time_zone, locale: programme.locale,
    start_date: programme.start_date ?? '', end_date: programme.end_date ?? '', modality: programme.modality, sdgs: [...programme.sdgs],
    implementer: implementer ? organisation(implementer) : blankOrganisation(),
    funders: programme.organisations.filter((o) => o.role === 'funder').map(organisation),
    modules: programme.modules.map((m) => ({ id: m.id, es: m.title.es, en: m.title.en, hours: String(m.hours), pass_mark: m.pass_mark ? String(m.pass_mark) : '' })),
  };
}

// The body the API reads. Organisations go implementer first, then funders, so that a problem the
// server names "organisations[1].name.es" is shown at the right row (see errorKey).
export function inputOf(draft: ProgrammeDraft): ProgrammeInput {
  const number = (text: string) => (text.trim() === '' ? 0 : Number(text.replace(',', '.')));
  const organisations = [
    ...(draft.implementer.es || draft.implementer.en ? [{ role: 'implementer' as const, ...draft.implementer }] : []),
    ...draft.funders.map((funder) => ({ role: 'funder' as const, ...funder })),
  ].map(({ role, es, en, acronym }) => ({ role, name: { es, en }, acronym }));
  return {
    code: draft.code.trim(), title: { es: draft.title_es, en: draft.title_en }, description: { es: draft.description_es, en: draft.description_en },
    country: draft.country, time_zone: draft.time_zone, locale: draft.locale, start_date: draft.start_date || undefined, end_date: draft.end_date || undefined,
    modality: draft.modality as ProgrammeInput['modality'], sdgs: [...draft.sdgs].sort((a, b) => a - b), organisations,
    modules: draft.modules.map((m) => ({ id: m.id ?? null, title: { es: m.es, en: m.en }, hours: number(m.hours), pass_mark: number(m.pass_mark) })),
  };
}

// Where the server's path for an organisation points in the form.
export function errorKey(field: string, draft: ProgrammeDraft): string {
  const text = /^(title|description)\.(es|en)$/.exec(field);
  if (text) return `${text[1]}_${text[2]}`;
  const match = /^organisations\[(\d+)\](.*)$/.exec(field);
  if (!match) return field;
  const hasImplementer = Boolean(draft.implementer.es || draft.implementer.en);
  const index = Number(match[1]);
  return hasImplementer && index === 0 ? `implementer${match[2]}` : `funders[${index - (hasImplementer ? 1 : 0)}]${match[2]}`;
}

type Props = {
  draft: ProgrammeDraft;
  onChange: (draft: ProgrammeDraft) => void;
  errors: Record<string, string>;
  onSubmit: () => void;
  submitLabel: string;
  busy?: boolean;
  children?: ComponentChildren;  // more fields, before the button (a new programme's coordinator)
};

export function ProgrammeForm({ draft, onChange, errors, onSubmit, submitLabel, busy, children }: Props) {
  const { t, language } = useTranslation();
  const countries = useResource(() => listCountries(), []);
  const sorted = useMemo(() => [...(countries.data?.items ?? [])].sort((a, b) => a.name[language].localeCompare(b.name[language], language)), [countries.data, language]);
  const country = sorted.find((item) => item.code === draft.country);
  const set = (changes: Partial<ProgrammeDraft>) => onChange({ ...draft, ...changes });
  const chooseCountry = (code: string) => {
    const chosen = sorted.find((item) => item.code === code);
    const zone = chosen && !chosen.time_zones.includes(draft.time_zone) ? chosen.time_zones[0] ?? '' : draft.time_zone;
    // The server's own default (the same rule as a programme created without a locale).
    const locale = chosen && !chosen.locales.includes(draft.locale) ? chosen.default_locale : draft.locale;
    set({ country: code, time_zone: zone, locale });
  };
  const field = (key: string, label: string, input: (described: Record<string, string | undefined>) => ComponentChildren, required = false) => (
    <label key={key}>
      {label}{required && ' *'}
      {input({ 'aria-invalid': errors[key] ? 'true' : undefined, 'aria-describedby': errors[key] ? `${key}-error` : undefined, id: `field-${key}` })}
      {errors[key] && <span id={`${key}-error`} class="error">{errors[key]}</span>}
    </label>
  );
  const text = (key: keyof ProgrammeDraft, label: string, required = false, type = 'text') =>
    field(key, label, (described) => <input type={type} value={draft[key] as string} required={required} {...described}
      onInput={(event) => set({ [key]: (event.target as HTMLInputElement).value } as Partial<ProgrammeDraft>)} />, required);
  const setModule = (index: number, changes: Partial<ModuleDraft>) => set({ modules: draft.modules.map((m, i) => (i === index ? { ...m, ...changes } : m)) });
  const moveModule = (index: number) => {
    const modules = [...draft.modules];
    [modules[index - 1], modules[index]] = [modules[index], modules[index - 1]];
    set({ modules });
  };
  const organisation = (prefix: string, value: OrganisationDraft, change: (next: OrganisationDraft) => void) => (
    <div class="form-grid">
      {(['es', 'en', 'acronym'] as const).map((part) => field(`${prefix}${part === 'acronym' ? '.acronym' : `.name.${part}`}`, t(`setup.organisation_${part}`), (described) => (
        <input value={value[part]} {...described} onInput={(event) => change({ ...value, [part]: (event.target as HTMLInputElement).value })} />
      )))}
    </div>
  );

  return (
    <form class="programme-form" noValidate onSubmit={(event) => { event.preventDefault(); onSubmit(); }}>
      <fieldset>
        <legend>{t('setup.identity')}</legend>
        <div class="form-grid">
          {text('code', t('setup.code'), true)}
          {field('modality', t('setup.modality'), (described) => (
            <select value={draft.modality} {...described} onChange={(event) => set({ modality: (event.target as HTMLSelectElement).value })}>
              {['in_person', 'online', 'blended'].map((m) => <option key={m} value={m}>{t(`setup.modality_${m}`)}</option>)}
            </select>
          ))}
        </div>
        {text('title_es', t('setup.title_es'), true)}
        {text('title_en', t('setup.title_en'), true)}
        {(['description_es', 'description_en'] as const).map((key) => field(key, t(`setup.${key}`), (described) => (
          <textarea rows={3} value={draft[key]} {...described} onInput={(event) => set({ [key]: (event.target as HTMLTextAreaElement).value })} />
        )))}
      </fieldset>

      <fieldset>
        <legend>{t('setup.place_and_time')}</legend>
        <div class="form-grid">
          {field('country', t('setup.country'), (described) => (
            <select value={draft.country} required {...described} onChange={(event) => chooseCountry((event.target as HTMLSelectElement).value)}>
              <option value="">{t('enrol.choose')}</option>
              {sorted.map((item) => <option key={item.code} value={item.code}>{item.name[language]} ({item.code})</option>)}
            </select>
          ), true)}
          {field('time_zone', t('setup.time_zone'), (described) => (
            <select value={draft.time_zone} required {...described} onChange={(event) => set({ time_zone: (event.target as HTMLSelectElement).value })}>
              {!country?.time_zones.includes(draft.time_zone) && <option value={draft.time_zone}>{draft.time_zone || t('enrol.choose')}</option>}
              {(country?.time_zones ?? []).map((zone) => <option key={zone} value={zone}>{zone.replace(/_/g, ' ')}</option>)}
            </select>
          ), true)}
          {field('locale', t('setup.locale'), (described) => (
            <select value={draft.locale} {...described} onChange={(event) => set({ locale: (event.target as HTMLSelectElement).value })}>
              {!country?.locales.includes(draft.locale) && <option value={draft.locale}>{draft.locale || t('enrol.choose')}</option>}
              {(country?.locales ?? []).map((locale) => <option key={locale} value={locale}>{localeLabel(locale, language)}</option>)}
            </select>
          ))}
          {text('start_date', t('setup.start_date'), false, 'date')}
          {text('end_date', t('setup.end_date'), false, 'date')}
        </div>
        <p class="muted">{t('setup.locale_hint')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('setup.organisations')}</legend>
        <h3 class="subhead">{t('setup.implementer')}</h3>
        {organisation('implementer', draft.implementer, (implementer) => set({ implementer }))}
        {draft.funders.map((funder, index) => (
          <div key={index} class="repeat-row">
            <h3 class="subhead">{t('setup.funder_n', { n: index + 1 })}</h3>
            {organisation(`funders[${index}]`, funder, (next) => set({ funders: draft.funders.map((f, i) => (i === index ? next : f)) }))}
            <Button variant="quiet" onClick={() => set({ funders: draft.funders.filter((_, i) => i !== index) })}>{t('setup.remove_funder', { n: index + 1 })}</Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => set({ funders: [...draft.funders, blankOrganisation()] })}>{t('setup.add_funder')}</Button>
      </fieldset>

      <fieldset>
        <legend>{t('setup.sdgs')}</legend>
        <div class="sdg-grid">
          {Array.from({ length: 17 }, (_, i) => i + 1).map((sdg) => (
            <label key={sdg} class="check">
              <input type="checkbox" checked={draft.sdgs.includes(sdg)}
                onChange={(event) => set({ sdgs: (event.target as HTMLInputElement).checked ? [...draft.sdgs, sdg] : draft.sdgs.filter((s) => s !== sdg) })} />
              {t('setup.sdg', { n: sdg })}
            </label>
          ))}
        </div>
        {Object.entries(errors).filter(([key]) => key.startsWith('sdgs')).map(([key, message]) => <p key={key} class="error">{message}</p>)}
      </fieldset>

      <fieldset>
        <legend>{t('setup.modules')}</legend>
        {errors.modules && <p class="error" id="modules-error">{errors.modules}</p>}
        <ol class="module-list">
          {draft.modules.map((module, index) => (
            <li key={module.id ?? `new-${index}`} class="repeat-row">
              <div class="form-grid">
                {field(`modules[${index}].title.es`, t('setup.module_es', { n: index + 1 }), (described) => (
                  <input value={module.es} required {...described} onInput={(event) => setModule(index, { es: (event.target as HTMLInputElement).value })} />
                ), true)}
                {field(`modules[${index}].title.en`, t('setup.module_en', { n: index + 1 }), (described) => (
                  <input value={module.en} required {...described} onInput={(event) => setModule(index, { en: (event.target as HTMLInputElement).value })} />
                ), true)}
                {field(`modules[${index}].hours`, t('setup.module_hours', { n: index + 1 }), (described) => (
                  <input type="number" step="any" inputMode="decimal" value={module.hours} {...described} onInput={(event) => setModule(index, { hours: (event.target as HTMLInputElement).value })} />
                ))}
                {field(`modules[${index}].pass_mark`, t('setup.module_pass_mark', { n: index + 1 }), (described) => (
                  <input type="number" step="any" inputMode="decimal" value={module.pass_mark} placeholder={t('setup.pass_mark_default')} {...described}
                    onInput={(event) => setModule(index, { pass_mark: (event.target as HTMLInputElement).value })} />
                ))}
              </div>
              <div class="row-actions">
                {index > 0 && <Button variant="quiet" onClick={() => moveModule(index)}>{t('setup.module_up', { n: index + 1 })}</Button>}
                <Button variant="quiet" onClick={() => set({ modules: draft.modules.filter((_, i) => i !== index) })}>{t('setup.module_remove', { n: index + 1 })}</Button>
              </div>
            </li>
          ))}
        </ol>
        <Button variant="secondary" onClick={() => set({ modules: [...draft.modules, blankModule()] })}>{t('setup.module_add')}</Button>
      </fieldset>
      {children}
      <div class="form-actions"><Button type="submit" disabled={busy}>{submitLabel}</Button></div>
    </form>
  );
}

// "es-CR" as "español (Costa Rica) — 1.234,5" so the choice shows what it changes.
function localeLabel(locale: string, language: string): string {
  const [lang, region] = locale.split('-');
  const names = new Intl.DisplayNames([language], { type: 'language' });
  const regions = new Intl.DisplayNames([language], { type: 'region' });
  let sample = '';
  try { sample = ` — ${new Intl.NumberFormat(locale, { minimumFractionDigits: 1 }).format(1234.5)}`; } catch { /* a locale the browser lacks */ }
  return `${names.of(lang) ?? lang} (${regions.of(region) ?? region})${sample}`;
}
