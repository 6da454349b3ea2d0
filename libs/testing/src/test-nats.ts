import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';

export function testNatsUrl(): string {
  
  return process.env['RD_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
}

/** A subject prefix no other suite uses, so suites share the NATS server without seeing each other. */
export function testSubjectPrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** Deletes every stream (and so its consumers) created under a test prefix. */
export async function deleteStreamsWithPrefix(nc: NatsConnection, prefix: string): Promise<number> {
  const jsm = await nc.jetstreamManager();
  const names: string[] = [];
  for await (const stream of jsm.streams.list()) {
    // KV buckets live in streams named KV_<bucket> (the gateway's idempotency keys: KV_<PREFIX>_GATEWAY_IDEMPOTENCY).
    const name = stream.config.name.replace(/^KV_/, '');
    if (name.startsWith(`${prefix.toUpperCase()}_`)) names.push(stream.config.name);
  }
  for (const name of names) await jsm.streams.delete(name);
  return names.length;
}

export async function connectTestNats(url = testNatsUrl()): Promise<NatsConnection> {
  return connect({ servers: url, name: 'rd-test' });
}
