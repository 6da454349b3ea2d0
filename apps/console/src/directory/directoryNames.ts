import type { DirectoryEntry } from '@rd/contracts';

export type { DirectoryEntry };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the directory can name this id: Keycloak user ids are uuids. Anything else ("system", a service actor)
 * is never asked for, since one id the gateway refuses would fail the whole batch of names.
 */
export function isDirectoryId(id: string | null | undefined): id is string {
  return typeof id === 'string' && UUID.test(id);
}

/** The first block of a uuid ("3f2a9c1e…"): enough to tell people apart in a row, short enough to read. */
export function shortId(id: string): string {
  return isDirectoryId(id) ? `${id.slice(0, 8)}…` : id;
}

/**
 * A user id as people read it: the directory's name, else the shortened id (a disabled user or one outside the
 * reader's scope is not in the directory; "system" or a service actor is shown as it is).
 */
export function nameOrShortId(id: string, entry: Pick<DirectoryEntry, 'id' | 'name'> | undefined): string {
  return entry && entry.id === id && entry.name.trim() ? entry.name : shortId(id);
}
