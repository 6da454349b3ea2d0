import { useCallback, useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from './dataProvider';

export interface ApiState<T> {
  data?: T;
  headers?: Headers;
  error?: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * GET of a gateway path (null: nothing to ask yet), kept while the next answer loads. `refetchMs` polls, but
 * not while the tab is hidden; `refreshOn` names a window event that reloads it (e.g. after a change elsewhere
 * on the page).
 */
export function useApi<T>(path: string | null, options: { refetchMs?: number; refreshOn?: string } = {}): ApiState<T> {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [state, setState] = useState<Omit<ApiState<T>, 'reload'>>({ loading: path !== null });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((value) => value + 1), []);
  const { refetchMs, refreshOn } = options;

  useEffect(() => {
    if (path === null) {
      setState({ loading: false });
      return;
    }
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    dataProvider.apiCall<T>('GET', path).then(
      ({ json, headers }) => live && setState({ data: json, headers, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [dataProvider, path, tick]);

  useEffect(() => {
    if (!refetchMs || path === null) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') reload();
    }, refetchMs);
    return () => clearInterval(timer);
  }, [refetchMs, path, reload]);

  useEffect(() => {
    if (!refreshOn) return;
    window.addEventListener(refreshOn, reload);
    return () => window.removeEventListener(refreshOn, reload);
  }, [refreshOn, reload]);

  return { ...state, reload };
}
