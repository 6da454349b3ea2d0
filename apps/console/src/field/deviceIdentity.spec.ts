import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { forgetUser, identityFromToken, loadIdentity, offlineStart, packsOf, saveIdentity, sessionExpired } from './deviceIdentity';
import { fieldDb, resetFieldDbForTests, type DeviceIdentity, type MeetingPack, type QueuedAction } from './fieldDb';

const NOW = Date.parse('2026-12-01T08:00:00Z');
const ALICE = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';

const identity = (userId: string): DeviceIdentity => ({
  userId,
  name: userId === ALICE ? 'police.isfara' : 'ngo.isfara',
  roles: ['police-officer'],
  districtIds: ['isfara'],
  tokenExpiresAt: NOW + 300_000,
  savedAt: NOW,
});
const pack = (meetingId: string, userId: string, startsAt: string): MeetingPack => ({ meetingId, userId, takenAt: NOW, parts: { meeting: { startsAt } } });
const queued = (userId: string): QueuedAction => ({
  userId,
  meetingId: 'm1',
  kind: 'held',
  method: 'POST',
  path: '/meetings/m1/transitions',
  body: { to: 'held' },
  idempotencyKey: `${userId}-k`,
  state: 'waiting',
  createdAt: NOW,
});

describe('device identity', () => {
  beforeEach(() => {
    // A fresh, empty IndexedDB per test, and a fresh connection to it.
    globalThis.indexedDB = new IDBFactory();
    resetFieldDbForTests();
  });

  describe('identityFromToken', () => {
    it('should keep the user, their platform roles, their districts and the expiry, and no token', () => {
      const kept = identityFromToken(
        {
          sub: ALICE,
          exp: NOW / 1000 + 300,
          name: 'Isfara Police',
          preferred_username: 'police.isfara',
          realm_access: { roles: ['police-officer', 'offline_access'] },
          groups: ['/sughd/isfara', '/sughd/isfara/too-deep', 'not-a-path!'],
        },
        NOW,
      );
      expect(kept).toEqual({ userId: ALICE, name: 'Isfara Police', roles: ['police-officer'], districtIds: ['isfara'], tokenExpiresAt: NOW + 300_000, savedAt: NOW });
      expect(JSON.stringify(kept)).not.toMatch(/token"|eyJ/);
    });

    it('should name the user by login when the token has no display name, and refuse a token without subject', () => {
      expect(identityFromToken({ sub: BOB, preferred_username: 'ngo.isfara', exp: 1 }, NOW)?.name).toBe('ngo.isfara');
      expect(identityFromToken({ preferred_username: 'nobody' }, NOW)).toBeNull();
      expect(identityFromToken(undefined, NOW)).toBeNull();
    });
  });

  it('should call the session expired once the access token has expired', () => {
    expect(sessionExpired(identity(ALICE), NOW)).toBe(false);
    expect(sessionExpired(identity(ALICE), NOW + 300_000)).toBe(true);
  });

  describe('offlineStart', () => {
    it('should have nothing to start with when nobody signed in on the device', async () => {
      await expect(offlineStart()).resolves.toBeNull();
    });

    it('should have nothing to start with when the last user took no meeting offline', async () => {
      await saveIdentity(identity(ALICE));
      const db = await fieldDb();
      await db.put('packs', pack('m-bob', BOB, '2026-12-02T05:00:00Z'));
      await expect(offlineStart()).resolves.toBeNull();
    });

    it("should start with the last user's own packs only, soonest first", async () => {
      const db = await fieldDb();
      await db.put('packs', pack('m-late', ALICE, '2026-12-09T05:00:00Z'));
      await db.put('packs', pack('m-bob', BOB, '2026-12-02T05:00:00Z'));
      await db.put('packs', pack('m-soon', ALICE, '2026-12-03T05:00:00Z'));
      await saveIdentity(identity(BOB));
      await saveIdentity(identity(ALICE));
      const start = await offlineStart();
      expect(start?.identity.userId).toBe(ALICE);
      expect(start?.packs.map((row) => row.meetingId)).toEqual(['m-soon', 'm-late']);
    });
  });

  describe('forgetUser', () => {
    it("should remove the user's identity, packs and queued work on sign-out, and leave another user's", async () => {
      const db = await fieldDb();
      await saveIdentity(identity(ALICE));
      await db.put('packs', pack('m-alice', ALICE, '2026-12-03T05:00:00Z'));
      await db.put('packs', pack('m-bob', BOB, '2026-12-03T05:00:00Z'));
      await db.add('queue', queued(ALICE));
      await db.add('queue', queued(BOB));
      await forgetUser(ALICE);
      await expect(loadIdentity()).resolves.toBeNull();
      await expect(packsOf(ALICE)).resolves.toEqual([]);
      await expect(packsOf(BOB)).resolves.toHaveLength(1);
      expect((await db.getAll('queue')).map((row) => row.userId)).toEqual([BOB]);
    });

    it('should keep the identity of another user who signed in since', async () => {
      await saveIdentity(identity(BOB));
      await forgetUser(ALICE);
      await expect(loadIdentity()).resolves.toMatchObject({ userId: BOB });
    });
  });
});
