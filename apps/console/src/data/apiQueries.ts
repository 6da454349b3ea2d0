import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import { apiQueryKey } from './apiQueryKey';
import type { ConsoleDataProvider } from './dataProvider';
import { useFailureText } from './useFailureText';

/**
 * GET of a gateway path (null: nothing to ask yet) in react-admin's query cache, the previous answer kept while the
 * next loads. No retries and no refetch on focus unless asked: a failure shows at once, as the screens expect.
 * `refetchInterval` polls, and react-query does not poll while the tab is hidden. `read` turns the answer and its
 * headers into what the screen keeps (one shape per path: the path is the key).
 */
export function useApiQuery<T, D = T>(
  path: string | null,
  options: {
    refetchInterval?: number | false | ((data: D | undefined) => number | false);
    refetchOnWindowFocus?: boolean;
    read?: (json: T, headers: Headers) => D;
  } = {},
) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { refetchInterval, refetchOnWindowFocus = false, read } = options;
  return useQuery({
    queryKey: apiQueryKey(path ?? ''),
    queryFn: async () => {
      const { json, headers } = await dataProvider.apiCall<T>('GET', path as string);
      return read ? read(json, headers) : (json as unknown as D);
    },
    enabled: path !== null,
    placeholderData: keepPreviousData,
    retry: false,
    refetchOnWindowFocus,
    refetchInterval: typeof refetchInterval === 'function' ? (query) => refetchInterval(query.state.data) : refetchInterval,
  });
}

/** Marks the queries under these gateway paths stale, so every screen showing them asks again. */
export function useInvalidateApi() {
  const queryClient = useQueryClient();
  return useCallback(
    (...paths: string[]) => Promise.all(paths.map((path) => queryClient.invalidateQueries({ queryKey: apiQueryKey(path) }))).then(() => undefined),
    [queryClient],
  );
}

/** Notifies a failed call in the reader's language (useFailureText); `fallback` words an error raised on this device. */
export function useNotifyError() {
  const notify = useNotify();
  const failureText = useFailureText();
  return useCallback((error: unknown, fallback?: string) => notify(failureText(error, fallback), { type: 'error' }), [notify, failureText]);
}
