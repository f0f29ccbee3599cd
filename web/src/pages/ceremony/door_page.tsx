import { useEffect, useMemo, useState } from 'preact/hooks';
import { checkInGuest, getCeremony, problemText, type Guest, type GuestCounts, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Button } from '../../components/button';
import { Skeleton } from '../../components/skeleton';
import { EmptyState } from '../../components/empty_state';
import { fold } from '../../components/fold';
import { localeOf } from '../../components/format';


const POLL_MS = 5000;

// The door of the ceremony, on a phone: find a guest by name (accents ignored), one tap marks the
// arrival, and the count of arrivals follows every door's taps (the list is read again every few
// seconds, so two doors agree without a reload).
export function DoorPage({ programme }: { programme: number; user: User }) {
  const { t, language } = useTranslation();
  const [guests, setGuests] = useState<Guest[] | null>(null);
  const [counts, setCounts] = useState<GuestCounts | null>(null);
  const [timeZone, setTimeZone] = useState('UTC');
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    const load = () => getCeremony(programme).then((view) => {
      if (!live) return;
      setGuests(view.guests);
      setCounts(view.counts);
      setTimeZone(view.time_zone);
    }, (error) => live && setMessage(problemText(error, t('error.generic'))));
    load();
    const timer = window.setInterval(load, POLL_MS);
    return () => { live = false; window.clearInterval(timer); };
  }, [programme]);

  const shown = useMemo(() => {
    const wanted = fold(query.trim());
    return (guests ?? []).filter((guest) => !wanted || fold(`${guest.name} ${guest.institution}`).includes(wanted));
  }, [guests, query]);
  // Two guests of the same name are told apart by their institution, shown with the name.
  const namesakes = useMemo(() => {
    const seen = new Map<string, number>();
    for (const guest of guests ?? []) seen.set(fold(guest.name), (seen.get(fold(guest.name)) ?? 0) + 1);
    return seen;
  }, [guests]);

  const mark = async (guest: Guest, arrived: boolean) => {
    setBusy(guest.id);
    setMessage('');
    try {
      const updated = await checkInGuest(programme, guest.id, arrived);
      setCounts(updated);
      setGuests((list) => (list ?? []).map((item) => (item.id === guest.id ? { ...item, checked_in_at: arrived ? new Date().toISOString() : null } : item)));
    } catch (error) {
      setMessage(problemText(error, t('error.generic')));
    } finally {
      setBusy(null);
    }
  };
  const clock = (iso: string) => new Intl.DateTimeFormat(localeOf(language), { timeStyle: 'short', timeZone }).format(new Date(iso));

  return (
    <article class="door">
      <h1>{t('door.title')}</h1>
      {counts && (
        <p class="door-count" role="status" aria-live="polite">
          <strong>{counts.checked_in}</strong> {t('door.of_guests', { count: counts.guests })}
        </p>
      )}
      <label class="door-search">
        {t('door.search')}
        <input type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} autocomplete="off" placeholder={t('door.search_hint')} />
      </label>
      {message && <p role="alert" class="field-error">{message}</p>}
      {!guests ? <Skeleton lines={6} /> : shown.length === 0 ? <EmptyState title={guests.length ? t('door.no_match') : t('door.no_guests')} /> : (
        <ul class="door-list">
          {shown.map((guest) => {
            const arrived = Boolean(guest.checked_in_at);
            const label = (namesakes.get(fold(guest.name)) ?? 0) > 1 && guest.institution ? `${guest.name} (${guest.institution})` : guest.name;
            return (
              <li key={guest.id} class={arrived ? 'arrived' : undefined}>
                <div class="door-guest">
                  <span class="door-name">{label}</span>
                  <span class="muted">{[guest.title[language], guest.institution].filter(Boolean).join(' · ')}</span>
                </div>
                {arrived ? (
                  <div class="door-done">
                    <span>✓ {t('door.arrived_at', { time: clock(guest.checked_in_at!) })}</span>
                    <Button variant="quiet" disabled={busy === guest.id} onClick={() => mark(guest, false)} aria-label={t('door.undo_for', { name: label })}>{t('door.undo')}</Button>
                  </div>
                ) : (
                  <Button disabled={busy === guest.id} onClick={() => mark(guest, true)} aria-label={t('door.arrive_for', { name: label })}>{t('door.arrive')}</Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </article>
  );
}
