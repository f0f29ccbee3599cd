import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { useTranslation } from '../i18n';
import { Button } from './button';

// A confirmation before anything destructive, naming what will change. Built on <dialog>: a
// modal that traps focus, closes with Escape (as Cancel), and gives focus back afterwards.
export type Confirmation = { title: string; body?: ComponentChildren; confirm: string; danger?: boolean };
type Ask = (confirmation: Confirmation) => Promise<boolean>;

const ConfirmContext = createContext<Ask>(async () => false);
export const useConfirm = () => useContext(ConfirmContext);

export function ConfirmProvider({ children }: { children: ComponentChildren }) {
  const [open, setOpen] = useState<(Confirmation & { answer: (yes: boolean) => void }) | null>(null);
  const ask = useCallback<Ask>((confirmation) => new Promise<boolean>((resolve) => setOpen({ ...confirmation, answer: resolve })), []);
  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      {open && <ConfirmDialog {...open} onClose={(yes) => { open.answer(yes); setOpen(null); }} />}
    </ConfirmContext.Provider>
  );
}

export function ConfirmDialog({ title, body, confirm, danger, onClose }: Confirmation & { onClose: (yes: boolean) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    const dialog = ref.current!;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => (opener.current as HTMLElement | null)?.focus?.();
  }, []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="dialog-title" onCancel={(event) => { event.preventDefault(); onClose(false); }}>
      <h2 id="dialog-title">{title}</h2>
      {body && <div class="dialog-body">{body}</div>}
      <div class="dialog-actions">
        <Button variant="secondary" onClick={() => onClose(false)}>{t('app.cancel')}</Button>
        <Button variant={danger ? 'danger' : 'primary'} onClick={() => onClose(true)}>{confirm}</Button>
      </div>
    </dialog>
  );
}
