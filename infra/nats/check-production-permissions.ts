/**
 * Proves infra/nats/nats-production.conf: starts a private nats-server with it (TLS with a throwaway CA, random
 * passwords, a temporary store, random ports), then, as each deployable's user, does what the code does with the
 * real @rd/messaging pieces (request-reply in queue groups, ensureEventStream, jetStreamPublisher, EventConsumer
 * with ack, nak, redelivery and dead-lettering), and tries what must be refused (forged commands and events,
 * listening in, deleting or reading others' consumers, subscribing to another user's reply inbox or the shared
 * `_INBOX.>`); each user connects with the inbox prefix the code gives it (inboxPrefixFor). Requests, events and
 * consumers come from the catalogue (CATALOGUE, EVENT_CONSUMERS), so a new consumer or owner without grants in the
 * config fails here.
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register infra/nats/check-production-permissions.ts
 *
 * Needs `nats-server` (NATS_SERVER_BIN, default /usr/sbin/nats-server) and `openssl`. Exit code 1 on any failure.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { CATALOGUE, EVENT_CONSUMERS, ListCommunitiesQryV1, OWNERS, type Actor, type EventDef, type Owner } from '@rd/contracts';
import { connect, Events, JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { deadLetterStreamName, deadLetterSubject, ensureEventStream } from '../../libs/messaging/src/streams';
import { jetStreamPublisher } from '../../libs/messaging/src/jetstream.publisher';
import { applyProductionStreamLimits, PRODUCTION_STREAM_LIMITS, streamUsage } from '../../libs/messaging/src/stream-capacity';
import { EventConsumer, PoisonMessageError } from '../../libs/messaging/src/event.consumer';
import { inboxPrefixFor } from '../../libs/messaging/src/inbox-prefix';
import { natsAuthFromEnv } from '../../libs/messaging/src/nats-endpoint';
import { createServiceApp } from '../../libs/messaging/src/nest/bootstrap-service';
import { RpcClient } from '../../libs/messaging/src/rpc.client';

// eslint-disable-next-line no-process-env -- a standalone script; its only read of the environment
const ENV = process.env;
const PREFIX = 'rd';
/** RD_NATS_CONFIG: another file to check, e.g. a changed copy that must fail. */
const CONFIG = ENV['RD_NATS_CONFIG'] ?? resolve(__dirname, 'nats-production.conf');
const NATS_SERVER_BIN = ENV['NATS_SERVER_BIN'] ?? '/usr/sbin/nats-server';
const USERS = ['gateway', 'communities', 'meetings', 'notifications', 'reporting', 'audit', 'ops'] as const;
type User = (typeof USERS)[number];
/** Who may submit audit records (docs/adr/0003-audit-trail.md): the gateway and every service with an outbox relay. */
const AUDIT_PRODUCERS: readonly User[] = ['gateway', 'communities', 'meetings', 'notifications'];
const AUDIT_EVENT = 'audit.evt.entry.submitted.v1';
/** The only requests on other services' subjects not sent by the gateway: notifications resolving recipients. */
const NOTIFICATIONS_QUERIES = [
  'communities.qry.contact.list.v1',
  'communities.qry.organisation.list.v1',
  'communities.qry.community.get.v1',
  'communities.qry.community.list.v1',
  'communities.qry.district.get.v1',
  'meetings.qry.meeting.get.v1',
  'meetings.qry.meeting.list.v1',
  'meetings.qry.minutes.get.v1',
];
/** The reads meetings makes, as the caller of the command, to check a meeting's place and references (ADR 7). */
const MEETINGS_QUERIES = [
  'communities.qry.district.get.v1',
  'communities.qry.community.get.v1',
  'communities.qry.organisation.get.v1',
  'communities.qry.contact.list.v1',
  'communities.qry.organisation.list.v1',
];
const json = JSONCodec();
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

