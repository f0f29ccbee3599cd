import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useMemo, useRef, useState } from 'preact/hooks';
import { useTranslation } from '../i18n';
import { problemText } from '../api/client';

// Saves and failures are said where the eye is: at the bottom of the screen, whatever is
// scrolled, and to screen readers through live regions (polite for saves, assertive for
// failures). A save note leaves by itself after a few seconds; a failure stays until closed.
type Kind = 'success' | 'error';
type Note = { id: number; kind: Kind; text: string };
type Toaster = { success: (text: string) => void; error: (text: string) => void };

const ToastContext = createContext<Toaster>({ success: () => {}, error: () => {} });
export const useToast = () => useContext(ToastContext);

export function ToastProvider({ children, lifetime = 6000 }: { children: ComponentChildren; lifetime?: number }) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState<Note[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setNotes((current) => current.filter((note) => note.id !== id)), []);
  const push = useCallback((kind: Kind, text: string) => {
    const id = next.current++;
    // One note of a kind at a time: a newer save replaces the older one.
    setNotes((current) => [...current.filter((note) => note.kind !== kind), { id, kind, text }]);
    if (kind === 'success') setTimeout(() => dismiss(id), lifetime);
  }, [dismiss, lifetime]);
  const toaster = useMemo(() => ({ success: (text: string) => push('success', text), error: (text: string) => push('error', text) }), [push]);
  const region = (kind: Kind) => (
    <div class={`toasts toasts-${kind}`} role={kind === 'error' ? 'alert' : 'status'} aria-live={kind === 'error' ? 'assertive' : 'polite'}>
      {notes.filter((note) => note.kind === kind).map((note) => (
        <div key={note.id} class={`toast toast-${kind}`}>
          <span>{note.text}</span>
          <button type="button" class="toast-close" aria-label={t('app.close')} onClick={() => dismiss(note.id)}>×</button>
        </div>
      ))}
    </div>
  );
  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div class="toast-dock">{region('error')}{region('success')}</div>
    </ToastContext.Provider>
  );
}

// What a page does with a load or save that failed: say so, in the user's language, where the
// eye is. Nothing is swallowed.
export function useFailureToast() {
  const toast = useToast();
  const { t } = useTranslation();
  return useCallback((error: unknown) => toast.error(problemText(error, t('error.generic'))), [toast, t]);
}
