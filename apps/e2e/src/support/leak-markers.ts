import { canReadConcern, scopeFromGroups, type ConcernAccessFacts } from '@rd/auth-core';
import { RoleSchema, type Actor, type Role } from '@rd/contracts';
import { randomBytes } from 'node:crypto';
import { tokenFor } from './http';

/**
 * Unique strings planted in the data of one run, and the rule that says who may see each: a concern's text, answer
 * and action descriptions follow `canReadConcern` (the product's own rule, docs/roles-and-permissions.md); an erased
 * contact's name, phone and email, and the text of a write the database refused, may be seen by nobody.
 */
export type Marker =
  | { value: string; label: string; kind: 'concern'; facts: ConcernAccessFacts }
  | { value: string; label: string; kind: 'erased-contact' | 'refused-write' };

export interface Finding {
  marker: string;
  label: string;
  reader: string;
  where: string;
}

/** A marker that survives case changes and word splitting: letters and digits only. */
export const newMarker = (tag: string) => `LK${tag}${randomBytes(5).toString('hex').toUpperCase()}`;

/** The actor a demo user's real access token makes at the gateway: subject, roles and group scope. */
export async function actorOf(username: string): Promise<Actor> {
  const token = await tokenFor(username);
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
    sub: string;
    preferred_username?: string;
    realm_access?: { roles?: string[] };
    groups?: string[];
  };
  const roles = (claims.realm_access?.roles ?? []).filter((role): role is Role => RoleSchema.safeParse(role).success);
  return { userId: claims.sub, username: claims.preferred_username ?? username, roles, scope: scopeFromGroups(claims.groups ?? [], roles) };
}

/** Whether `reader` (null: nobody, e.g. a log or an event) may see the marker. */
export function mayRead(marker: Marker, reader: Actor | null): boolean {
  if (marker.kind !== 'concern' || !reader) return false;
  return canReadConcern(reader, marker.facts);
}

/** Markers present in `text` (case-insensitive) that `reader` may not see. */
export function leaksIn(text: string, markers: readonly Marker[], reader: Actor | null, where: string, readerName = reader?.username ?? '(nobody)'): Finding[] {
  const haystack = text.toLowerCase();
  return markers
    .filter((marker) => haystack.includes(marker.value.toLowerCase()) && !mayRead(marker, reader))
    .map((marker) => {
      const at = haystack.indexOf(marker.value.toLowerCase());
      const context = text.slice(Math.max(0, at - 60), at + marker.value.length + 20).replace(/\s+/g, ' ');
      return { marker: marker.value, label: marker.label, reader: readerName, where: `${where} …${context}…` };
    });
}