let failures = 0;
function report(ok: boolean, what: string, detail = ''): void {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stand-in for the communities service's handler: what matters here is how the deployable connects. */
@Controller()
class ProbeController {
  @MessagePattern(ListCommunitiesQryV1.name)
  list(): { items: never[]; total: number } {
    return { items: [], total: 0 };
  }
}
@Module({ controllers: [ProbeController] })
class ProbeModule {}

interface Conn {
  nc: NatsConnection;
  /** Subjects the server refused, as `publish <subject>` / `subscription <subject>`. */
  violations: string[];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rd-nats-prod-'));
  const cert = join(dir, 'server.pem');
  const key = join(dir, 'server-key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const passwords = Object.fromEntries([...USERS, 'sys'].map((u) => [u, randomBytes(18).toString('base64url')])) as Record<User | 'sys', string>;
  const port = await freePort();
  const httpPort = await freePort();
  const env = {
    ...ENV,
    RD_NATS_SERVER_NAME: 'rd-nats-check',
    RD_NATS_TLS_CERT: cert,
    RD_NATS_TLS_KEY: key,
    // Quoted: NATS parses a variable's value as config, so `4k…` would read as a number and `$2a$…` as a reference.
    ...Object.fromEntries(Object.entries(passwords).map(([u, p]) => [`RD_NATS_${u.toUpperCase()}_PASSWORD`, `"${p}"`])),
  };
  // The file as committed, but a private store (a later `jetstream` block replaces the file's; `-sd` would clash
  // with its store_dir) and random ports (flags win over the file).
  copyFileSync(CONFIG, join(dir, 'nats-production.conf')); // include paths are relative to the including file
  const wrapper = join(dir, 'check.conf');
  writeFileSync(wrapper, `include ./nats-production.conf\njetstream { store_dir: "${join(dir, 'js')}" }\n`);
  const server = spawn(NATS_SERVER_BIN, ['-c', wrapper, '-a', '127.0.0.1', '-p', String(port), '-m', String(httpPort)], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Never leave the server behind, whatever happens to this process.
  const killServer = () => server.kill('SIGKILL');
  process.once('exit', killServer);
  let serverLog = '';
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  const conns: Conn[] = [];
  try {
    const open = async (user: User | undefined, pass?: string): Promise<Conn> => {
      const nc = await connect({
        servers: `127.0.0.1:${port}`,
        tls: { caFile: cert },
        name: `check-${user ?? 'anonymous'}`,
        reconnect: false,
        // As every connection of the deployable does: replies come to its own inbox.
        ...(user ? { user, pass: pass ?? passwords[user], inboxPrefix: inboxPrefixFor(user) } : {}),
      });
      const conn: Conn = { nc, violations: [] };
      void (async () => {
        for await (const status of nc.status()) {
          const context = (status as { permissionContext?: { operation: string; subject: string } }).permissionContext;
          if (status.type === Events.Error && context) conn.violations.push(`${context.operation} ${context.subject}`);
        }
      })();
      conns.push(conn);
      return conn;
    };
    for (let i = 0; ; i++) {
      try {
        await (await open('ops')).nc.flush();
        break;
      } catch (error) {
        if (i > 50 || server.exitCode !== null) throw new Error(`nats-server did not come up: ${(error as Error).message}\n${serverLog}`);
        await sleep(100);
      }
    }
    report(true, `nats-server ${CONFIG} started with TLS on 127.0.0.1:${port}`);

    // Authentication
    for (const [who, attempt] of [
      ['no credentials', () => open(undefined)],
      ['a wrong password', () => open('gateway', 'not-the-password')],
    ] as const) {
      const refused = await attempt().then(
        () => false,
        () => true,
      );
      report(refused, `a connection with ${who} is refused`);
    }

    const as = Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await open(u)] as const))) as Record<User, Conn>;
    const refusedPublish = async (user: User, subject: string) => {
      const { nc, violations } = as[user];
      nc.publish(subject, json.encode({ forged: true }));
      await nc.flush();
      await sleep(50);
      return violations.includes(`publish ${subject}`);
    };
    const refusedSubscribe = async (user: User, subject: string, queue?: string) => {
      const { nc, violations } = as[user];
      const sub = nc.subscribe(subject, { queue, callback: () => undefined });
      await nc.flush();
      await sleep(50);
      sub.unsubscribe();
      return violations.includes(`subscription ${subject}`);
    };

    // Request-reply: the gateway asks, the owner answers in its queue group.
    const violationCounts = () => Object.fromEntries(USERS.map((u) => [u, as[u].violations.length])) as Record<User, number>;
    const noNewViolations = (before: Record<User, number>, what: string) => {
      const refused = USERS.flatMap((u) => as[u].violations.slice(before[u]).map((v) => `${u}: ${v}`));
      report(refused.length === 0, `${what} without a permission violation`, refused.join(', '));
    };
    let before = violationCounts();
    const requestOwners = [...new Set(CATALOGUE.filter((m) => m.kind !== 'evt').map((m) => m.owner))];
    const responders: Subscription[] = [];
    for (const owner of requestOwners) {
      const { nc } = as[owner as User];
      for (const kind of ['cmd', 'qry']) {
        responders.push(nc.subscribe(`${PREFIX}.${owner}.${kind}.>`, { queue: owner, callback: (_err, msg) => msg.respond(json.encode({ answeredBy: owner })) }));
      }
      await nc.flush();
    }
    for (const def of CATALOGUE.filter((m) => m.kind !== 'evt')) {
      const reply = await as.gateway.nc.request(`${PREFIX}.${def.name}`, json.encode({ actor: {}, data: {} }), { timeout: 2000 }).then(
        (m) => json.decode(m.data) as { answeredBy?: string },
        (error: Error) => ({ error: error.message }),
      );
      report((reply as { answeredBy?: string }).answeredBy === def.owner, `gateway -> ${def.owner}: ${def.name}`, JSON.stringify(reply));
    }

    // The named reads of services (docs/adr/0005): notifications resolves recipients as its service actor
    // (docs/adr/0015-notifications.md); meetings checks a meeting's place and references as the command's caller (ADR 7).
    const namedReads = [
      ['notifications', NOTIFICATIONS_QUERIES],
      ['meetings', MEETINGS_QUERIES],
    ] as const;
    for (const [user, names] of namedReads) {
      for (const name of names) {
        const owner = name.split('.')[0];
        const reply = await as[user].nc.request(`${PREFIX}.${name}`, json.encode({ actor: {}, data: {} }), { timeout: 2000 }).then(
          (m) => json.decode(m.data) as { answeredBy?: string },
          (error: Error) => ({ error: error.message }),
        );
        report((reply as { answeredBy?: string }).answeredBy === owner, `${user} -> ${owner}: ${name}`, JSON.stringify(reply));
      }
    }

    noNewViolations(before, 'request-reply');
    report(await refusedPublish('notifications', `${PREFIX}.meetings.qry.concern.list.v1`), 'notifications cannot read concerns');
    report(await refusedPublish('meetings', `${PREFIX}.communities.qry.community.list.v1`), 'meetings cannot list communities');
    report(await refusedPublish('meetings', `${PREFIX}.communities.cmd.contact.update.v1`), 'meetings cannot change a contact');
    report(await refusedPublish('notifications', `${PREFIX}.communities.cmd.contact.update.v1`), 'notifications cannot change a contact');

    // Only the gateway speaks for users; nobody listens in on requests.
    for (const owner of requestOwners) {
      const other = requestOwners.find((o) => o !== owner) ?? 'communities';
      for (const service of USERS.filter((u) => u !== 'gateway')) {
        report(await refusedPublish(service, `${PREFIX}.${owner}.cmd.forged.request.v1`), `${service} cannot send a command to ${owner}`);
      }
      for (const kind of ['cmd', 'qry']) {
        report(
          await refusedSubscribe(owner as User, `${PREFIX}.${owner}.${kind}.>`),
          `${owner} cannot subscribe to its ${kind} subjects outside a queue group`,
        );
        report(
          await refusedSubscribe(owner as User, `${PREFIX}.${owner}.${kind}.>`, 'spy'),
          `${owner} cannot subscribe to its ${kind} subjects in another queue group`,
        );
      }
      report(await refusedSubscribe(owner as User, `${PREFIX}.${other}.qry.>`, other), `${owner} cannot join ${other}'s queue group`);
      report(await refusedSubscribe('gateway', `${PREFIX}.${owner}.qry.>`, owner), `the gateway cannot answer ${owner}'s queries`);
    }
    report(await refusedPublish('communities', `${inboxPrefixFor('gateway')}.forged.reply`), 'a service cannot publish to an inbox it was not asked on');
    report(await refusedPublish('ops', `${PREFIX}.communities.cmd.community.create.v1`), 'ops cannot send a command');

    // Streams and events: each owner creates its stream and publishes its events with the relay's publisher.
    const eventDefs = CATALOGUE.filter((m): m is EventDef => m.kind === 'evt');
    const producersOf = (def: EventDef): User[] => (def.name === AUDIT_EVENT ? [...AUDIT_PRODUCERS] : [def.owner as User]);
    const publish = async (user: User, def: EventDef, payload: Record<string, unknown>) => {
      // As the code does: a relay creates its owner's stream only; the gateway creates the audit stream.
      if (user === def.owner || user === 'gateway') await ensureEventStream(await as[user].nc.jetstreamManager(), PREFIX, def.owner);
      await jetStreamPublisher(
        as[user].nc.jetstream(),
        PREFIX,
        2000,
      )({
        id: randomBytes(8).toString('hex'),
        subject: def.name,
        payload,
        correlationId: 'check',
        occurredAt: new Date(),
      });
    };
    before = violationCounts();
    for (const def of eventDefs) {
      for (const producer of producersOf(def)) {
        const error = await publish(producer, def, { check: producer }).then(
          () => undefined,
          (e: Error) => e.message,
        );
        report(error === undefined, `${producer} publishes ${def.name} (JetStream, acknowledged)`, error);
      }
    }
    noNewViolations(before, 'publishing events');

    // Idempotency keys (docs/adr/0029-idempotency-keys.md): the gateway creates its KV bucket and claims, reads,
    // completes and releases keys, as apps/gateway/src/idempotency/idempotency.store.ts does; nobody else touches it.
    before = violationCounts();
    const kvError = await (async () => {
      const kv = await as.gateway.nc.jetstream().views.kv(`${PREFIX.toUpperCase()}_GATEWAY_IDEMPOTENCY`, { ttl: 24 * 3600 * 1000, history: 1, max_bytes: 1024 * 1024 * 1024 });
      const revision = await kv.create('check', json.encode({ state: 'in-progress' }));
      const duplicate = await kv.create('check', json.encode({ state: 'in-progress' })).then(() => 'created twice', () => undefined);
      if (duplicate) return duplicate;
      if ((await kv.get('check'))?.revision !== revision) return 'read back another revision';
      const completed = await kv.update('check', json.encode({ state: 'completed' }), revision);
      await kv.delete('check', { previousSeq: completed });
      return undefined;
    })().catch((e: Error) => e.message);
    report(kvError === undefined, 'the gateway creates its idempotency KV bucket and claims, reads, completes and releases a key', kvError);
    noNewViolations(before, 'idempotency keys');
    report(await refusedPublish('communities', `$KV.${PREFIX.toUpperCase()}_GATEWAY_IDEMPOTENCY.forged`), 'a service cannot write an idempotency key');

    // Stream sizes and fill levels (docs/runbooks/streams.md). The file's max_file_store must hold the streams'
    // reservations; this server runs with its own store (and default limit), so ops applies the limits scaled down:
    // what is checked here is that ops may create and update every stream.
    const reserved = Object.values(PRODUCTION_STREAM_LIMITS).reduce((sum, l) => sum + l.maxBytes, 0);
    const maxFileStore = /max_file_store:\s*(\d+)GB/.exec(readFileSync(CONFIG, 'utf8'));
    report(
      !!maxFileStore && Number(maxFileStore[1]) * 1024 ** 3 >= reserved,
      `max_file_store (${maxFileStore?.[1]}GB) holds the production stream limits (${(reserved / 1024 ** 3).toFixed(0)} GiB)`,
    );
    const scaled = Object.fromEntries(
      Object.entries(PRODUCTION_STREAM_LIMITS).map(([k, l]) => [k, { ...l, maxBytes: Math.ceil(l.maxBytes / 64) }]),
    ) as unknown as typeof PRODUCTION_STREAM_LIMITS;
    const sized = await applyProductionStreamLimits(await as.ops.nc.jetstreamManager(), PREFIX, { apply: true, limits: scaled }).then(
      () => undefined,
      (e: Error) => e.message,
    );
    report(sized === undefined, 'ops creates and sizes the streams (apply-stream-limits.ts)', sized);
    before = violationCounts();
    for (const user of ['communities', 'meetings', 'notifications'] as const) {
      const jsm = await as[user].nc.jetstreamManager();
      for (const stream of [`${PREFIX}_${user}_EVT`.toUpperCase(), `${PREFIX}_AUDIT_EVT`.toUpperCase()]) {
        const usage = await streamUsage(jsm, stream);
        report(usage.exists && usage.maxBytes > 0, `${user} reads the fill level of ${stream}`);
      }
    }
    noNewViolations(before, 'reading stream fill levels');
    for (const def of eventDefs) {
      for (const user of USERS.filter((u) => !producersOf(def).includes(u) && u !== 'ops')) {
        report(await refusedPublish(user, `${PREFIX}.${def.name}`), `${user} cannot publish ${def.name}`);
      }
    }
    for (const owner of OWNERS) {
      for (const user of USERS) {
        report(await refusedSubscribe(user, `${PREFIX}.${owner}.evt.>`), `${user} cannot read ${owner}'s events outside a consumer`);
      }
    }

    // Durable consumers, as EventConsumer runs them: ack, nak and redelivery, dead letter.
    let rebuildTarget: { stream: string; durable: string } | undefined;
    for (const [eventName, consumers] of Object.entries(EVENT_CONSUMERS)) {
      const def = eventDefs.find((d) => d.name === eventName);
      if (!def) {
        report(false, `EVENT_CONSUMERS names ${eventName}, which is not in the catalogue`);
        continue;
      }
      for (const service of consumers as Owner[]) {
        const seen: string[] = [];
        let failedOnce = false;
        const violationsBefore = as[service as User].violations.length;
        const consumer = new EventConsumer({
          nc: as[service as User].nc,
          prefix: PREFIX,
          service,
          // Payload schemas are not the point here: every published message reaches the handler.
          event: { ...def, schema: { parse: (value: unknown) => value } } as unknown as EventDef,
          maxDeliver: 2,
          retryDelayMs: () => 50,
          logger: quiet,
          handle: async (payload) => {
            const p = payload as { mark?: string };
            if (p.mark === 'flaky' && !failedOnce) {
              failedOnce = true;
              throw new Error('transient');
            }
            // Poison (deterministic refusal) is dead-lettered at once; a plain error would be retried without limit.
            if (p.mark === 'poison') throw new PoisonMessageError('always fails');
            if (p.mark) seen.push(p.mark);
          },
        });
        const started = await consumer.start().then(
          () => undefined,
          (e: Error) => e.message,
        );
        report(started === undefined, `${service} starts its durable consumer ${consumer.durable} on ${def.owner}'s stream`, started);
        if (started === undefined && service === 'reporting') rebuildTarget ??= { stream: `${PREFIX}_${def.owner}_EVT`.toUpperCase(), durable: consumer.durable };
        if (started !== undefined) {
          const stream = `${PREFIX}_${def.owner}_EVT`.toUpperCase();
          const grants = [
            `$JS.API.STREAM.INFO.${stream}`,
            `$JS.API.STREAM.CREATE.${stream}`,
            '$JS.API.STREAM.INFO.RD_DLQ',
            '$JS.API.STREAM.CREATE.RD_DLQ',
          ]
            .concat(['INFO', 'CREATE', 'DURABLE.CREATE', 'MSG.NEXT'].map((api) => `$JS.API.CONSUMER.${api}.${stream}.${consumer.durable}`))
            .concat([
              `$JS.API.CONSUMER.CREATE.${stream}.${consumer.durable}.>`,
              `$JS.ACK.${stream}.${consumer.durable}.>`,
              deadLetterSubject(PREFIX, consumer.durable),
            ]);
          console.log(`     ${service.toUpperCase()}_PERMISSIONS.publish.allow needs all of:\n${grants.map((g) => `       "${g}",`).join('\n')}`);
          continue;
        }
        const producer = producersOf(def)[0];
        for (const mark of ['ok', 'flaky', 'poison']) await publish(producer, def, { mark });
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline && !(seen.includes('ok') && seen.includes('flaky'))) await sleep(50);
        report(seen.includes('ok'), `${consumer.durable} gets and acks an event`);
        report(seen.includes('flaky'), `${consumer.durable} gets a nak'ed event again`);
        let parked = false;
        const dlq = await as.ops.nc.jetstreamManager();
        while (Date.now() < deadline + 5_000 && !parked) {
          parked = await dlq.streams.getMessage(deadLetterStreamName(PREFIX), { last_by_subj: deadLetterSubject(PREFIX, consumer.durable) }).then(
            () => true,
            () => false,
          );
          if (!parked) await sleep(100);
        }
        report(parked, `${consumer.durable} parks a poison event in ${deadLetterStreamName(PREFIX)}`);
        // term() is a plain publish: give the server a moment to process it.
        let info = await dlq.consumers.info(`${PREFIX}_${def.owner}_EVT`.toUpperCase(), consumer.durable);
        for (let i = 0; i < 50 && (info.num_ack_pending > 0 || info.num_pending > 0); i++) {
          await sleep(100);
          info = await dlq.consumers.info(`${PREFIX}_${def.owner}_EVT`.toUpperCase(), consumer.durable);
        }
        report(
          info.num_ack_pending === 0 && info.num_pending === 0,
          `${consumer.durable} leaves nothing pending`,
          `ack pending ${info.num_ack_pending}, pending ${info.num_pending}`,
        );
        await consumer.stop();
        const refused = as[service as User].violations.slice(violationsBefore);
        report(refused.length === 0, `${consumer.durable} ran without a permission violation`, refused.join(', '));

        const stream = `${PREFIX}_${def.owner}_EVT`.toUpperCase();
        report(
          await refusedPublish(service as User, `$JS.API.CONSUMER.DELETE.${stream}.${consumer.durable}`),
          `${service} cannot delete its own durable`,
        );
        report(await refusedPublish(service as User, `$JS.API.STREAM.DELETE.${stream}`), `${service} cannot delete ${stream}`);
        report(await refusedPublish(service as User, `$JS.API.STREAM.PURGE.${stream}`), `${service} cannot purge ${stream}`);
        for (const other of USERS.filter((u) => u !== service && u !== 'ops')) {
          report(
            await refusedPublish(other, `$JS.API.CONSUMER.MSG.NEXT.${stream}.${consumer.durable}`),
            `${other} cannot pull from ${consumer.durable}`,
          );
          report(
            await refusedPublish(other, `$JS.API.CONSUMER.CREATE.${stream}.${other}__spy.${PREFIX}.${def.name}`),
            `${other} cannot create a consumer on ${stream}`,
          );
        }
      }
    }
    report(await refusedPublish('ops', `${PREFIX}.${AUDIT_EVENT}`), 'ops cannot forge an audit record');

    // Reply inboxes: each user subscribes to its own `_INBOX_<user>.>` only (inboxPrefixFor), so nobody reads replies,
    // API answers or pulled messages meant for another, and nobody may subscribe to the shared default `_INBOX.>`.
    for (const user of USERS) {
      const own = `${inboxPrefixFor(user)}.>`;
      report(!(await refusedSubscribe(user, own)), `${user} may subscribe to its own inbox ${own}`);
      report(await refusedSubscribe(user, '_INBOX.>'), `${user} cannot subscribe to the shared inbox _INBOX.>`);
      for (const other of USERS.filter((u) => u !== user)) {
        const theirs = `${inboxPrefixFor(other)}.>`;
        report(await refusedSubscribe(user, theirs), `${user} cannot subscribe to the ${other} inbox ${theirs}`);
      }
    }
    // And end to end: whatever reporting subscribes to, it does not see the reply to a gateway request.
    const overheard: string[] = [];
    const spies = ['_INBOX.>', `${inboxPrefixFor('gateway')}.>`].map((subject) =>
      as.reporting.nc.subscribe(subject, { callback: (err, msg) => (err ? undefined : overheard.push(msg.subject)) }),
    );
    await as.reporting.nc.flush();
    const probe = CATALOGUE.find((m) => m.kind === 'qry' && m.owner === 'communities');
    const answered = probe
      ? await as.gateway.nc.request(`${PREFIX}.${probe.name}`, json.encode({}), { timeout: 2000 }).then(
          () => true,
          () => false,
        )
      : false;
    await sleep(100);
    spies.forEach((spy) => spy.unsubscribe());
    report(
      answered && overheard.length === 0,
      'reporting cannot read a reply meant for the gateway',
      overheard.length > 0 ? `overheard ${overheard.join(', ')}` : answered ? '' : 'the gateway got no reply',
    );
    // The deployables' own clients, configured as production configures them (NATS_URL listing a cluster, NATS_USER,
    // NATS_PASSWORD, NATS_TLS_CA through natsAuthFromEnv): Nest's NATS server in its queue group, the gateway's
    // RpcClient with its own inbox. The first URL of the list answers nothing, so the client must fail over.
    // The stand-in responders of the request-reply checks leave the communities queue group to the service app.
    responders.forEach((responder) => responder.unsubscribe());
    await as.communities.nc.flush();
    const clusterUrl = `nats://127.0.0.1:${await freePort()},nats://127.0.0.1:${port}`;
    const authOf = (user: User) => natsAuthFromEnv({ NATS_USER: user, NATS_PASSWORD: passwords[user], NATS_TLS_CA: cert });
    const service = await createServiceApp(ProbeModule, { service: 'communities', natsUrl: clusterUrl, natsAuth: authOf('communities'), prefix: PREFIX, logger: ['error'] }).catch(
      (error: Error) => report(false, 'a service app connects with NATS_USER/NATS_PASSWORD/NATS_TLS_CA', error.message),
    );
    const gatewayRpc = new RpcClient({ servers: clusterUrl, prefix: PREFIX, name: 'check-gateway-rpc', natsUser: 'gateway', natsAuth: authOf('gateway') });
    try {
      await gatewayRpc.connect().catch((error: Error) => report(false, 'the gateway RpcClient connects with NATS_USER/NATS_PASSWORD/NATS_TLS_CA', error.message));
      const actor: Actor = { userId: 'check', username: 'check', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
      const reply = await gatewayRpc.request(ListCommunitiesQryV1, actor, ListCommunitiesQryV1.schema.parse({}), { correlationId: 'check', timeoutMs: 5000 }).then(
        (answer) => JSON.stringify(answer),
        (error: Error) => error.message,
      );
      report(reply === '{"items":[],"total":0}', 'the gateway RpcClient and a service app connect with NATS_USER/NATS_PASSWORD/NATS_TLS_CA and talk', reply);
      const anonymous = new RpcClient({ servers: `nats://127.0.0.1:${port}`, prefix: PREFIX, name: 'check-anonymous-rpc', natsUser: 'gateway' });
      const refused = await anonymous.connect().then(
        () => false,
        () => true,
      );
      await anonymous.close().catch(() => undefined);
      report(refused, 'the same client without credentials is refused');
    } finally {
      await gatewayRpc.close().catch(() => undefined);
      await service?.close();
    }

    // Rebuilding reporting's read models deletes its durable consumers (services/reporting/src/rebuild.ts with
    // REBUILD_OPS_NATS_URL): the services may not (above), ops may. Last, as it removes one.
    if (rebuildTarget) {
      const { stream, durable } = rebuildTarget;
      const deleted = await (await as.ops.nc.jetstreamManager()).consumers.delete(stream, durable).then(
        () => true,
        (error: unknown) => (error as Error).message,
      );
      report(deleted === true, `ops may delete ${durable} (reporting rebuild)`, deleted === true ? '' : String(deleted));
    } else report(false, 'no reporting durable consumer was started to check the rebuild with');
    console.log(failures === 0 ? '\nall checks passed' : `\n${failures} check(s) failed`);
  } finally {
    await Promise.race([Promise.all(conns.map(({ nc }) => nc.close().catch(() => undefined))), sleep(2000)]);
    process.removeListener('exit', killServer);
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(undefined) : server.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => {
    process.exitCode = failures === 0 ? 0 : 1;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
