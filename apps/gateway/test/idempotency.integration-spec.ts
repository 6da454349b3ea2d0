import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CreateCommunityCmdV1, DomainException, prefixedSubject, type CommunityView } from '@rd/contracts';
import { ensureKeycloak, type KeycloakHandle } from '@rd/devstack';
import { toRpcError } from '@rd/messaging';
import { deleteStreamsWithPrefix, getToken, testSubjectPrefix } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { createGateway } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { idempotencyBucketName } from '../src/idempotency/idempotency.store';

const RPC_TIMEOUT_MS = 1000;
const json = JSONCodec<Record<string, unknown>>();

/**
 * Real Keycloak tokens, real NATS (the KV bucket of keys included) and two gateway replicas; the communities
 * service is a NATS responder that counts the communities it "commits" and can be slower than the gateway's timeout.
 */
describe('Idempotency-Key', () => {
  const prefix = testSubjectPrefix();
  let keycloak: KeycloakHandle;
  let replicas: NestFastifyApplication[];
  let nc: NatsConnection;
  let token: string;
  const committed: string[] = [];
  let delayMs = 0;
  let failures = 0;
  const closed = new Set<NestFastifyApplication>();

  beforeAll(async () => {
    keycloak = await ensureKeycloak({ log: () => undefined });
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    const sub = nc.subscribe(prefixedSubject(prefix, CreateCommunityCmdV1.name), { queue: 'communities' });
    void (async () => {
      for await (const msg of sub) {
        const packet = json.decode(msg.data) as { id: string; data: { data: { name: string; districtCode: string } } };
        const wait = delayMs;
        void (async () => {
          if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
          if (failures > 0) {
            failures -= 1;
            msg.respond(json.encode({ id: packet.id, err: { code: 'SERVICE_UNAVAILABLE', message: 'database down' }, isDisposed: true }));
            return;
          }
          const refusal = REFUSALS[packet.data.data.name];
          if (refusal) {
            msg.respond(json.encode({ id: packet.id, err: refusal(), isDisposed: true }));
            return;
          }
          const view = communityView(packet.data.data.name, packet.data.data.districtCode);
          committed.push(view.id);
          msg.respond(json.encode({ id: packet.id, response: view, isDisposed: true }));
        })();
      }
    })();
    const config = loadConfig({
      GATEWAY_PORT: '0',
      NATS_SUBJECT_PREFIX: prefix,
      KEYCLOAK_ISSUER_URL: keycloak.issuerUrl,
      RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS),
      IDEMPOTENCY_LATE_REPLY_MS: '10000',
    });
    replicas = [];
    for (let i = 0; i < 2; i += 1) {
      const app = await createGateway(config, { logger: ['error'] });
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      replicas.push(app);
    }
    token = await getToken('ngo.isfara', undefined, { keycloakUrl: keycloak.url });
  });

  afterAll(async () => {
    for (const app of replicas ?? []) if (!closed.has(app)) await app.close();
    // The bucket of keys (KV_<PREFIX>_GATEWAY_IDEMPOTENCY) and the audit stream this prefix created.
    if (nc) {
      await deleteStreamsWithPrefix(nc, prefix);
      await expect((await nc.jetstreamManager()).streams.info(`KV_${idempotencyBucketName(prefix)}`)).rejects.toThrow('stream not found');
    }
    await nc?.drain();
    await keycloak?.stop();
  });

  beforeEach(() => {
    committed.length = 0;
    delayMs = 0;
    failures = 0;
  });

  const create = (body: object, key?: string, replica = 0) =>
    replicas[replica].inject({
      method: 'POST',
      url: '/api/v1/communities',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      payload: body,
    });

  it('should create once and replay the first answer when the same key comes twice', async () => {
    const key = randomUUID();
    const first = await create({ name: 'Khoja Alo', districtCode: 'isfara', kind: 'village' }, key);
    const second = await create({ name: 'Khoja Alo', districtCode: 'isfara', kind: 'village' }, key, 1);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(committed).toHaveLength(1);
  });

  it('should refuse with 422 the same key with another body, and change nothing', async () => {
    const key = randomUUID();
    expect((await create({ name: 'Somonien', districtCode: 'isfara', kind: 'village' }, key)).statusCode).toBe(201);
    const other = await create({ name: 'Somonien 2', districtCode: 'isfara', kind: 'village' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(committed).toHaveLength(1);
  });

  it('should run once when two replicas get the same key at the same time', async () => {
    delayMs = 200;
    const key = randomUUID();
    const body = { name: 'Chorkuh', districtCode: 'isfara', kind: 'village' };
    const answers = await Promise.all([create(body, key, 0), create(body, key, 1)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(committed).toHaveLength(1);
    // Once the first has its answer, the retry of the refused one gets it.
    expect((await create(body, key, 1)).json()).toEqual(answers.find((a) => a.statusCode === 201)?.json());
    expect(committed).toHaveLength(1);
  });

  it('should not create twice when the service answers after the gateway said 503 and the client retries', async () => {
    delayMs = RPC_TIMEOUT_MS * 2;
    const key = randomUUID();
    const body = { name: 'Vorukh', districtCode: 'isfara', kind: 'village' };
    const timedOut = await create(body, key);
    expect(timedOut.statusCode).toBe(503);
    // The client retries at once: the first is still running.
    const early = await create(body, key, 1);
    expect(early.statusCode).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, RPC_TIMEOUT_MS * 2));
    const retried = await create(body, key, 1);
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(committed).toHaveLength(1);
    expect(retried.json()).toMatchObject({ id: committed[0], name: 'Vorukh' });
  });

  it('should let a retry run again when the first attempt failed with 5xx (nothing was decided)', async () => {
    failures = 1;
    const key = randomUUID();
    const body = { name: 'Kulkent', districtCode: 'isfara', kind: 'village' };
    expect((await create(body, key)).statusCode).toBe(503);
    expect(committed).toHaveLength(0);
    const retried = await create(body, key, 1);
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(committed).toHaveLength(1);
  });

  it('should refuse a malformed key with 400 and leave writes without a key as they were', async () => {
    const bad = await create({ name: 'Surh', districtCode: 'isfara', kind: 'village' }, 'with space');
    expect(bad.statusCode).toBe(400);
    expect((await create({ name: 'Surh', districtCode: 'isfara', kind: 'village' }, 'x'.repeat(256))).statusCode).toBe(400);
    await create({ name: 'Surh', districtCode: 'isfara', kind: 'village' });
    await create({ name: 'Surh', districtCode: 'isfara', kind: 'village' });
    expect(committed).toHaveLength(2);
  });

  it("should answer a service's refusal as problem+json with its reason code, keyed or not, and a payload without one as before", async () => {
    const detail = 'A community with this name already exists in the district';
    const expected = {
      type: 'https://reporting-days.example/problems/community.duplicate-name',
      title: 'Conflict',
      status: 409,
      code: 'community.duplicate-name',
      detail,
      errors: [{ field: 'name', message: detail }],
    };
    const body = { name: 'Taken', districtCode: 'isfara', kind: 'village' };
    const plain = await create(body);
    expect(plain.statusCode).toBe(409);
    expect(plain.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(plain.json()).toMatchObject(expected);
    // A keyed write answers from the recorded answer: the same code, and the same again on a replay.
    const key = randomUUID();
    const keyed = await create(body, key);
    expect(keyed.json()).toMatchObject(expected);
    const replayed = await create(body, key, 1);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.json()).toMatchObject(expected);
    // An RPC error payload from before reason codes: the status as before, the generic code of its kind.
    const old = await create({ ...body, name: 'Taken by an older service' });
    expect(old.statusCode).toBe(409);
    expect(old.json()).toMatchObject({ status: 409, code: 'resource.invalid-transition', type: 'https://reporting-days.example/problems/resource.invalid-transition', detail: 'closed' });
    expect(committed).toHaveLength(0);
  });

  // Last: it stops replica 0.
  it('should record a late answer before a replica shuts down, so the retry at another replica gets it', async () => {
    delayMs = RPC_TIMEOUT_MS * 2;
    const key = randomUUID();
    const body = { name: 'Ovchi', districtCode: 'isfara', kind: 'village' };
    expect((await create(body, key)).statusCode).toBe(503);
    closed.add(replicas[0]);
    await replicas[0].close();
    const retried = await create(body, key, 1);
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(committed).toHaveLength(1);
  });
});

/** Names the stub refuses: as the communities service's RPC filter answers, and as a service built before reason codes did. */
const REFUSALS: Record<string, () => unknown> = {
  Taken: () => toRpcError(new DomainException('community.duplicate-name', 'A community with this name already exists in the district', 'name')),
  'Taken by an older service': () => ({ code: 'INVALID_TRANSITION', message: 'closed' }),
};

function communityView(name: string, districtCode: string): CommunityView {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    name,
    districtCode,
    regionCode: 'sughd',
    kind: 'village',
    population: null,
    borderAdjacent: false,
    languages: [],
    status: 'proposed',
    createdAt: now,
    code: `${districtCode}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    location: null,
    pairedCommunityIds: [],
    partnerOrganisationId: null,
    policeUnitId: null,
    officerContactId: null,
    focalPointContactIds: [],
    localGovernmentContactId: null,
    firstMeetingId: null,
    checklist: { focalPoint: false, localGovernmentContact: false, policeUnit: false, officer: false, firstReportingDayPlanned: false },
    allowedTransitions: ['onboarding', 'archived'],
    statusChangedAt: null,
    updatedAt: now,
  };
}
