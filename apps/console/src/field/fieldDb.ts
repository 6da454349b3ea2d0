import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The device's own database for the field kit (issue 16): what a signed-in user took offline, who they were, and the
 * work waiting to be sent. One IndexedDB database per browser profile; every record names the user it belongs to,
 * so a shared tablet never shows one user's day to another.
 */
export const FIELD_DB_NAME = 'rd-field';
export const FIELD_DB_VERSION = 1;

/** Who was signed in last on this device: enough to read cached data and queue work offline, never a token. */
export interface DeviceIdentity {
  userId: string;
  name: string;
  roles: string[];
  districtIds: string[];
  /** When the last access token expires (ms since epoch): past it, queued work waits for a fresh sign-in. */
  tokenExpiresAt: number;
  savedAt: number;
}

/** Everything one meeting's day needs offline, as the gateway answered it when "Take offline" was pressed. */
export interface MeetingPack {
  meetingId: string;
  userId: string;
  takenAt: number;
  /** Named parts (meeting, agenda, checklist, carryOver, communities, invitees, survey, briefings, contacts…). */
  parts: Record<string, unknown>;
}

export type QueuedState = 'waiting' | 'sending' | 'sent' | 'refused';

/** One hold-step action done on the device, sent later in order with its own idempotency key. */
export interface QueuedAction {
  /** Auto-increment: the order actions were taken in, and the order they are sent in. */
  seq?: number;
  userId: string;
  meetingId: string;
  /** What the action is, for the list the user sees (e.g. 'held', 'attendance', 'concern', 'action', 'minutes', 'feedback', 'sign-in-sheet'). */
  kind: string;
  method: 'POST' | 'PUT' | 'PATCH';
  /** Gateway path below the API base, e.g. `/meetings/{id}/attendance`. */
  path: string;
  /** JSON body; confidential text is NOT here but in `sealed` (see vault). */
  body?: unknown;
  /** Encrypted parts of the body (AES-GCM), merged into it only at send time. */
  sealed?: { iv: number[]; data: ArrayBuffer; field: string };
  /** A file to upload (the sign-in sheet photo), already compressed. */
  file?: Blob;
  idempotencyKey: string;
  state: QueuedState;
  /** Why the gateway refused it (problem+json title/detail/code), shown so the user can fix or discard it. */
  refusal?: { status: number; code?: string; title?: string; detail?: string };
  createdAt: number;
  sentAt?: number;
  /** A confidential concern (or an action on one): its free text is in `sealed`, and stays out of the list. */
  confidential?: boolean;
  /** Shown in the list: never confidential text (e.g. the topic and sensitivity of a concern). */
  summary?: string;
  /** The queued action whose created record's id replaces `{ref}` in `path` (an action on a concern recorded offline). */
  dependsOn?: number;
  /** Sent only if the server's record is still the one the pack saw (attendance: its `recordedAt`, null = none yet). */
  precondition?: { recordedAt: string | null };
  /** The server's record when it changed since the pack was taken: shown beside ours, the user decides. */
  conflict?: { theirs: unknown };
  /** What the gateway answered, kept after the body is dropped: the created record's id, the attendance's `recordedAt`. */
  result?: { id?: string; recordedAt?: string; note?: string };
  /** Tries whose outcome was unknown (no answer, 5xx, 409 in progress): sent again later with the same key. */
  attempts?: number;
}

interface FieldSchema extends DBSchema {
  identity: { key: string; value: DeviceIdentity };
  packs: { key: string; value: MeetingPack; indexes: { byUser: string } };
  queue: { key: number; value: QueuedAction; indexes: { byMeeting: string; byState: string } };
  /** Salt and a check value for the key derived from the user's device PIN; never the key itself. */
  vault: { key: string; value: { userId: string; salt: number[]; check: { iv: number[]; data: ArrayBuffer } } };
}

export type FieldDb = IDBPDatabase<FieldSchema>;

let opened: Promise<FieldDb> | undefined;

export function fieldDb(): Promise<FieldDb> {
  opened ??= openDB<FieldSchema>(FIELD_DB_NAME, FIELD_DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('identity');
      db.createObjectStore('packs', { keyPath: 'meetingId' }).createIndex('byUser', 'userId');
      const queue = db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      queue.createIndex('byMeeting', 'meetingId');
      queue.createIndex('byState', 'state');
      db.createObjectStore('vault', { keyPath: 'userId' });
    },
  });
  return opened;
}

/** For unit tests with fake-indexeddb: forget the open connection. */
export function resetFieldDbForTests(): void {
  opened = undefined;
}
