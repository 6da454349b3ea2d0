import type { EntityManager } from '@mikro-orm/postgresql';
import { eventStreamName, type Owner } from '@rd/contracts';
import type { NatsConnection } from 'nats';

/** Tables built only from events: dropped (emptied) and rebuilt by replaying the streams. Export jobs are not among them. */
export const READ_MODEL_TABLES = [
  'community_snapshot',
  'district_summary',
  'district_info',
  'community_status_fact',
  'meeting_fact',
  'concern_fact',
  'action_fact',
  'community_quarter',
  'report_cell',
] as const;

/** Streams reporting consumes. */
const CONSUMED_OWNERS: readonly Owner[] = ['communities', 'meetings'];
const DURABLE_PREFIX = 'reporting__';

/**
 * Empties the read models and the reporting inbox, and deletes reporting's durable consumers, so the next start
 * creates them again from the first message of each stream (deliver policy `all`) and replays the history.
 * Run it with the reporting service stopped.
 */
export async function dropReadModels(em: EntityManager, nc: NatsConnection, prefix: string): Promise<string[]> {
  const jsm = await nc.jetstreamManager();
  const deleted: string[] = [];
  for (const owner of CONSUMED_OWNERS) {
    const stream = eventStreamName(prefix, owner);
    try {
      for await (const consumer of jsm.consumers.list(stream)) {
        if (consumer.name.startsWith(DURABLE_PREFIX)) {
          await jsm.consumers.delete(stream, consumer.name);
          deleted.push(consumer.name);
        }
      }
    } catch (error) {
      if (!/stream not found/i.test((error as Error).message)) throw error;
    }
  }
  await em.fork().transactional(async (tx) => {
    await tx.execute(`truncate ${READ_MODEL_TABLES.map((t) => `"${t}"`).join(', ')}`);
    await tx.execute(`delete from inbox_message where consumer like 'reporting\\_\\_%'`);
  });
  return deleted.sort();
}

/** Resolves once every reporting durable consumer has nothing pending or unacked (the replay caught up). */
export async function waitForCatchUp(nc: NatsConnection, prefix: string, timeoutMs = 600_000): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let busy = 0;
    for (const owner of CONSUMED_OWNERS) {
      const stream = eventStreamName(prefix, owner);
      try {
        for await (const consumer of jsm.consumers.list(stream)) {
          if (consumer.name.startsWith(DURABLE_PREFIX)) busy += consumer.num_pending + consumer.num_ack_pending;
        }
      } catch (error) {
        if (!/stream not found/i.test((error as Error).message)) throw error;
      }
    }
    if (busy === 0) return;
    if (Date.now() > deadline) throw new Error(`replay not caught up after ${timeoutMs} ms (${busy} messages left)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
