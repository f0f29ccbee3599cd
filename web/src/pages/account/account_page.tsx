import { useState } from 'preact/hooks';
import { ApiError, changeMyPassword, endMyOtherSessions, getConsent, listProgrammes, myCorrectionRequests, requestCorrection, withdrawConsent, type User } from '../../api/client';
import { useConfirm } from '../../components/dialog';
import { useResource } from '../../components/use_resource';
import { formatDate } from '../../components/format';
import { useTranslation } from '../../i18n';
import { useFailureToast, useToast } from '../../components/toast';
import { Button } from '../../components/button';

// One's own account: change the password (the current one is asked; other sessions end) and
// sign out everywhere else.
export function AccountPage({ user }: { user: User }) {
  const { t, language } = useTranslation();
  const toast = useToast();
  const failed = useFailureToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const confirm = useConfirm();
  const consent = useResource(() => getConsent(), []);
  const corrections = useResource(() => myCorrectionRequests(), []);
  // The programmes where this user is enrolled: where they may ask for a correction.
  const enrolled = [...new Set(user.grants.filter((grant) => grant.programme_id && (grant.role === 'participant' || grant.role === 'group_leader'))
    .map((grant) => grant.programme_id as number))];
  const programmes = useResource(() => (enrolled.length > 1 ? listProgrammes({ per_page: 200 }) : Promise.resolve({ items: [] as { id: number; title: { es: string; en: string } }[] })), []);
  const [correction, setCorrection] = useState({ programme: '', text: '' });
  const [correctionError, setCorrectionError] = useState('');
  const sendCorrection = async (event: Event) => {
    event.preventDefault();
    setCorrectionError('');
    try {
      await requestCorrection(Number(correction.programme || enrolled[0]), correction.text);
      setCorrection({ programme: '', text: '' });
      toast.success(t('correction.sent'));
      corrections.retry();
    } catch (error) {
      if (error instanceof ApiError && error.problem?.errors.length) setCorrectionError(error.problem.errors[0].message);
      else failed(error);
    }
  };
  const withdraw = async () => {
    if (!(await confirm({ title: t('consent.withdraw_confirm'), body: t('consent.withdraw_hint'), confirm: t('consent.withdraw'), danger: true }))) return;
    try {
      await withdrawConsent();
      // The notice is asked for again before anything else.
      location.assign('/');
    } catch (error) { failed(error); }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (next !== repeat) return setErrors({ repeat: t('account.mismatch') });
    setErrors({});
    try {
      await changeMyPassword(current, next);
      setCurrent(''); setNext(''); setRepeat('');
      toast.success(t('account.changed'));
    } catch (error) {
      if (error instanceof ApiError && error.problem?.errors.length) {
        setErrors(Object.fromEntries(error.problem.errors.map((detail) => [detail.field, detail.message])));
      } else failed(error);
    }
  };
  // The label names the field alone; the rule and any error follow it, tied by aria-describedby.
  const field = (name: string, label: string, value: string, set: (value: string) => void, autocomplete: string, hint?: string) => (
    <div class="field">
      <label for={`account-${name}`}>{label}</label>
      <input id={`account-${name}`} type="password" autocomplete={autocomplete} value={value} required aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `${name}-error` : hint ? `${name}-hint` : undefined} onInput={(event) => set((event.target as HTMLInputElement).value)} />
      {hint && !errors[name] && <p id={`${name}-hint`} class="muted">{hint}</p>}
      {errors[name] && <p id={`${name}-error`} class="field-error">{errors[name]}</p>}
    </div>
  );

  return (
    <article>
      <p><a href="/">{t('programme.back')}</a></p>
      <h1>{t('account.title')}</h1>
      <p class="muted">{user.display_name} · {user.email}</p>
      <form class="card" onSubmit={save} noValidate>
        <h2>{t('account.password_title')}</h2>
        {field('current_password', t('account.current'), current, setCurrent, 'current-password')}
        {field('new_password', t('account.new'), next, setNext, 'new-password', t('account.rule'))}
        {field('repeat', t('account.repeat'), repeat, setRepeat, 'new-password')}
        <Button type="submit">{t('account.change')}</Button>
      </form>
      <section class="card">
        <h2>{t('account.data_title')}</h2>
        <p>{t('account.data_hint')}</p>
        <a class="button secondary" href="/api/v1/me/data" download>{t('account.data_download')}</a>
      </section>
      {enrolled.length > 0 && (
        <section class="card">
          <h2>{t('correction.title')}</h2>
          <p>{t('correction.hint')}</p>
          <form onSubmit={sendCorrection} noValidate>
            {enrolled.length > 1 && (
              <label>{t('correction.programme')}
                <select value={correction.programme} onChange={(event) => setCorrection({ ...correction, programme: (event.target as HTMLSelectElement).value })}>
                  {enrolled.map((id) => <option key={id} value={id}>{programmes.data?.items.find((item) => item.id === id)?.title[language === 'en' ? 'en' : 'es'] ?? `#${id}`}</option>)}
                </select>
              </label>
            )}
            <label for="correction-text">{t('correction.what')}</label>
            <textarea id="correction-text" maxLength={2000} value={correction.text} aria-invalid={correctionError ? 'true' : undefined}
              aria-describedby={correctionError ? 'correction-error' : undefined}
              onInput={(event) => setCorrection({ ...correction, text: (event.target as HTMLTextAreaElement).value })} />
            {correctionError && <p id="correction-error" class="field-error">{correctionError}</p>}
            <Button type="submit" variant="secondary">{t('correction.send')}</Button>
          </form>
          {(corrections.data?.items.length ?? 0) > 0 && (
            <ul class="corrections">
              {corrections.data!.items.map((item) => (
                <li key={item.id}>
                  <p><strong>{formatDate(item.created_at.slice(0, 10), language)}</strong> · {item.request}</p>
                  <p class="muted">{item.resolved_at
                    ? t('correction.resolved', { date: formatDate(item.resolved_at.slice(0, 10), language), note: item.resolution })
                    : t('correction.open')}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section class="card">
        <h2>{t('consent.title')}</h2>
        {consent.data?.accepted_version ? (
          <>
            <p>{t('consent.accepted', { version: consent.data.accepted_version, date: formatDate(consent.data.accepted_at!.slice(0, 10), language) })}</p>
            <Button type="button" variant="secondary" onClick={withdraw}>{t('consent.withdraw')}</Button>
          </>
        ) : <p class="muted">{t('consent.none')}</p>}
      </section>
      <section class="card">
        <h2>{t('account.sessions_title')}</h2>
        <p>{t('account.sessions_hint')}</p>
        <Button type="button" variant="secondary" onClick={async () => {
          try { const { sessions_ended } = await endMyOtherSessions(); toast.success(t('account.sessions_done', { count: sessions_ended })); } catch (error) { failed(error); }
        }}>{t('account.end_sessions')}</Button>
      </section>
    </article>
  );
}
