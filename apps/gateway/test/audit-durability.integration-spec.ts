import { ensureKeycloak, type KeycloakHandle } from '@rd/devstack';
import { eventStreamName } from '@rd/contracts';
import { ensureEventStream } from '@rd/messaging';
import { eventually, freePort, getToken, startPrivateNats, testSubjectPrefix, type PrivateNats } from '@rd/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect, JSONCodec, type NatsConnection } from 'nats';

/**
 * Every audited answer (writes and refusals) has its record durable before the client sees the
 * answer. The gateway runs as a CHILD PROCESS on a private nats-server, so the test can `kill -9` it mid-load, and the
 * ledger (answered requests by correlation id) is compared with the audit stream: none lost, none twice.
 * AUDIT_FAULT_LOAD_MS sets how long the load runs before the kill (default 2-4 s, random);
 * AUDIT_TEST_GATEWAY_ROOT runs another checkout's gateway (to show the old code loses records).
 */
const ROOT = resolve(process.env['AUDIT_TEST_GATEWAY_ROOT'] ?? join(__dirname, '..', '..', '..'));
const LOAD_MS = Number(process.env['AUDIT_FAULT_LOAD_MS'] ?? 2000 + Math.floor(Math.random() * 2000));
const CONCURRENCY = 16;
/** Gateway kills in the load test (AUDIT_FAULT_KILLS; each restart costs a few seconds of start-up). */
const KILLS = Number(process.env['AUDIT_FAULT_KILLS'] ?? 2);
const jsonCodec = JSONCodec();

interface GatewayProcess {
  url: string;
  child: ChildProcess;
  log: () => string;
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

async function startGateway(env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--enable-source-maps', '-r', '@swc-node/register', join(ROOT, 'apps/gateway/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
      GATEWAY_PORT: String(port),
      RATE_LIMIT_PER_IP: '100000000',
      RATE_LIMIT_PER_USER: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`gateway did not start in 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on http/.test(output)) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`gateway exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    child,
    log: () => output,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

interface Ledger {
  /** correlation id → HTTP status, for every request whose answer arrived. */
  answered: Map<string, number>;
  /** Requests sent whose answer never came (connection refused or cut by the kill). */
  unanswered: number;
  latenciesMs: number[];
}

type Target = { method: 'POST' | 'PATCH'; path: string; token: string; body: string };

/** Closed-loop load from CONCURRENCY workers, each request with its own correlation id, until `stop()` is true. */
async function drive(gateway: () => string, targets: Target[], stop: () => boolean, ledger: Ledger, tag: string): Promise<void> {
  let n = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (!stop()) {
        const target = targets[n % targets.length];
        const correlationId = `${tag}-${(n += 1)}-${randomUUID().slice(0, 8)}`;
        const started = performance.now();
        try {
          const response = await fetch(`${gateway()}${target.path}`, {
            method: target.method,
            headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json', 'x-correlation-id': correlationId },
            body: target.body,
          });
          await response.arrayBuffer();
          ledger.answered.set(correlationId, response.status);
          ledger.latenciesMs.push(performance.now() - started);
        } catch {
          ledger.unanswered += 1;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    }),
  );
}

/** Every audit record in the stream: correlation id → how many records, and how many messages in all. */
async function auditStream(nc: NatsConnection, stream: string): Promise<{ byCorrelation: Map<string, number>; messages: number; msgIds: Set<string> }> {
  const jsm = await nc.jetstreamManager();
  const info = await jsm.streams.info(stream);
  const byCorrelation = new Map<string, number>();
  const msgIds = new Set<string>();
  let messages = 0;
  if (info.state.messages > 0) {
    const consumer = await nc.jetstream().consumers.get(stream);
    const iterator = await consumer.fetch({ max_messages: info.state.messages, expires: 10_000 });
    for await (const message of iterator) {
      messages += 1;
      msgIds.add(message.headers?.get('Nats-Msg-Id') ?? '');
      const record = jsonCodec.decode(message.data) as { correlationId: string };
      byCorrelation.set(record.correlationId, (byCorrelation.get(record.correlationId) ?? 0) + 1);
      if (messages >= info.state.messages) break;
    }
  }
  return { byCorrelation, messages, msgIds };
}

function compare(ledger: Ledger, stored: Awaited<ReturnType<typeof auditStream>>) {
  const answered = [...ledger.answered.keys()];
  const audited = answered.filter((id) => stored.byCorrelation.has(id));
  return {
    requests: ledger.answered.size + ledger.unanswered,
    answered: answered.length,
    audited: audited.length,
    lost: answered.length - audited.length,
    duplicated: answered.filter((id) => (stored.byCorrelation.get(id) ?? 0) > 1).length,
    streamMessages: stored.messages,
    distinctMsgIds: stored.msgIds.size,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100 : NaN;
}

const spoolFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).length : 0);

