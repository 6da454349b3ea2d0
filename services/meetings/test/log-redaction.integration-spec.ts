import { CreateMeetingCmdV1, ErrorCode, RecordConcernCmdV1, RecordConcernInputSchema, type Actor } from '@rd/contracts';
import { RpcError, type RpcClient } from '@rd/messaging';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';
import { policeUnit } from './support/communities-stub';

const police: Actor = { userId: 'u-police-isfara', username: 'police.isfara', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['isfara'] } };

async function createMeeting(rpc: RpcClient, actor: Actor): Promise<string> {
  const input = {
    kind: 'local' as const,
    communityIds: [randomUUID()],
    districtCode: 'isfara',
    title: 'Reporting day',
    startsAt: new Date(Date.now() + 3600_000).toISOString(),
    durationMinutes: 120,
    venueName: 'School',
    venueType: 'school' as const,
    organisedBy: 'police' as const,
    policeUnitId: policeUnit(),
    inviteeContactIds: [],
    inviteeOrganisationIds: [],
  };
  const meeting = await rpc.request(CreateMeetingCmdV1, actor, { input, place: { regionCode: 'sughd', timeZone: 'Asia/Dushanbe' } }, { correlationId: 'redaction-test' });
  return meeting.id;
}

/**
 * A database error on a concern write must not put the concern's text, names, phone numbers or
 * emails into any log line. The database is made to refuse the insert (a check constraint added as its owner), and
 * everything the service process writes to stdout and stderr meanwhile is read back.
 */
describe('log redaction (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  const written: string[] = [];
  const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    const owner = new Client({ connectionString: harness.db.migrationUrl });
    await owner.connect();
    await owner.query(`alter table "concern" add constraint "concern_text_fault" check ("text" not like '%FAULT-%')`);
    await owner.end();
    const capture = (original: typeof originals.out) =>
      ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof process.stdout.write;
    process.stdout.write = capture(originals.out);
    process.stderr.write = capture(originals.err);
  });

  afterAll(async () => {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
    await harness?.close();
  });

  it('should log the failed statement without its values', async () => {
    const marker = `FAULT-${randomUUID().slice(0, 8)}`;
    const email = `zebo.${marker.toLowerCase()}@mail.tj`;
    const phone = '+992 93 555 12 34';
    const meetingId = await createMeeting(harness.rpc, police);
    const text = `${marker} Zebo Karimova, ${email}, ${phone}: her husband beats her`;
    const concern = RecordConcernInputSchema.parse({ topic: 'domestic-violence', sensitivity: 'confidential', text, answer: `${marker} answer`, handlerIds: [police.userId] });
    const error = await harness.rpc.request(RecordConcernCmdV1, police, { meetingId, concern }, { correlationId: 'redaction-test' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).payload.code).toBe(ErrorCode.Internal);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const log = written.join('');
    // The failure is logged, with what an operator needs: the statement's shape and the constraint.
    expect(log).toContain('concern_text_fault');
    expect(log).toContain('insert into "concern"');
    for (const secret of [marker, 'Zebo', 'Karimova', email, phone, 'beats her']) expect(log).not.toContain(secret);
    expect(JSON.stringify((error as RpcError).payload)).not.toContain(marker);
  });
});
