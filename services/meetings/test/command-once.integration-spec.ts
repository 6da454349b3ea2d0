import { MikroORM } from '@mikro-orm/postgresql';
import { CreateMeetingCmdV1, RecordConcernCmdV1, RecordConcernInputSchema, UpdateConcernCmdV1, type Actor } from '@rd/contracts';
import { RpcClient, RpcError } from '@rd/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

/**
 * A command sent with the gateway's idempotency key (HEADER_IDEMPOTENCY_KEY) is applied once: the fault matrix saw a
 * concern stored twice when meetings was killed after committing and before answering (the gateway's claim was
 * released on the 503, or taken over after a gateway kill, and the retry ran the command again). The key is recorded
 * in the command's own transaction, so the retry is refused as already applied.
 */
describe('keyed commands are applied once (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  let rpc: RpcClient;
  let orm: MikroORM;
  let meetingId: string;
  const recorder: Actor = { userId: 'u-ngo-isfara', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);
  const stored = async (text: string) => Number((await sql<{ n: string }>('select count(*) as n from concern where text = ?', [text]))[0].n);
  const concern = () => RecordConcernInputSchema.parse({ topic: 'water-and-irrigation', sensitivity: 'public', text: `Canal ${randomBytes(4).toString('hex')} is dry` });
  const record = (data: ReturnType<typeof concern>, idempotencyKey?: string) =>
    rpc.request(RecordConcernCmdV1, recorder, { meetingId, concern: data }, { correlationId: randomUUID(), idempotencyKey });
  const reasonOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'applied',
      (error: unknown) => (error instanceof RpcError ? error.payload.reason : String(error)),
    );

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    ({ rpc, orm } = harness);
    meetingId = randomUUID();
    await sql(
      `insert into meeting (id, kind, title, district_code, region_code, time_zone, starts_at, quarter, venue_name, venue_type, organised_by, status, created_by, created_at, updated_at)
       values (?, 'local', 'Reporting day', 'isfara', 'sughd', 'Asia/Dushanbe', now(), '2026-Q4', 'School No. 3', 'school', 'police', 'held', 'seed', now(), now())`,
      [meetingId],
    );
  });

  afterAll(() => harness?.close());

  it('should refuse a command whose key was applied before, and store it once', async () => {
    const data = concern();
    const key = randomUUID();
    await record(data, key);
    expect(await reasonOf(record(data, key))).toBe('idempotency.already-applied');
    expect(await stored(data.text)).toBe(1);
  });

  it('should apply one of two copies sent at the same time', async () => {
    const data = concern();
    const key = randomUUID();
    const outcomes = await Promise.all([reasonOf(record(data, key)), reasonOf(record(data, key))]);
    expect(outcomes.sort()).toEqual(['applied', 'idempotency.already-applied']);
    expect(await stored(data.text)).toBe(1);
  });

  it('should leave commands without a key as they were, and keep keys apart per command', async () => {
    const data = concern();
    await record(data);
    await record(data);
    expect(await stored(data.text)).toBe(2);
    const key = randomUUID();
    const created = await record(concern(), key);
    // The same key on another command subject (one HTTP write may send several commands) is its own.
    const updated = await rpc.request(UpdateConcernCmdV1, recorder, { id: created.id, patch: { answer: 'Answered at the meeting' } }, { correlationId: randomUUID(), idempotencyKey: key });
    expect(updated.id).toBe(created.id);
  });

  it('should apply once a keyed command that records no event (a draft meeting)', async () => {
    // The fault matrix stored a draft twice under clock skew: the key was claimed only with an event, and a draft has none.
    const police: Actor = { userId: 'u-police-isfara', username: 'police.isfara', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['isfara'] } };
    const title = `Reporting day ${randomBytes(4).toString('hex')}`;
    const data = {
      input: {
        kind: 'local' as const,
        communityIds: [randomUUID()],
        districtCode: 'isfara',
        title,
        startsAt: '2027-01-20T08:00:00Z',
        durationMinutes: 120,
        venueName: 'School No. 5',
        venueType: 'school' as const,
        organisedBy: 'police' as const,
        inviteeContactIds: [],
        inviteeOrganisationIds: [],
      },
    };
    const key = randomUUID();
    const create = () =>
      rpc.request(CreateMeetingCmdV1, police, data as never, { correlationId: randomUUID(), idempotencyKey: key }).then(
        () => 'applied',
        (error: unknown) => (error instanceof RpcError ? error.payload.reason : String(error)),
      );
    expect(await create()).toBe('applied');
    expect(await create()).toBe('idempotency.already-applied');
    expect(Number((await sql<{ n: string }>('select count(*) as n from meeting where title = ?', [title]))[0].n)).toBe(1);
  });

  it('should not mark a command applied when it was refused (nothing committed)', async () => {
    const key = randomUUID();
    const refused = { topic: 'border-guards', sensitivity: 'confidential', text: 'no handlers named' } as never;
    expect(await reasonOf(record(refused, key))).not.toBe('applied');
    const data = concern();
    expect(await reasonOf(record(data, key))).toBe('applied');
  });
});
