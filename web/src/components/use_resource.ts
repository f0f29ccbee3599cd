import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

// One way every page loads data: a state of loading, ready or failed, the error kept (never
// swallowed), and retry. While a reload runs the last data stays on screen; an answer that
// arrives after a newer request was made is ignored.
export type Resource<T> = {
  status: 'loading' | 'ready' | 'error';
  data: T | undefined;
  error: unknown;
  retry: () => void;
  // Replace the data in place (after a save answered with the new state).
  set: (update: T | ((current: T) => T)) => void;
};

export function useResource<T>(load: () => Promise<T>, deps: unknown[]): Resource<T> {
  const [state, setState] = useState<{ status: Resource<T>['status']; data: T | undefined; error: unknown }>({ status: 'loading', data: undefined, error: null });
  const latest = useRef(0);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const request = ++latest.current;
    setState((current) => ({ ...current, status: 'loading', error: null }));
    load().then(
      (data) => { if (request === latest.current) setState({ status: 'ready', data, error: null }); },
      (error: unknown) => { if (request === latest.current) setState((current) => ({ status: 'error', data: current.data, error })); },
    );
  }, [...deps, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((update: T | ((current: T) => T)) => {
    setState((current) => ({
      ...current,
      data: typeof update === 'function' ? (update as (value: T) => T)(current.data as T) : update,
    }));
  }, []);
  return { ...state, retry, set };
}
