import { useState } from 'preact/hooks';
import {
  addGuest, getCeremony, problemText, protocolPdfUrl, removeGuest, saveCeremony, updateGuest,
  type CeremonyInput, type CeremonyView, type Guest, type GuestInput, type User,
} from '../../api/client';
import { useTranslation } from '../../i18n';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { Skeleton } from '../../components/skeleton';
import { Button, LinkButton } from '../../components/button';
import { EmptyState } from '../../components/empty_state';
import { Stat, Stats } from '../../components/stat';
import { useConfirm } from '../../components/dialog';
import { formatDate } from '../../components/format';

type Rsvp = Guest['rsvp'];
const emptyGuest = (precedence: number) => ({ name: '', es: '', en: '', institution: '', precedence: String(precedence), authority: true });

// The closing ceremony (issue 14): when and where (the programme's clock), its run of show, its
// guests in protocol order with their answers and arrivals, and the graduates and recognitions,
// listed from the data. The protocol list prints on its own (styles.css, @media print).
export function CeremonyPage({ programme }: { programme: number; user: User }) {
  const { t } = useTranslation();
  const view = useResource(() => getCeremony(programme), [programme]);
  return (
    <article class="wide ceremony">
      <h1>{t('ceremony.title')}</h1>
      <Loaded resource={view} skeleton={<Skeleton lines={10} />}>
        {(loaded) => <CeremonyView programme={programme} view={loaded} reload={view.retry} />}
      </Loaded>
    </article>
  );
}

