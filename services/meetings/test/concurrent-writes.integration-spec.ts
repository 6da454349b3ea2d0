import { RecordConcernCmdV1, RecordConcernInputSchema, type Actor } from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

/**
 * Many writes on one meeting at once — a facilitator's offline queue flushing the concerns of a reporting day when
 * signal returns, the fault matrix's relay burst — must all be stored. Before the fix, the concern repository read
 * the meeting through `getConnection().execute` (a second pool connection) inside each write's transaction: 40 at
 * once held all 10 connections waiting for an 11th, every write stalled for the pool's 60 s acquire timeout and most
 * answered INTERNAL.
 */
describe('a burst of writes on one meeting (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  const recorder: Actor = { userId: 'u-ngo-isfara', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };

  beforeAll(async () => {
    harness = await startMeetingsHarness();
  });

  afterAll(() => harness?.close());

  it('should store 40 concerns recorded at the same moment on one meeting', async () => {
    const meetingId = randomUUID();
    await harness.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into meeting (id, kind, title, district_code, region_code, time_zone, starts_at, quarter, venue_name, venue_type, organised_by, status, created_by, created_at, updated_at)
         values (?, 'local', 'Reporting day', 'isfara', 'sughd', 'Asia/Dushanbe', now(), '2026-Q4', 'School No. 3', 'school', 'police', 'held', 'seed', now(), now())`,
        [meetingId],
      );
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        harness.rpc
          .request(
            RecordConcernCmdV1,
            recorder,
            { meetingId, concern: RecordConcernInputSchema.parse({ topic: 'water-and-irrigation', sensitivity: 'public', text: `Concern ${i} of the burst` }) },
            // Far below the pool's 60 s acquire timeout, far above what 40 short inserts take on a loaded machine.
            { correlationId: randomUUID(), timeoutMs: 30_000 },
          )
          .then(
            () => 'stored',
            (error: unknown) => String(error),
          ),
      ),
    );
    expect(outcomes.filter((o) => o !== 'stored')).toEqual([]);
    const [{ n }] = await harness.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from concern where meeting_id = ?', [meetingId]);
    expect(Number(n)).toBe(40);
  }, 90_000);
});
