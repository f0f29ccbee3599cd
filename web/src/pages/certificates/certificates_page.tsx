import { useState } from 'preact/hooks';
import {
  addCertificateLogo, certificateCredentialUrl, certificatePdfUrl, certificatesArchiveUrl, coordinates, deleteCertificateLogo, getCertificateSettings, issueCertificates,
  listCertificates, problemText, revokeCertificate, updateCertificateSettings, type Certificate, type CertificateSettings, type Signatory, type User,
} from '../../api/client';
import { useTranslation } from '../../i18n';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { Button, LinkButton } from '../../components/button';
import { useConfirm } from '../../components/dialog';
import { useToast } from '../../components/toast';
import { DataTable, type Column } from '../../components/data_table';
import { EmptyState } from '../../components/empty_state';
import { formatDate } from '../../components/format';

// Certificates (issue 13). The coordinator sets who signs and the logos, issues what is due,
// downloads them all or one, and revokes with a reason; a participant downloads their own.
export function CertificatesPage({ programme, user }: { programme: number; user: User }) {
  const { t } = useTranslation();
  const manage = coordinates(user, programme);
  const list = useResource(() => listCertificates(programme), [programme]);
  return (
    <article class="wide">
      <h1>{manage ? t('certificates.title') : t('certificates.mine')}</h1>
      {manage && <SettingsPanel programme={programme} />}
      {manage && <IssuePanel programme={programme} onIssued={list.retry} />}
      <Loaded resource={list}>
        {(loaded) => <CertificateList programme={programme} items={loaded.items} manage={manage} onChanged={list.retry} />}
      </Loaded>
    </article>
  );
}

function SettingsPanel({ programme }: { programme: number }) {
  const { t } = useTranslation();
  const toast = useToast();
  const settings = useResource(() => getCertificateSettings(programme), [programme]);
  return (
    <section class="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('certificates.settings')}</h2>
      <Loaded resource={settings}>
        {(loaded) => <SettingsForm programme={programme} initial={loaded} onSaved={(next) => { settings.set(next); }} toastError={(error) => toast.error(problemText(error, t('error.generic')))} />}
      </Loaded>
    </section>
  );
}