function CeremonyView({ programme, view, reload }: { programme: number; view: CeremonyView; reload: () => void }) {
  const { t, language } = useTranslation();
  const confirm = useConfirm();
  const [details, setDetails] = useState<CeremonyInput>({ starts_at: view.ceremony.starts_at ?? '', venue: view.ceremony.venue, run_of_show: view.ceremony.run_of_show });
  const [form, setForm] = useState(emptyGuest(view.guests.length + 1));
  const [message, setMessage] = useState('');
  const [saved, setSaved] = useState('');
  const items = details.run_of_show ?? [];
  const setItems = (next: typeof items) => setDetails({ ...details, run_of_show: next });

  const act = async (work: () => Promise<unknown>, done: string) => {
    setMessage('');
    setSaved('');
    try {
      await work();
      setSaved(done);
      reload();
    } catch (error) {
      setMessage(problemText(error, t('error.generic')));
    }
  };
  const saveDetails = (event: Event) => {
    event.preventDefault();
    act(() => saveCeremony(programme, details, view.ceremony.version), t('ceremony.saved'));
  };
  const add = (event: Event) => {
    event.preventDefault();
    const guest: GuestInput = { name: form.name.trim(), title: { es: form.es, en: form.en }, institution: form.institution.trim(), precedence: Number(form.precedence), authority: form.authority };
    act(async () => { await addGuest(programme, guest); setForm(emptyGuest(view.guests.length + 2)); }, t('ceremony.guest_added', { name: guest.name }));
  };
  const input = (guest: Guest, rsvp: Rsvp): GuestInput => ({ name: guest.name, title: guest.title, institution: guest.institution, precedence: guest.precedence, authority: guest.authority, rsvp });
  const remove = async (guest: Guest) => {
    if (await confirm({ title: t('ceremony.remove_title', { name: guest.name }), body: <p>{t('ceremony.remove_body')}</p>, confirm: t('ceremony.remove'), danger: true }))
      act(() => removeGuest(programme, guest.id), t('ceremony.guest_removed', { name: guest.name }));
  };

  return <>
    {message && <p role="alert" class="field-error">{message}</p>}
    {saved && <p role="status" class="signal signal-good">{saved}</p>}
    <section class="no-print" aria-labelledby="ceremony-details">
      <h2 id="ceremony-details">{t('ceremony.details')}</h2>
      <form class="stack" onSubmit={saveDetails}>
        <label>{t('ceremony.starts_at', { zone: view.time_zone })}
          <input type="datetime-local" value={details.starts_at ?? ''} onInput={(event) => setDetails({ ...details, starts_at: event.currentTarget.value })} />
        </label>
        <label>{t('ceremony.venue')}
          <input value={details.venue ?? ''} maxLength={300} onInput={(event) => setDetails({ ...details, venue: event.currentTarget.value })} />
        </label>
        <fieldset>
          <legend>{t('ceremony.run_of_show')}</legend>
          {items.map((item, index) => (
            <div class="run-item" key={index}>
              <label>{t('ceremony.item_time')}<input type="time" value={item.at} onInput={(event) => setItems(items.map((x, i) => (i === index ? { ...x, at: event.currentTarget.value } : x)))} /></label>
              <label>{t('ceremony.item_es')}<input value={item.title.es} onInput={(event) => setItems(items.map((x, i) => (i === index ? { ...x, title: { ...x.title, es: event.currentTarget.value } } : x)))} /></label>
              <label>{t('ceremony.item_en')}<input value={item.title.en} onInput={(event) => setItems(items.map((x, i) => (i === index ? { ...x, title: { ...x.title, en: event.currentTarget.value } } : x)))} /></label>
              <Button variant="quiet" onClick={() => setItems(items.filter((_, i) => i !== index))}>{t('ceremony.item_remove')}</Button>
            </div>
          ))}
          <Button variant="secondary" onClick={() => setItems([...items, { at: '', title: { es: '', en: '' } }])}>{t('ceremony.item_add')}</Button>
        </fieldset>
        <div class="button-row"><Button type="submit">{t('ceremony.save')}</Button></div>
      </form>
    </section>

    <section aria-labelledby="ceremony-guests">
      <h2 id="ceremony-guests">{t('ceremony.protocol')}</h2>
      {view.ceremony.starts_at && (
        <p class="print-only">{formatDate(view.ceremony.starts_at.slice(0, 10), language)}, {view.ceremony.starts_at.slice(11)} ({view.time_zone}) · {view.ceremony.venue}</p>
      )}
      <Stats label={t('ceremony.guest_counts')}>
        <Stat label={t('ceremony.guests')} value={view.counts.guests} />
        <Stat label={t('ceremony.accepted')} value={view.counts.accepted} />
        <Stat label={t('ceremony.pending')} value={view.counts.pending} />
        <Stat label={t('ceremony.checked_in')} value={view.counts.checked_in} />
      </Stats>
      <div class="button-row no-print">
        <LinkButton href={`/programmes/${programme}/ceremony/door`}>{t('ceremony.open_door')}</LinkButton>
        <Button variant="secondary" onClick={() => window.print()}>{t('ceremony.print')}</Button>
        <LinkButton variant="secondary" download href={protocolPdfUrl(programme, language)}>{t('ceremony.protocol_pdf')}</LinkButton>
      </div>
      {view.guests.length === 0 ? <EmptyState title={t('ceremony.no_guests')} /> : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('ceremony.protocol_caption')}>
          <table class="count-table protocol">
            <caption>{t('ceremony.protocol_caption')}</caption>
            <thead><tr>
              <th scope="col" class="numeric"><abbr title={t('ceremony.precedence')}>{t('ceremony.precedence_short')}</abbr></th><th scope="col">{t('ceremony.name')}</th>
              <th scope="col">{t('ceremony.guest_title')}</th><th scope="col">{t('ceremony.institution')}</th>
              <th scope="col">{t('ceremony.rsvp')}</th><th scope="col">{t('ceremony.arrived')}</th><th scope="col" class="no-print"><span class="visually-hidden">{t('ceremony.actions')}</span></th>
            </tr></thead>
            <tbody>
              {view.guests.map((guest) => (
                <tr key={guest.id}>
                  <td class="numeric">{guest.precedence}</td>
                  <th scope="row">{guest.name}</th>
                  <td>{guest.title[language]}</td>
                  <td>{guest.institution}</td>
                  <td>
                    <select aria-label={t('ceremony.rsvp_for', { name: guest.name })} value={guest.rsvp}
                      onChange={(event) => act(() => updateGuest(programme, guest.id, input(guest, event.currentTarget.value as Rsvp), guest.version), t('ceremony.guest_saved', { name: guest.name }))}>
                      {(['pending', 'accepted', 'declined'] as const).map((value) => <option key={value} value={value}>{t(`ceremony.rsvp_${value}`)}</option>)}
                    </select>
                  </td>
                  <td>{guest.checked_in_at ? '✓' : ''}</td>
                  <td class="no-print"><Button variant="quiet" onClick={() => remove(guest)}>{t('ceremony.remove')}</Button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form class="guest-form no-print" onSubmit={add} aria-labelledby="guest-add">
        <h3 id="guest-add">{t('ceremony.add_guest')}</h3>
        <label>{t('ceremony.name')}<input required maxLength={200} value={form.name} onInput={(event) => setForm({ ...form, name: event.currentTarget.value })} /></label>
        <label>{t('ceremony.guest_title_es')}<input maxLength={300} value={form.es} onInput={(event) => setForm({ ...form, es: event.currentTarget.value })} /></label>
        <label>{t('ceremony.guest_title_en')}<input maxLength={300} value={form.en} onInput={(event) => setForm({ ...form, en: event.currentTarget.value })} /></label>
        <label>{t('ceremony.institution')}<input maxLength={300} value={form.institution} onInput={(event) => setForm({ ...form, institution: event.currentTarget.value })} /></label>
        <label>{t('ceremony.precedence')}<input type="number" min={1} max={999} required value={form.precedence} onInput={(event) => setForm({ ...form, precedence: event.currentTarget.value })} /></label>
        <label class="check"><input type="checkbox" checked={form.authority} onChange={(event) => setForm({ ...form, authority: event.currentTarget.checked })} />{t('ceremony.authority')}</label>
        <div class="button-row"><Button type="submit">{t('ceremony.add')}</Button></div>
      </form>
    </section>

    <section aria-labelledby="ceremony-recognitions">
      <h2 id="ceremony-recognitions">{t('ceremony.recognitions')}</h2>
      {view.best_team && <p>{t('ceremony.best_team', { team: view.best_team.name, region: view.best_team.region })}</p>}
      <ul>{view.group_leaders.map((leader) => <li key={leader.name}>{t('ceremony.leader', { name: leader.name, institution: leader.institution, place: leader.detail })}</li>)}</ul>
      <h2>{t('ceremony.graduates', { count: view.graduates.length })}</h2>
      {view.graduates.length === 0 ? <EmptyState title={t('ceremony.no_graduates')} />
        : <ol class="graduates">{view.graduates.map((person, index) => <li key={index}>{person.name} <span class="muted">· {person.institution}</span></li>)}</ol>}
    </section>
  </>;
}
