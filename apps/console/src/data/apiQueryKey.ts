import type { QueryKey } from '@tanstack/react-query';

/**
 * Query key of a gateway path: `['api', ...segments, query]`, so `meetings/7/concerns?…` sits under
 * `apiQueryKey('meetings/7')` and invalidating a path refreshes every query below it.
 */
export function apiQueryKey(path: string): QueryKey {
  const [route = '', query] = path.split('?');
  return ['api', ...route.split('/').filter(Boolean), ...(query ? [query] : [])];
}
