import { useState } from 'preact/hooks';
import { problemText, readAudit, type AuditPage as Page, type AuditQuery } from '../../api/client';
import { useTranslation } from '../../i18n';
import { localeOf } from '../../components/format';
import { useProgramme } from '../programme/programme_area';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { DataTable, type Column } from '../../components/data_table';
import { Button } from '../../components/button';
// The catalogue's keys name every action the trail can hold (the texts come through t()).
import catalogue from '../../i18n/es.json';

type Event = Page['items'][number];
const PER_PAGE = 100;

// What changed, read as "field: before → after", or the event's own facts; fields are named in
// the reader's language (the code when a field has no name), yes/no for true/false.
type Translate = (key: string, options?: Record<string, unknown>) => string;
function describe(details: Record<string, unknown>, t: Translate): string {
  const text = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'boolean' ? t(value ? 'audit.yes' : 'audit.no')
    : typeof value === 'object' ? JSON.stringify(value) : String(value));
  const name = (key: string) => t(`audit.fields.${key}`, { defaultValue: key });
  // Values that are codes the app already names: an enrolment's status, a role.
  const valueOf = (key: string, value: unknown) => (typeof value === 'string' && key === 'status' ? t(`programme.status.${value}`, { defaultValue: value })
    : typeof value === 'string' && key === 'role' ? t(`users.role.${value}`, { defaultValue: value }) : text(value));
  const before = (details.before ?? {}) as Record<string, unknown>;
  const after = (details.after ?? {}) as Record<string, unknown>;
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) lines.push(`${name(key)}: ${valueOf(key, before[key])} → ${valueOf(key, after[key])}`);
  for (const [key, value] of Object.entries(details)) {
    if (key === 'before' || key === 'after') continue;
    if (key === 'changes' && Array.isArray(value))
      for (const change of value as { enrollment_id: number; before: unknown; after: unknown }[]) lines.push(`#${change.enrollment_id}: ${text(change.before)} → ${text(change.after)}`);
    else lines.push(`${name(key)}: ${valueOf(key, value)}`);
  }
  return lines.join('\n');
}

// The programme's audit trail for its coordinators: who did what, to whom and when, newest first,
// filtered by person, actor, action and dates. It is read only: nobody edits the trail.
export function AuditPage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const actionName = (action: string) => t(`audit.actions.${action.replace(/\./g, '__')}`, { defaultValue: action });
  const [form, setForm] = useState<AuditQuery>({});
  const [query, setQuery] = useState<AuditQuery>({ page: 1, per_page: PER_PAGE });
  const events = useResource(() => readAudit(programme, query), [programme, JSON.stringify(query)]);
  const field = (name: keyof AuditQuery, label: string, type = 'text') => (
    <label>{label}<input type={type} value={(form[name] as string) ?? ''} onInput={(event) => setForm({ ...form, [name]: (event.target as HTMLInputElement).value })} /></label>
  );
  // Times in the programme's own zone, named in the column's header.
  const timeZone = useProgramme()?.time_zone ?? 'UTC';
  const when = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short', timeStyle: 'medium', timeZone });
  const columns: Column<Event>[] = [
    { key: 'at', header: t('audit.at', { zone: timeZone }), value: (event) => event.at, render: (event) => when.format(new Date(event.at)), rowHeader: true },
    { key: 'actor', header: t('audit.actor'), value: (event) => event.actor ?? t('audit.system') },
    { key: 'action', header: t('audit.action'), value: (event) => actionName(event.action),
      render: (event) => <>{actionName(event.action)}<div class="muted"><code>{event.action}</code></div></> },
    { key: 'entity', header: t('audit.entity'), value: (event) => `${t(`audit.entities.${event.entity}`, { defaultValue: event.entity })}${event.entity_id ? ` #${event.entity_id}` : ''}` },
    { key: 'details', header: t('audit.details'), value: (event) => describe(event.details as Record<string, unknown>, t), render: (event) => <pre class="audit-details">{describe(event.details as Record<string, unknown>, t)}</pre>, sortable: false },
    { key: 'request', header: t('audit.request'), value: (event) => event.request_id, render: (event) => <code>{event.request_id}</code>, sortable: false },
  ];
  const page = query.page ?? 1;
  // The actions the trail can hold, by their names in the reader's language (the filter matches
  // the code's beginning, so "grade" finds every grade event).
  const knownActions = Object.keys(catalogue.audit.actions).map((key) => key.replace(/__/g, '.'));

  return (
    <article>
      <h1>{t('audit.title')}</h1>
      <p class="muted">{t('audit.intro')}</p>
      <form class="filters" onSubmit={(event) => { event.preventDefault(); setQuery({ ...form, page: 1, per_page: PER_PAGE }); }}>
        {field('person', t('audit.person'))}
        {field('actor', t('audit.actor_filter'))}
        <label>{t('audit.action_filter')}
          <input list="audit-actions" value={form.action ?? ''} title={t('audit.action_hint')}
            onInput={(event) => setForm({ ...form, action: (event.target as HTMLInputElement).value })} />
          <datalist id="audit-actions">
            {knownActions.map((action) => <option key={action} value={action} label={actionName(action)} />)}
          </datalist>
        </label>
        {field('since', t('audit.since'), 'date')}
        {field('until', t('audit.until'), 'date')}
        <Button type="submit">{t('audit.filter')}</Button>
      </form>
      {events.status === 'error' && events.data !== undefined && <p role="alert" class="error">{problemText(events.error, t('error.generic'))}</p>}
      <Loaded resource={events}>
        {(found) => (
          <>
            <p role="status">{t('audit.count', { count: found.total })}</p>
            <DataTable caption={t('audit.caption')} columns={columns} rows={found.items} rowKey={(event) => event.id} pageSize={PER_PAGE} empty={t('audit.empty')} />
            <div class="actions">
              <Button variant="secondary" type="button" disabled={page <= 1} onClick={() => setQuery({ ...query, page: page - 1 })}>{t('audit.newer')}</Button>
              <Button variant="secondary" type="button" disabled={page * PER_PAGE >= found.total} onClick={() => setQuery({ ...query, page: page + 1 })}>{t('audit.older')}</Button>
            </div>
          </>
        )}
      </Loaded>
    </article>
  );
}
