import {
  CreateCalendarFeedCmdV1,
  GetCalendarFeedQryV1,
  ResolveCalendarFeedQryV1,
  RevokeCalendarFeedCmdV1,
  type Actor,
} from '@rd/contracts';
import type { RpcError } from '@rd/messaging';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

const isfara = { national: false, regions: [], districts: ['isfara'] };
const officer: Actor = { userId: randomUUID(), username: 'police.isfara', roles: ['police-officer'], scope: isfara };
const colleague: Actor = { userId: randomUUID(), username: 'gov.isfara', roles: ['local-government'], scope: isfara };
const reviewer: Actor = { userId: randomUUID(), username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };
const nobody: Actor = { userId: 'calendar-feed', username: 'calendar-feed', roles: [], scope: { national: false, regions: [], districts: [] } };
const secret = () => randomBytes(32).toString('base64url');
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The store of secret calendar feeds (ADR 37): only hashes, one feed per user, looked up by hash, revoked at once. */
describe('calendar feeds (real PostgreSQL and NATS)', () => {
  let h: MeetingsHarness;
  const ctx = { correlationId: 'calendar-feeds-test' };
  const code = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      return (error as RpcError).payload.code;
    }
    return 'OK';
  };

  beforeAll(async () => {
    h = await startMeetingsHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('should store only the hash and the actor, and find the owner by the hash', async () => {
    expect(await h.rpc.request(GetCalendarFeedQryV1, officer, {}, ctx)).toEqual({ active: false, createdAt: null });
    const token = secret();
    const created = await h.rpc.request(CreateCalendarFeedCmdV1, officer, { tokenHash: hashOf(token) }, ctx);
    expect(created).toEqual({ active: true, createdAt: expect.any(String) });
    expect(await h.rpc.request(GetCalendarFeedQryV1, officer, {}, ctx)).toEqual(created);

    const rows = await h.orm.em.fork().getConnection().execute<Record<string, unknown>[]>(`select * from calendar_feed where user_id = ?`, [officer.userId]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(token);
    expect(rows[0]['token_hash']).toBe(hashOf(token));

    const owner = await h.rpc.request(ResolveCalendarFeedQryV1, nobody, { tokenHash: hashOf(token) }, ctx);
    expect(owner).toEqual({ actor: officer, createdAt: created.createdAt });
    expect(await code(h.rpc.request(ResolveCalendarFeedQryV1, nobody, { tokenHash: hashOf(secret()) }, ctx))).toBe('NOT_FOUND');
  });

  it('should replace the feed on regenerating: the old hash no longer resolves, the new one does', async () => {
    const first = secret();
    const second = secret();
    await h.rpc.request(CreateCalendarFeedCmdV1, colleague, { tokenHash: hashOf(first) }, ctx);
    await h.rpc.request(CreateCalendarFeedCmdV1, colleague, { tokenHash: hashOf(second) }, ctx);
    expect(await code(h.rpc.request(ResolveCalendarFeedQryV1, nobody, { tokenHash: hashOf(first) }, ctx))).toBe('NOT_FOUND');
    expect((await h.rpc.request(ResolveCalendarFeedQryV1, nobody, { tokenHash: hashOf(second) }, ctx)).actor.userId).toBe(colleague.userId);
    const count = await h.orm.em.fork().getConnection().execute<{ n: string }[]>(`select count(*) as n from calendar_feed where user_id = ?`, [colleague.userId]);
    expect(Number(count[0].n)).toBe(1);
  });

  it('should revoke at once and idempotently, touching only the actor’s own feed', async () => {
    const mine = secret();
    const theirs = secret();
    await h.rpc.request(CreateCalendarFeedCmdV1, officer, { tokenHash: hashOf(mine) }, ctx);
    await h.rpc.request(CreateCalendarFeedCmdV1, colleague, { tokenHash: hashOf(theirs) }, ctx);
    expect(await h.rpc.request(RevokeCalendarFeedCmdV1, officer, {}, ctx)).toEqual({ revoked: true });
    expect(await code(h.rpc.request(ResolveCalendarFeedQryV1, nobody, { tokenHash: hashOf(mine) }, ctx))).toBe('NOT_FOUND');
    expect(await h.rpc.request(GetCalendarFeedQryV1, officer, {}, ctx)).toEqual({ active: false, createdAt: null });
    expect(await h.rpc.request(RevokeCalendarFeedCmdV1, officer, {}, ctx)).toEqual({ revoked: false });
    expect((await h.rpc.request(ResolveCalendarFeedQryV1, nobody, { tokenHash: hashOf(theirs) }, ctx)).actor.userId).toBe(colleague.userId);
  });

  it('should refuse a feed to a role without meeting:read and to a malformed hash', async () => {
    expect(await code(h.rpc.request(CreateCalendarFeedCmdV1, reviewer, { tokenHash: hashOf(secret()) }, ctx))).toBe('FORBIDDEN');
    expect(await code(h.rpc.request(CreateCalendarFeedCmdV1, officer, { tokenHash: 'A'.repeat(64) }, ctx))).toBe('VALIDATION_FAILED');
  });
});
