import type { NatsConnection } from 'nats';

export interface StoredMessage {
  stream: string;
  seq: number;
  subject: string;
  /** Header lines and the payload, as UTF-8. */
  text: string;
}

/** The streams of one deployment prefix (`<PREFIX>_…`: events, dead letters, audit; `KV_<PREFIX>_…`: its key-value buckets). */
export async function streamsOf(nc: NatsConnection, prefix: string): Promise<string[]> {
  const jsm = await nc.jetstreamManager();
  const names: string[] = [];
  const ownPrefixes = [`${prefix.toUpperCase()}_`, `KV_${prefix.toUpperCase()}_`];
  for await (const stream of jsm.streams.list()) if (ownPrefixes.some((own) => stream.config.name.startsWith(own))) names.push(stream.config.name);
  return names.sort();
}

/** Every message still stored on every stream and bucket of the prefix, by sequence. */
export async function storedMessages(nc: NatsConnection, prefix: string): Promise<StoredMessage[]> {
  const jsm = await nc.jetstreamManager();
  const messages: StoredMessage[] = [];
  for (const stream of await streamsOf(nc, prefix)) {
    const { state } = await jsm.streams.info(stream);
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq += 1) {
      const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (!message) continue;
      const headers = message.header ? [...message.header.keys()].map((key) => `${key}: ${message.header.values(key).join(', ')}`).join('\n') : '';
      messages.push({ stream, seq, subject: message.subject, text: `${headers}\n${Buffer.from(message.data).toString('utf8')}` });
    }
  }
  return messages;
}

/**
 * Waits until every durable consumer of the prefix's streams has nothing pending or unacknowledged: what was
 * published so far has been handled (notifications sent, redactions applied). A consumer whose acknowledged floor has
 * not moved for `stuckMs` while it has work is given up on (a failing handler retries for minutes) and returned, so
 * the caller can say so instead of waiting forever.
 */
export async function waitForConsumersIdle(nc: NatsConnection, prefix: string, options: { timeoutMs?: number; stuckMs?: number } = {}): Promise<string[]> {
  const jsm = await nc.jetstreamManager();
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const stuckMs = options.stuckMs ?? 3_000;
  const progress = new Map<string, { floor: number; since: number }>();
  for (;;) {
    const busy: string[] = [];
    const stuck: string[] = [];
    for (const stream of await streamsOf(nc, prefix)) {
      for await (const consumer of jsm.consumers.list(stream)) {
        if (consumer.num_pending === 0 && consumer.num_ack_pending === 0) continue;
        const name = `${stream}/${consumer.name}`;
        const floor = consumer.ack_floor.stream_seq;
        const seen = progress.get(name);
        if (!seen || seen.floor !== floor) progress.set(name, { floor, since: Date.now() });
        else if (Date.now() - seen.since > stuckMs) {
          stuck.push(name);
          continue;
        }
        busy.push(name);
      }
    }
    if (!busy.length) return stuck;
    if (Date.now() > deadline) throw new Error(`consumers still busy after ${options.timeoutMs ?? 30_000} ms: ${busy.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
