import { lazy, type ComponentType, type FunctionComponent } from 'react';

/**
 * A page loaded when first shown (ADR 45): its module becomes a chunk of its own, fetched on the first visit and then
 * served by the service worker's precache. react-admin's layout shows its `Loading` while the chunk arrives.
 * `lazyPage(() => import('./MeetingShow'), 'MeetingShow')` for a named export.
 */
export function lazyPage<Module extends Record<Name, ComponentType<never>>, Name extends keyof Module & string>(
  load: () => Promise<Module>,
  name: Name,
): Module[Name] {
  return lazy(async () => ({ default: (await load())[name] as unknown as FunctionComponent })) as unknown as Module[Name];
}