function SettingsForm({ programme, initial, onSaved, toastError }:
  { programme: number; initial: CertificateSettings; onSaved: (next: CertificateSettings) => void; toastError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [layout, setLayout] = useState(initial.layout);
  const [signatories, setSignatories] = useState<Signatory[]>(initial.signatories.length ? initial.signatories : [{ name: '', title: { es: '', en: '' } }]);
  const edit = (index: number, change: Partial<Signatory> & { es?: string; en?: string }) =>
    setSignatories(signatories.map((signatory, i) => (i !== index ? signatory : {
      name: change.name ?? signatory.name, title: { es: change.es ?? signatory.title.es, en: change.en ?? signatory.title.en },
    })));
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const kept = signatories.filter((s) => s.name.trim() || s.title.es.trim() || s.title.en.trim());
      onSaved(await updateCertificateSettings(programme, layout, kept));
      toast.success(t('certificates.saved'));
    } catch (error) {
      toastError(error);
    }
  };
  const upload = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      onSaved(await addCertificateLogo(programme, file));
      toast.success(t('certificates.logo_added', { name: file.name }));
    } catch (error) {
      toastError(error);
    } finally {
      input.value = '';
    }
  };
  return (
    <form onSubmit={save} class="certificate-settings">
      <fieldset>
        <legend>{t('certificates.layout')}</legend>
        {(['bilingual', 'per_language'] as const).map((value) => (
          <label key={value} class="check"><input type="radio" name="layout" checked={layout === value} onChange={() => setLayout(value)} /> {t(`certificates.layout_${value}`)}</label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('certificates.signatories')}</legend>
        <p class="muted">{t('certificates.signatories_help')}</p>
        {signatories.map((signatory, index) => (
          <div class="signatory" key={index} role="group" aria-label={t('certificates.signatory_n', { n: index + 1 })}>
            <label>{t('certificates.signatory_name', { n: index + 1 })}<input value={signatory.name} maxLength={200} onInput={(e) => edit(index, { name: (e.target as HTMLInputElement).value })} /></label>
            <label>{t('certificates.signatory_title_es', { n: index + 1 })}<input value={signatory.title.es} onInput={(e) => edit(index, { es: (e.target as HTMLInputElement).value })} /></label>
            <label>{t('certificates.signatory_title_en', { n: index + 1 })}<input value={signatory.title.en} onInput={(e) => edit(index, { en: (e.target as HTMLInputElement).value })} /></label>
            <Button variant="quiet" onClick={() => setSignatories(signatories.filter((_, i) => i !== index))}>{t('certificates.remove_signatory', { n: index + 1 })}</Button>
          </div>
        ))}
        {signatories.length < 4 && <Button variant="secondary" onClick={() => setSignatories([...signatories, { name: '', title: { es: '', en: '' } }])}>{t('certificates.add_signatory')}</Button>}
      </fieldset>
      <p class="button-row"><Button type="submit">{t('certificates.save')}</Button></p>
      <fieldset>
        <legend>{t('certificates.logos')}</legend>
        <p class="muted">{t('certificates.logos_help')}</p>
        <ul class="logos">
          {initial.logos.map((logo) => (
            <li key={logo.position}>
              {t('certificates.logo_item', { n: logo.position, type: logo.media_type === 'image/png' ? 'PNG' : 'SVG', size: Math.ceil(logo.bytes / 1024) })}
              {' '}<Button variant="quiet" onClick={async () => { try { onSaved(await deleteCertificateLogo(programme, logo.position)); } catch (error) { toastError(error); } }}>
                {t('certificates.remove_logo', { n: logo.position })}
              </Button>
            </li>
          ))}
        </ul>
        {initial.logos.length < 3 && <label>{t('certificates.add_logo')}<input type="file" accept="image/png,image/svg+xml" onChange={upload} /></label>}
      </fieldset>
    </form>
  );
}

function IssuePanel({ programme, onIssued }: { programme: number; onIssued: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const issue = async () => {
    setBusy(true);
    try {
      const outcome = await issueCertificates(programme);
      toast.success(t('certificates.issued', { issued: outcome.issued, reissued: outcome.reissued, unchanged: outcome.unchanged }));
      onIssued();
    } catch (error) {
      toast.error(problemText(error, t('error.generic')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="issue-heading">
      <h2 id="issue-heading">{t('certificates.issue_heading')}</h2>
      <p>{t('certificates.issue_help')}</p>
      <p class="button-row">
        <Button onClick={issue} disabled={busy}>{t('certificates.issue')}</Button>
        <LinkButton variant="secondary" href={certificatesArchiveUrl(programme)} download>{t('certificates.download_all')}</LinkButton>
      </p>
    </section>
  );
}

function CertificateList({ programme, items, manage, onChanged }: { programme: number; items: Certificate[]; manage: boolean; onChanged: () => void }) {
  const { t, language } = useTranslation();
  const confirm = useConfirm();
  const toast = useToast();
  const revoke = async (certificate: Certificate) => {
    const form = { reason: '' };
    const sure = await confirm({
      title: t('certificates.revoke_title', { serial: certificate.serial, name: certificate.holder_name }),
      body: <><p>{t('certificates.revoke_body')}</p>
        <label>{t('certificates.reason')}<textarea maxLength={1000} onInput={(e) => { form.reason = (e.target as HTMLTextAreaElement).value; }} /></label></>,
      confirm: t('certificates.revoke'), danger: true,
    });
    if (!sure) return;
    try {
      await revokeCertificate(programme, certificate.serial, form.reason);
      toast.success(t('certificates.revoked', { serial: certificate.serial }));
      onChanged();
    } catch (error) {
      toast.error(problemText(error, t('error.generic')));
    }
  };
  const columns: Column<Certificate>[] = [
    { key: 'serial', header: t('certificates.serial'), rowHeader: true, sortable: true, value: (c) => c.serial, render: (c) => <code>{c.serial}</code> },
    { key: 'holder', header: t('certificates.holder'), sortable: true, value: (c) => c.holder_name },
    { key: 'kind', header: t('certificates.kind'), sortable: true, value: (c) => t(`verify.kinds.${c.kind}`) },
    { key: 'version', header: t('certificates.version'), numeric: true, value: (c) => c.version },
    { key: 'state', header: t('certificates.state'), sortable: true, value: (c) => t(`verify.state.${c.state}`),
      render: (c) => <span class={`badge badge-${c.state === 'valid' ? 'graduated' : c.state === 'revoked' ? 'lose' : 'withdrawn'}`}>{t(`verify.state.${c.state}`)}{c.revoked_at ? ` · ${formatDate(c.revoked_at.slice(0, 10), language)}` : ''}</span> },
    { key: 'actions', header: t('certificates.actions'), value: () => '', render: (c) => (
      <p class="button-row">
        {c.state !== 'superseded' && <a href={certificatePdfUrl(programme, c.serial)} download aria-label={t('certificates.download', { serial: c.serial })}>{t('certificates.pdf')}</a>}
        {c.state !== 'superseded' && <a href={certificateCredentialUrl(programme, c.serial)} download aria-label={t('certificates.download_credential', { serial: c.serial })}>{t('certificates.credential')}</a>}
        <a href={`/verify/${c.serial}`} aria-label={t('certificates.check_named', { serial: c.serial })}>{t('certificates.check')}</a>
        {manage && c.state === 'valid' && <Button variant="quiet" onClick={() => revoke(c)} aria-label={t('certificates.revoke_named', { serial: c.serial })}>{t('certificates.revoke')}</Button>}
      </p>
    ) },
  ];
  return (
    <DataTable class="certificates" caption={t('certificates.caption')} columns={columns} rows={items} rowKey={(c) => `${c.serial}-${c.version}`} pageSize={100}
      empty={<EmptyState title={manage ? t('certificates.empty') : t('certificates.none_yet')} />} />
  );
}
