import { MikroORM } from '@mikro-orm/postgresql';
import {
  ApplyCommunityImportCmdV1,
  CommunityCreatedEvtV1,
  DryRunCommunityImportQryV1,
  ErrorCode,
  type Actor,
  type NumberedImportRow,
} from '@rd/contracts';
import { RpcClient, RpcError } from '@rd/messaging';
import { randomBytes } from 'node:crypto';
import { startCommunitiesHarness, type CommunitiesHarness } from './support/communities-harness';

const ngoIsfara: Actor = {
  userId: 'u-ngo-isfara',
  username: 'ngo.isfara',
  roles: ['ngo-admin'],
  scope: { national: false, regions: [], districts: ['isfara'] },
};

const row = (n: number, name: string, extra: Partial<NumberedImportRow['data']> = {}): NumberedImportRow => ({
  row: n,
  data: { name, districtCode: 'isfara', kind: 'village', borderAdjacent: true, languages: ['tg', 'ky'], ...extra },
});

describe('community imports (real PostgreSQL and NATS)', () => {
  let rpc: RpcClient;
  let orm: MikroORM;
  const ctx = { correlationId: 'test-import', timeoutMs: 30_000 };

  let harness: CommunitiesHarness;

  beforeAll(async () => {
    harness = await startCommunitiesHarness();
    ({ rpc, orm } = harness);
  });

  afterAll(() => harness?.close());

  const sql = async (query: string, params: unknown[] = []): Promise<number> => {
    const [{ n }] = await orm.em.fork().getConnection().execute<{ n: number }[]>(query, params);
    return n;
  };
  const countCommunities = () => sql('select count(*)::int as n from community');
  const countCreatedEvents = () => sql('select count(*)::int as n from outbox_message where subject like ?', [`%${CommunityCreatedEvtV1.name}`]);

  describe('apply', () => {
    it('should write nothing, not even outbox rows, when one row of five is bad', async () => {
      const tag = randomBytes(3).toString('hex');
      const [communitiesBefore, eventsBefore] = [await countCommunities(), await countCreatedEvents()];
      const rows = [row(2, `A ${tag}`), row(3, `B ${tag}`), row(4, `C ${tag}`), row(5, `D ${tag}`, { districtCode: 'atlantis' }), row(6, `E ${tag}`)];

      const outcome = await rpc.request(ApplyCommunityImportCmdV1, ngoIsfara, { rows }, ctx);

      expect(outcome).toEqual({ outcome: 'rejected', errors: [{ row: 5, field: 'districtCode', message: 'Unknown district "atlantis"' }] });
      expect(await countCommunities()).toBe(communitiesBefore);
      expect(await countCreatedEvents()).toBe(eventsBefore);
    });

    it('should create every row with its community.created outbox row in one go', async () => {
      const tag = randomBytes(3).toString('hex');
      const eventsBefore = await countCreatedEvents();
      const rows = [
        row(2, `Khoja Alo ${tag}`, { location: { lat: 40.105, lng: 70.627 }, population: 2400 }),
        row(3, `Somonien ${tag}`, { code: `isfara-somonien-${tag}` }),
        row(4, `Chorku ${tag}`),
      ];

      const outcome = await rpc.request(ApplyCommunityImportCmdV1, ngoIsfara, { rows }, ctx);

      if (outcome.outcome !== 'applied') throw new Error(JSON.stringify(outcome));
      expect(outcome.created.map((c) => c.row)).toEqual([2, 3, 4]);
      expect(await countCreatedEvents()).toBe(eventsBefore + 3);
      const stored = await orm.em
        .fork()
        .getConnection()
        .execute<{ name: string; code: string; location: unknown; status: string }[]>(
          'select name, code, location, status from community where id in (?, ?, ?) order by name',
          outcome.created.map((c) => c.id),
        );
      expect(stored).toEqual([
        { name: `Chorku ${tag}`, code: `isfara-chorku-${tag}`, location: null, status: 'proposed' },
        { name: `Khoja Alo ${tag}`, code: `isfara-khoja-alo-${tag}`, location: { lat: 40.105, lng: 70.627 }, status: 'proposed' },
        { name: `Somonien ${tag}`, code: `isfara-somonien-${tag}`, location: null, status: 'proposed' },
      ]);
    });

    it('should refuse rows that a unique index would refuse, before writing', async () => {
      const tag = randomBytes(3).toString('hex');
      await rpc.request(ApplyCommunityImportCmdV1, ngoIsfara, { rows: [row(2, `Vorukh ${tag}`)] }, ctx);
      const before = await countCommunities();

      const outcome = await rpc.request(
        ApplyCommunityImportCmdV1,
        ngoIsfara,
        { rows: [row(2, `VORUKH ${tag}`), row(3, `Kulkand ${tag}`), row(4, `kulkand ${tag}`), row(5, `Other ${tag}`, { code: `isfara-vorukh-${tag}` })] },
        ctx,
      );

      expect(outcome.outcome).toBe('rejected');
      const errors = outcome.outcome === 'rejected' ? outcome.errors : [];
      expect(errors.map((e) => `${e.row}:${e.field}`)).toEqual(['2:name', '4:name', '5:code']);
      expect(errors[1].message).toMatch(/row 3/);
      expect(await countCommunities()).toBe(before);
    });

    it('should create 2,000 rows in one transaction within the request timeout', async () => {
      const tag = randomBytes(3).toString('hex');
      const rows = Array.from({ length: 2000 }, (_v, i) => row(i + 2, `Bulk ${tag} ${i}`, { location: { lat: 40 + i / 10_000, lng: 70.5 } }));
      const eventsBefore = await countCreatedEvents();
      const started = performance.now();
      const outcome = await rpc.request(ApplyCommunityImportCmdV1, ngoIsfara, { rows }, ctx);
      const ms = Math.round(performance.now() - started);
      process.stdout.write(`[integration] import apply of 2,000 rows: ${ms} ms, request ${Buffer.byteLength(JSON.stringify(rows))} bytes\n`);
      expect(outcome.outcome).toBe('applied');
      expect(await countCreatedEvents()).toBe(eventsBefore + 2000);
    });
  });

  describe('dry-run', () => {
    it('should report scope, district and duplicate problems without writing', async () => {
      const tag = randomBytes(3).toString('hex');
      const before = await countCommunities();
      const { errors } = await rpc.request(
        DryRunCommunityImportQryV1,
        ngoIsfara,
        { rows: [row(2, `Fine ${tag}`), row(3, `Far ${tag}`, { districtCode: 'batken' }), row(4, `Lost ${tag}`, { districtCode: 'nowhere' })] },
        ctx,
      );
      expect(errors).toEqual([
        { row: 3, field: 'districtCode', message: 'District "batken" is outside your scope' },
        { row: 4, field: 'districtCode', message: 'Unknown district "nowhere"' },
      ]);
      expect(await countCommunities()).toBe(before);
    });

    it('should validate the rows on receipt (an empty import is refused)', async () => {
      const error = await rpc.request(DryRunCommunityImportQryV1, ngoIsfara, { rows: [] }, ctx).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RpcError);
      expect((error as RpcError).payload.code).toBe(ErrorCode.ValidationFailed);
    });
  });
});
