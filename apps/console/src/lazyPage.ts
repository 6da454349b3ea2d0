import { lazy, useSyncExternalStore, type ComponentType, type FunctionComponent } from 'react';

// Page chunks being fetched. Route changes are React transitions, so the old page stays until the new one's chunk
// is here: the layout shows a bar meanwhile (layout/PageLoadingBar.tsx).
let loading = 0;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

function tracked<T>(load: Promise<T>): Promise<T> {
  loading += 1;
  changed();
  return load.finally(() => {
    loading -= 1;
    changed();
  });
}

/** Whether a page's chunk is being fetched. */
export function usePageLoading(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => loading > 0,
  );
}

/**
 * A page loaded when first shown (ADR 45): its module becomes a chunk of its own, fetched on the first visit and then
 * served by the service worker's precache. react-admin's layout shows its `Loading` while the first page's chunk
 * arrives. `lazyPage(() => import('./MeetingShow'), 'MeetingShow')` for a named export.
 */
export function lazyPage<Module extends Record<Name, ComponentType<never>>, Name extends keyof Module & string>(
  load: () => Promise<Module>,
  name: Name,
): Module[Name] {
  return lazy(async () => ({ default: (await tracked(load()))[name] as unknown as FunctionComponent })) as unknown as Module[Name];
}
