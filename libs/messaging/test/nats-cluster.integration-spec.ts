import { eventStreamName } from '@rd/contracts';
import { eventually, startPrivateNatsCluster, type PrivateNatsCluster } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { deadLetterStreamName, EventConsumer, jetStreamPublisher, natsConnectionOptions } from '../src';
import { WidgetCreatedEvtV1 } from './support/widget';

/**
 * What running NATS as a cluster changes (docs/runbooks/production-identity.md): a private 3-node cluster, never the
 * shared server. Streams created with NATS_STREAM_REPLICAS=3 keep every event through the loss of a node.
 */
describe('event streams on a 3-node NATS cluster', () => {
  let cluster: PrivateNatsCluster;
  let nc: NatsConnection;
  const prefix = 'rdcluster';
  const consumers: EventConsumer<typeof WidgetCreatedEvtV1>[] = [];

  beforeAll(async () => {
    cluster = await startPrivateNatsCluster(3);
    // As a deployable connects: NATS_URL lists the nodes, reconnecting forever.
    nc = await connect({ ...natsConnectionOptions('reporting', cluster.url), name: 'cluster-test', maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  }, 60_000);

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop().catch(() => undefined);
    await nc?.close().catch(() => undefined);
    await cluster?.stop();
  });

  it('should create replicated streams and deliver every event, once, after the stream leader is killed', async () => {
    const received: string[] = [];
    const consumer = new EventConsumer({
      nc,
      prefix,
      service: 'reporting',
      event: WidgetCreatedEvtV1,
      streamReplicas: 3,
      logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
      handle: async (_payload, meta) => {
        received.push(meta.messageId);
      },
    });
    consumers.push(consumer);
    await consumer.start();

    const jsm = await nc.jetstreamManager();
    const stream = await jsm.streams.info(eventStreamName(prefix, 'communities'));
    expect(stream.config.num_replicas).toBe(3);
    expect(stream.cluster?.replicas).toHaveLength(2);
    expect((await jsm.streams.info(deadLetterStreamName(prefix))).config.num_replicas).toBe(3);

    const publish = jetStreamPublisher(nc.jetstream(), prefix, 2000);
    const event = () => ({ id: randomUUID(), subject: WidgetCreatedEvtV1.name, payload: { widgetId: randomUUID(), name: 'w' }, correlationId: 'cluster', occurredAt: new Date() });
    const before = event();
    await publish(before);
    await eventually(() => expect(received).toContain(before.id), 10_000);

    // Kill the node leading the stream: the others elect a new leader and keep the acknowledged event.
    const leader = cluster.nodes.find((node) => node.name === stream.cluster?.leader);
    expect(leader).toBeDefined();
    await leader?.kill();
    const after = event();
    const killedAt = performance.now();
    // Publishing retries while the cluster re-elects; the same message id makes a repeat a no-op (duplicate window).
    await eventually(() => publish(after), 30_000, 250);
    const publishedAt = performance.now();
    await eventually(() => expect(received).toContain(after.id), 45_000);
    process.stdout.write(
      `[cluster] leader ${leader?.name} killed: publish accepted after ${(publishedAt - killedAt).toFixed(0)} ms, consumed after ${(performance.now() - killedAt).toFixed(0)} ms\n`,
    );

    const survived = await jsm.streams.info(eventStreamName(prefix, 'communities'));
    expect(survived.state.messages).toBe(2);
    expect(survived.cluster?.leader).not.toBe(leader?.name);
    expect(received.filter((id) => id === after.id)).toHaveLength(1);
  }, 90_000);
});
