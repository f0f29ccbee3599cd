import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { useResource } from './use_resource';
import { Loaded } from './loaded';

// A load that the test settles by hand.
function deferred<T>() {
  let resolve!: (value: T) => void, reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => { resolve = yes; reject = no; });
  return { promise, resolve, reject };
}

function Probe({ loads }: { loads: ReturnType<typeof deferred<string>>[] }) {
  const [call] = useState(() => ({ n: 0 }));
  const resource = useResource(() => loads[call.n++].promise, []);
  return <Loaded resource={resource}>{(data) => <p>data: {data}</p>}</Loaded>;
}

describe('useResource with Loaded', () => {
  it('shows a skeleton while loading, then the data', async () => {
    const loads = [deferred<string>()];
    render(<Probe loads={loads} />);
    expect(screen.getByRole('status').textContent).toContain('Cargando');
    loads[0].resolve('uno');
    await screen.findByText('data: uno');
  });

  it('shows a failure in the user\'s language with a retry that loads again', async () => {
    const loads = [deferred<string>(), deferred<string>()];
    render(<Probe loads={loads} />);
    loads[0].reject(new ApiError(500, { type: 'urn:diplomado:problem:internal', title: 'Error interno del servidor.', status: 500, code: 'internal', errors: [] }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Error interno del servidor.');
    fireEvent.click(screen.getByRole('button', { name: 'Reintentar' }));
    loads[1].resolve('dos');
    await screen.findByText('data: dos');
  });

  it('says "not allowed" for a 403, with no retry', async () => {
    const loads = [deferred<string>()];
    render(<Probe loads={loads} />);
    loads[0].reject(new ApiError(403, null));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Su función en este programa no permite ver esto.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('drops an answer that arrives after a newer request', async () => {
    const loads = [deferred<string>(), deferred<string>()];
    function Switcher() {
      const [key, setKey] = useState(0);
      const resource = useResource(() => loads[key].promise, [key]);
      return <>
        <button onClick={() => setKey(1)}>otra</button>
        <Loaded resource={resource}>{(data) => <p>data: {data}</p>}</Loaded>
      </>;
    }
    render(<Switcher />);
    fireEvent.click(screen.getByRole('button', { name: 'otra' }));
    loads[1].resolve('nueva');
    await screen.findByText('data: nueva');
    loads[0].resolve('vieja');
    await new Promise((settle) => setTimeout(settle, 10));
    await waitFor(() => expect(screen.getByText('data: nueva')).toBeTruthy());
    expect(screen.queryByText('data: vieja')).toBeNull();
  });
});
