import { scopeFromGroups } from '@rd/auth-core';
import { rolesFromToken } from '../auth/permissionsFromToken';
import { fieldDb, type DeviceIdentity, type FieldDb, type MeetingPack } from './fieldDb';

/** The one identity record: the user who signed in last on this device. */
const CURRENT = 'current';

/** The parsed access token's claims this needs (keycloak-js `tokenParsed`). */
export interface IdentityClaims {
  sub?: string;
  exp?: number;
  name?: unknown;
  preferred_username?: unknown;
  realm_access?: { roles?: unknown };
  groups?: unknown;
}

/**
 * Who is signed in, as the device keeps it for an offline start: the user, their roles and districts (the same
 * group paths the gateway reads) and when the access token expires. Never the token: a stolen phone must not
 * carry a credential the gateway accepts. Null when the token names no user.
 */
export function identityFromToken(claims: IdentityClaims | undefined, now: number): DeviceIdentity | null {
  if (!claims?.sub) return null;
  const roles = rolesFromToken(claims);
  const groups = Array.isArray(claims.groups) ? claims.groups.filter((group): group is string => typeof group === 'string') : [];
  const name = [claims.name, claims.preferred_username].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  return {
    userId: claims.sub,
    name: name ?? claims.sub,
    roles,
    districtIds: scopeFromGroups(groups, roles).districts,
    tokenExpiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : now,
    savedAt: now,
  };
}

/** Past the token's expiry nothing queued may be sent until the user signs in again (issue 16). */
export const sessionExpired = (identity: DeviceIdentity, now: number): boolean => identity.tokenExpiresAt <= now;

export async function saveIdentity(identity: DeviceIdentity, db: FieldDb | Promise<FieldDb> = fieldDb()): Promise<void> {
  await (await db).put('identity', identity, CURRENT);
}

export async function loadIdentity(db: FieldDb | Promise<FieldDb> = fieldDb()): Promise<DeviceIdentity | null> {
  return (await (await db).get('identity', CURRENT)) ?? null;
}

/** The meetings this user took offline on this device, soonest first. */
export async function packsOf(userId: string, db: FieldDb | Promise<FieldDb> = fieldDb()): Promise<MeetingPack[]> {
  const packs = await (await db).getAllFromIndex('packs', 'byUser', userId);
  return packs.sort((a, b) => startsAtOf(a).localeCompare(startsAtOf(b)));
}

const startsAtOf = (pack: MeetingPack): string => {
  const meeting = pack.parts.meeting as { startsAt?: unknown } | undefined;
  return typeof meeting?.startsAt === 'string' ? meeting.startsAt : '';
};

/**
 * An explicit sign-out leaves nothing of this user on the device: not who they were, not the meetings they took
 * offline, not the work they queued (signing out with work waiting is the user's choice to drop it). The vault's
 * salt goes too: without it a PIN derives no key for anything left behind.
 */
export async function forgetUser(userId: string, db: FieldDb | Promise<FieldDb> = fieldDb()): Promise<void> {
  const open = await db;
  const tx = open.transaction(['identity', 'packs', 'queue', 'vault'], 'readwrite');
  const current = await tx.objectStore('identity').get(CURRENT);
  if (current?.userId === userId) await tx.objectStore('identity').delete(CURRENT);
  for (const key of await tx.objectStore('packs').index('byUser').getAllKeys(userId)) await tx.objectStore('packs').delete(key);
  for (let cursor = await tx.objectStore('queue').openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.userId === userId) await cursor.delete();
  }
  await tx.objectStore('vault').delete(userId);
  await tx.done;
}

/**
 * What an offline start can show: the last identity and its packs, or null when there is nothing to work with
 * (never signed in here, or no meeting taken offline) and the boot screen says the console is offline.
 */
export async function offlineStart(db: FieldDb | Promise<FieldDb> = fieldDb()): Promise<{ identity: DeviceIdentity; packs: MeetingPack[] } | null> {
  const identity = await loadIdentity(db);
  if (!identity) return null;
  const packs = await packsOf(identity.userId, db);
  return packs.length > 0 ? { identity, packs } : null;
}