describe('gateway audit records are durable before the answer (private nats-server, gateway as a child process)', () => {
  let keycloak: KeycloakHandle;
  let nats: PrivateNats;
  let nc: NatsConnection;
  let workDir: string;
  let reviewer: string;
  let ngo: string;
  const gateways: GatewayProcess[] = [];
  const report: string[] = [];

  /** Stands in for the communities service: every update is answered "not found" (a write that is audited as failed). */
  function stubCommunities(prefix: string) {
    const sub = nc.subscribe(`${prefix}.communities.cmd.community.update.v1`, { queue: 'communities' });
    void (async () => {
      for await (const msg of sub) {
        const packet = jsonCodec.decode(msg.data) as { id: string };
        msg.respond(jsonCodec.encode({ id: packet.id, err: { code: 'NOT_FOUND', message: 'no such community' }, isDisposed: true }));
      }
    })();
    return sub;
  }

  const targets = (): Target[] => [
    // A refusal: the reviewer may not create communities (403 from the guard, before any service).
    { method: 'POST', path: '/communities', token: reviewer, body: JSON.stringify({ name: 'Surkh' }) },
    // A write that reaches the (stub) service: audited with its final status.
    { method: 'PATCH', path: `/communities/${randomUUID()}`, token: ngo, body: JSON.stringify({ name: 'Surkh' }) },
  ];

  const gatewayEnv = (prefix: string, spoolDir?: string) => ({
    NATS_URL: nats.url,
    NATS_SUBJECT_PREFIX: prefix,
    KEYCLOAK_ISSUER_URL: keycloak.issuerUrl,
    ...(spoolDir ? { AUDIT_SPOOL_DIR: spoolDir } : {}),
  });

  async function launch(env: Record<string, string>): Promise<GatewayProcess> {
    const gateway = await startGateway(env);
    gateways.push(gateway);
    return gateway;
  }

  beforeAll(async () => {
    keycloak = await ensureKeycloak({ log: () => undefined });
    reviewer = await getToken('reviewer.sughd', undefined, { keycloakUrl: keycloak.url });
    ngo = await getToken('ngo.isfara', undefined, { keycloakUrl: keycloak.url });
    nats = await startPrivateNats();
    nc = await connect({ servers: nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
    workDir = mkdtempSync(join(tmpdir(), 'rd-audit-durability-'));
  });

  afterAll(async () => {
    for (const gateway of gateways) await gateway.kill('SIGKILL');
    await nc?.close();
    await nats?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    await keycloak?.stop();
    if (report.length) {
      mkdirSync(join(ROOT, 'test-output'), { recursive: true });
      writeFileSync(join(ROOT, 'test-output', 'audit-durability.md'), `${report.join('\n')}\n`);
      process.stdout.write(`${report.join('\n')}\n`);
    }
  });

  it('should lose no audit record of an answered request when the gateway is killed (-9) under load', async () => {
    const prefix = testSubjectPrefix();
    const spoolDir = join(workDir, 'kill');
    const stub = stubCommunities(prefix);
    let gateway = await launch(gatewayEnv(prefix, spoolDir));
    const ledger: Ledger = { answered: new Map(), unanswered: 0, latenciesMs: [] };
    let stop = false;
    const load = drive(() => gateway.url, targets(), () => stop, ledger, 'kill');

    await new Promise((r) => setTimeout(r, LOAD_MS));
    const steady = [...ledger.latenciesMs];
    const answeredBeforeKill = ledger.answered.size;
    for (let kill = 1; kill <= KILLS; kill += 1) {
      await gateway.kill('SIGKILL');
      gateway = await launch(gatewayEnv(prefix, spoolDir));
      await new Promise((r) => setTimeout(r, 500 + Math.floor(Math.random() * 1500)));
    }
    stop = true;
    await load;

    const stream = eventStreamName(prefix, 'audit');
    let result = compare(ledger, await auditStream(nc, stream));
    await eventually(async () => {
      result = compare(ledger, await auditStream(nc, stream));
      expect(result.lost).toBe(0);
    }, 15_000).catch(() => undefined);
    stub.unsubscribe();
    const statuses = new Set(ledger.answered.values());
    report.push(
      `| kill -9 x${KILLS} under load (${CONCURRENCY} clients, first kill after ${LOAD_MS} ms) | requests ${result.requests} | answered ${result.answered} (${answeredBeforeKill} before the first kill) | audited ${result.audited} | lost ${result.lost} | duplicated ${result.duplicated} | stream ${result.streamMessages} msgs | p50 ${percentile(steady, 50)} ms p99 ${percentile(steady, 99)} ms |`,
    );
    expect(statuses).toEqual(new Set([403, 404]));
    expect(answeredBeforeKill).toBeGreaterThan(50);
    expect({ lost: result.lost, duplicated: result.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(result.distinctMsgIds).toBe(result.streamMessages);
  });

  it('should lose no audit record when the gateway is killed (-9) while the broker stalls (SIGSTOP)', async () => {
    const prefix = testSubjectPrefix();
    const spoolDir = join(workDir, 'stall');
    const stub = stubCommunities(prefix);
    let gateway = await launch(gatewayEnv(prefix, spoolDir));
    const ledger: Ledger = { answered: new Map(), unanswered: 0, latenciesMs: [] };
    let stop = false;
    const load = drive(() => gateway.url, targets(), () => stop, ledger, 'stall');
    await new Promise((r) => setTimeout(r, 1000));
    await nats.kill('SIGSTOP');
    await new Promise((r) => setTimeout(r, 2500));
    const answeredInStall = ledger.answered.size;
    await gateway.kill('SIGKILL');
    await nats.kill('SIGCONT');
    gateway = await launch(gatewayEnv(prefix, spoolDir));
    await new Promise((r) => setTimeout(r, 1000));
    stop = true;
    await load;
    stub.unsubscribe();

    const stream = eventStreamName(prefix, 'audit');
    let result = compare(ledger, await auditStream(nc, stream));
    await eventually(async () => {
      result = compare(ledger, await auditStream(nc, stream));
      expect(result.lost).toBe(0);
    }, 15_000).catch(() => undefined);
    report.push(
      `| kill -9 during a 2.5 s broker stall (SIGSTOP) | requests ${result.requests} | answered ${result.answered} (${answeredInStall} before the kill) | audited ${result.audited} | lost ${result.lost} | duplicated ${result.duplicated} | stream ${result.streamMessages} msgs |`,
    );
    expect({ lost: result.lost, duplicated: result.duplicated }).toEqual({ lost: 0, duplicated: 0 });
  });

  it('should spool records while the audit stream is full, keep them across a kill -9, and deliver them once it has room', async () => {
    const prefix = testSubjectPrefix();
    const spoolDir = join(workDir, 'full');
    const jsm = await nc.jetstreamManager();
    // Full from the start: room for a handful of records only (discard new, as in production).
    const stream = await ensureEventStream(jsm, prefix, 'audit', { maxBytes: 8 * 1024 });
    let gateway = await launch(gatewayEnv(prefix, spoolDir));
    const ledger: Ledger = { answered: new Map(), unanswered: 0, latenciesMs: [] };
    let stop = false;
    await drive(() => gateway.url, targets().slice(0, 1), () => (stop ||= ledger.answered.size >= 300), ledger, 'full');
    const spooled = spoolFiles(spoolDir);
    await gateway.kill('SIGKILL');

    expect(new Set(ledger.answered.values())).toEqual(new Set([403]));
    const before = compare(ledger, await auditStream(nc, stream));

    const config = (await jsm.streams.info(stream)).config;
    await jsm.streams.update(stream, { ...config, max_bytes: 64 * 1024 * 1024 });
    gateway = await launch(gatewayEnv(prefix, spoolDir));
    let result = before;
    await eventually(async () => {
      result = compare(ledger, await auditStream(nc, stream));
      expect(result.lost).toBe(0);
    }, 30_000).catch(() => undefined);
    report.push(
      `| audit stream full, then kill -9 | requests ${result.requests} | answered ${result.answered} | in the stream before the restart ${before.audited} | spooled ${spooled} | audited ${result.audited} after restart | lost ${result.lost} | duplicated ${result.duplicated} | p50 ${percentile(ledger.latenciesMs, 50)} ms p99 ${percentile(ledger.latenciesMs, 99)} ms (spooled path) |`,
    );
    expect({ lost: result.lost, duplicated: result.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(spooled).toBeGreaterThan(200);
    await eventually(async () => expect(spoolFiles(spoolDir)).toBe(0), 10_000);
  });

  it('should spool while NATS is down and deliver after, and answer 503 where no spool is configured', async () => {
    const prefix = testSubjectPrefix();
    const spoolDir = join(workDir, 'down');
    const spooling = await launch(gatewayEnv(prefix, spoolDir));
    const failClosed = await launch(gatewayEnv(prefix));
    const ledger: Ledger = { answered: new Map(), unanswered: 0, latenciesMs: [] };
    const [refusal] = targets();
    // One record each while NATS is up, so the stream exists.
    await drive(() => spooling.url, [refusal], () => ledger.answered.size >= 1, ledger, 'up');

    await nats.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    await drive(() => spooling.url, [refusal], () => ledger.answered.size >= 101, ledger, 'down');
    const closed: Ledger = { answered: new Map(), unanswered: 0, latenciesMs: [] };
    await drive(() => failClosed.url, [refusal], () => closed.answered.size >= 20, closed, 'closed');
    const answer = await fetch(`${failClosed.url}/communities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${reviewer}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await answer.json()).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(new Set(ledger.answered.values())).toEqual(new Set([403]));
    expect(new Set(closed.answered.values())).toEqual(new Set([503]));
    const spooled = spoolFiles(spoolDir);
    expect(spooled).toBeGreaterThanOrEqual(100);

    await nats.restart();
    let result = compare(ledger, { byCorrelation: new Map(), messages: 0, msgIds: new Set() });
    await eventually(async () => {
      result = compare(ledger, await auditStream(nc, eventStreamName(prefix, 'audit')));
      expect(result.lost).toBe(0);
    }, 30_000);
    report.push(
      `| NATS kill -9 (down), spool | answered ${result.answered} (403) | spooled ${spooled} | audited ${result.audited} after NATS restart | lost ${result.lost} | duplicated ${result.duplicated} | without spool: ${closed.answered.size} answered 503 |`,
    );
    expect(result.duplicated).toBe(0);
  });
});
