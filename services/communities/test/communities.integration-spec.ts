import { MikroORM } from '@mikro-orm/postgresql';
import {
  CommunityCreatedEvtV1,
  CreateCommunityCmdV1,
  ErrorCode,
  eventStreamName,
  GetCommunityQryV1,
  ListCommunitiesQryV1,
  ListDistrictsQryV1,
  type Actor,
} from '@rd/contracts';
import { RpcClient, RpcError } from '@rd/messaging';
import { eventually } from '@rd/testing';
import type { NatsConnection } from 'nats';
import { startCommunitiesHarness, type CommunitiesHarness } from './support/communities-harness';

const ngoIsfara: Actor = {
  userId: 'u-ngo-isfara',
  username: 'ngo.isfara',
  roles: ['ngo-admin'],
  scope: { national: false, regions: [], districts: ['isfara'] },
};
const policeBatken: Actor = {
  userId: 'u-police-batken',
  username: 'police.batken',
  roles: ['police-officer'],
  scope: { national: false, regions: [], districts: ['batken'] },
};
const reviewerSughd: Actor = {
  userId: 'u-reviewer',
  username: 'reviewer.sughd',
  roles: ['regional-reviewer'],
  scope: { national: false, regions: ['sughd'], districts: [] },
};

describe('communities service (real PostgreSQL and NATS)', () => {
  let prefix: string;
  let rpc: RpcClient;
  let nc: NatsConnection;
  let orm: MikroORM;
  const ctx = { correlationId: 'test-correlation' };

  let harness: CommunitiesHarness;

  beforeAll(async () => {
    harness = await startCommunitiesHarness();
    ({ prefix, rpc, nc, orm } = harness);
  });

  afterAll(() => harness?.close());

  const create = (actor: Actor, name: string, districtCode = 'isfara') =>
    rpc.request(CreateCommunityCmdV1, actor, { name, districtCode, kind: 'village', borderAdjacent: true, languages: ['tg'] }, ctx);

  async function expectRpcError(promise: Promise<unknown>, code: ErrorCode): Promise<RpcError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).payload.code).toBe(code);
    return error as RpcError;
  }

  describe('create', () => {
    it('should store the community and publish community.created through the outbox', async () => {
      const community = await create(ngoIsfara, 'Khoja Alo');
      expect(community).toMatchObject({ name: 'Khoja Alo', districtCode: 'isfara', regionCode: 'sughd', status: 'proposed' });

      const jsm = await nc.jetstreamManager();
      const stream = eventStreamName(prefix, 'communities');
      const message = await eventually(() => jsm.streams.getMessage(stream, { last_by_subj: `${prefix}.${CommunityCreatedEvtV1.name}` }), 3000);
      const event = CommunityCreatedEvtV1.schema.parse(message.json());
      expect(event).toMatchObject({ communityId: community.id, districtCode: 'isfara', regionCode: 'sughd', status: 'proposed' });
      expect(message.header.get('rd-correlation-id')).toBe('test-correlation');

      // The relay marks the row after JetStream acknowledged it.
      const row = await eventually(async () => {
        const [found] = await orm.em.fork().getConnection().execute('select id, published_at from outbox_message where payload->>? = ?', ['communityId', community.id]);
        expect(found.published_at).not.toBeNull();
        return found;
      }, 3000);
      expect(message.header.get('Nats-Msg-Id')).toBe(row.id);
    });

    it('should refuse a duplicate name in the same district, case-insensitively, and store nothing', async () => {
      await create(ngoIsfara, 'Somonien');
      const error = await expectRpcError(create(ngoIsfara, 'SOMONIEN'), ErrorCode.Conflict);
      expect(error.payload.errors?.[0].field).toBe('name');
      const [{ n }] = await orm.em.fork().getConnection().execute("select count(*)::int as n from community where lower(name) = 'somonien'");
      expect(n).toBe(1);
    });

    it('should refuse an unknown district as a validation error on districtCode', async () => {
      const error = await expectRpcError(create(ngoIsfara, 'Nowhere', 'atlantis'), ErrorCode.ValidationFailed);
      expect(error.payload.errors).toEqual([{ field: 'districtCode', message: 'Unknown district' }]);
    });

    it('should refuse a district outside the actor scope', async () => {
      await expectRpcError(create(policeBatken, 'Chorku'), ErrorCode.Forbidden);
    });

    it('should refuse a payload that breaks the contract, listing the fields', async () => {
      const error = await expectRpcError(
        rpc.request(CreateCommunityCmdV1, ngoIsfara, { name: 'x', districtCode: 'isfara', kind: 'castle' } as never, ctx),
        ErrorCode.ValidationFailed,
      );
      expect(error.payload.errors?.map((e) => e.field).sort()).toEqual(['kind', 'name']);
    });

    it('should refuse a request that carries no actor', async () => {
      const client = (rpc as unknown as { client: { send: (s: string, d: unknown) => import('rxjs').Observable<unknown> } }).client;
      const { firstValueFrom } = await import('rxjs');
      const error = await firstValueFrom(client.send(`${prefix}.${CreateCommunityCmdV1.name}`, { data: { name: 'Anon', districtCode: 'isfara', kind: 'village' } })).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: ErrorCode.Unauthenticated });
    });
  });

  describe('get and list', () => {
    it('should hide a community outside the actor scope as NOT_FOUND', async () => {
      const community = await create(ngoIsfara, 'Vorukh');
      await expect(rpc.request(GetCommunityQryV1, ngoIsfara, { id: community.id }, ctx)).resolves.toMatchObject({ id: community.id });
      await expectRpcError(rpc.request(GetCommunityQryV1, policeBatken, { id: community.id }, ctx), ErrorCode.NotFound);
    });

    it('should list only communities in scope, and let filters narrow but never widen', async () => {
      await create({ ...ngoIsfara, scope: { national: true, regions: [], districts: [] } }, 'Ak-Sai', 'batken');
      const batken = await rpc.request(ListCommunitiesQryV1, policeBatken, { offset: 0, limit: 50, sort: 'name', order: 'ASC' }, ctx);
      expect(batken.items.map((c) => c.name)).toEqual(['Ak-Sai']);
      const widened = await rpc.request(ListCommunitiesQryV1, policeBatken, { offset: 0, limit: 50, sort: 'name', order: 'ASC', districtCode: 'isfara' }, ctx);
      expect(widened).toEqual({ items: [], total: 0 });
      const region = await rpc.request(ListCommunitiesQryV1, reviewerSughd, { offset: 0, limit: 2, sort: 'name', order: 'DESC' }, ctx);
      expect(region.total).toBe(3);
      expect(region.items.map((c) => c.name)).toEqual(['Vorukh', 'Somonien']);
    });

    it('should list the districts in scope with names in every language', async () => {
      const districts = await rpc.request(ListDistrictsQryV1, reviewerSughd, {}, ctx);
      expect(districts.items.map((d) => d.code)).toEqual(['isfara', 'khujand']);
      expect(Object.keys(districts.items[0].name).sort()).toEqual(['en', 'ky', 'ru', 'tg']);
    });
  });
});
