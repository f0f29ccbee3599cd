import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { ToastProvider, useToast } from './toast';
import { ConfirmProvider, useConfirm } from './dialog';
import { Button, LinkButton } from './button';
import { Stat } from './stat';
import { EmptyState } from './empty_state';
import { agreementBand } from './signals';
import { shortfallText } from './shortfalls';
import i18next from 'i18next';
import { loadLanguage } from '../i18n';

describe('Toast', () => {
  it('says a save politely and leaves by itself; a failure assertively until closed', async () => {
    vi.useFakeTimers();
    let toast!: ReturnType<typeof useToast>;
    function Trigger() { toast = useToast(); return null; }
    render(<ToastProvider lifetime={1000}><Trigger /></ToastProvider>);
    act(() => { toast.success('Guardada.'); toast.error('No se pudo guardar.'); });
    expect(screen.getByRole('status').textContent).toContain('Guardada.');
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('alert').textContent).toContain('No se pudo guardar.');
    expect(screen.getByRole('alert').getAttribute('aria-live')).toBe('assertive');
    act(() => { vi.advanceTimersByTime(1500); });
    expect(screen.getByRole('status').textContent).not.toContain('Guardada.');
    expect(screen.getByRole('alert').textContent).toContain('No se pudo guardar.');
    fireEvent.click(screen.getByRole('button', { name: 'Cerrar' }));
    expect(screen.getByRole('alert').textContent).toBe('');
    vi.useRealTimers();
  });
});

describe('ConfirmDialog', () => {
  it('names what will change and answers yes or no', async () => {
    let confirm!: ReturnType<typeof useConfirm>;
    function Trigger() { confirm = useConfirm(); return null; }
    render(<ConfirmProvider><Trigger /></ConfirmProvider>);
    let answer: Promise<boolean>;
    act(() => { answer = confirm({ title: '¿Retirar a Ana?', body: <p>Ana deja de estar activa.</p>, confirm: 'Retirar', danger: true }); });
    const dialog = screen.getByRole('dialog', { name: '¿Retirar a Ana?' });
    expect(dialog.textContent).toContain('Ana deja de estar activa.');
    expect(screen.getByRole('button', { name: 'Retirar' }).className).toContain('btn-danger');
    fireEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(await answer!).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => { answer = confirm({ title: '¿Aplicar?', confirm: 'Aplicar' }); });
    fireEvent.click(screen.getByRole('button', { name: 'Aplicar' }));
    expect(await answer!).toBe(true);
  });
});

describe('small components', () => {
  it('buttons carry their weight as a class and default to type="button"', () => {
    render(<><Button>Guardar</Button><Button variant="danger">Eliminar</Button><LinkButton variant="secondary" href="/x">Ir</LinkButton></>);
    expect(screen.getByRole('button', { name: 'Guardar' }).getAttribute('type')).toBe('button');
    expect(screen.getByRole('button', { name: 'Guardar' }).className).toBe('btn btn-primary');
    expect(screen.getByRole('button', { name: 'Eliminar' }).className).toBe('btn btn-danger');
    expect(screen.getByRole('link', { name: 'Ir' }).className).toBe('btn btn-secondary');
  });

  it('a figure has its label, value, note and tone', () => {
    const { container } = render(<dl><Stat label="Asistencia" value="91,7 %" note="se requiere 80 %" tone="warn" /></dl>);
    expect(container.querySelector('dt')!.textContent).toBe('Asistencia');
    expect(container.querySelector('.stat')!.className).toContain('stat-warn');
    expect(container.querySelector('dd')!.textContent).toBe('91,7 %se requiere 80 %');
    render(<EmptyState title="Nada aún" />);
    expect(screen.getByText('Nada aún')).toBeTruthy();
  });
});

describe('signals and reasons', () => {
  it('describes agreement by the usual bands', () => {
    expect(agreementBand(0.151)).toBe('poor');
    expect(agreementBand(0.666)).toBe('poor');
    expect(agreementBand(0.667)).toBe('tentative');
    expect(agreementBand(0.8)).toBe('good');
  });

  it('writes each reason a row falls short in the reader\'s language', async () => {
    const t = i18next.t.bind(i18next);
    expect(shortfallText({ kind: 'attendance', value: 72, required: 80 }, t, 'es')).toBe('Asistencia 72 % — se requiere 80 %');
    expect(shortfallText({ kind: 'module_failed', module: 4, value: 45.5, required: 70 }, t, 'es')).toBe('Módulo 4: nota 45,5 — se requiere 70');
    expect(shortfallText({ kind: 'attendance', required: 80 }, t, 'es')).toBe('Sin asistencia registrada — se requiere 80 %');
    expect(shortfallText({ kind: 'module_attendance', module: 2, value: 50, required: 75 }, t, 'es')).toBe('Módulo 2: asistencia 50 % — se requiere 75 %');
    expect(shortfallText({ kind: 'final_grade', value: 68.4, required: 70 }, t, 'es')).toBe('Nota final 68,4 — se requiere 70');
    expect(shortfallText({ kind: 'final_grade', required: 70 }, t, 'es')).toBe('Sin nota final — se requiere 70');
    await loadLanguage('en');
    await i18next.changeLanguage('en');
    expect(shortfallText({ kind: 'project_missing' }, i18next.t.bind(i18next), 'en')).toBe("The team's final project is not submitted");
    await i18next.changeLanguage('es');
  });
});
