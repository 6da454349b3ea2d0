import { headers as natsHeaders, type JetStreamClient, type JetStreamManager, type StoredMsg } from 'nats';
import {
  HEADER_DEAD_LETTER_REASON,
  HEADER_DEAD_LETTERED_AT,
  HEADER_ORIGINAL_MSG_ID,
  HEADER_ORIGINAL_SUBJECT,
  HEADER_REPLAY_OF,
} from './event.consumer';
import { deadLetterStreamName } from './streams';

/** One parked message, as the replay command lists it. */
export interface DeadLetterEntry {
  /** Sequence in the dead-letter stream. */
  seq: number;
  /** Durable consumer that parked it (the last token of its `<prefix>.dlq.<durable>` subject). */
  consumer: string;
  originalSubject: string;
  /** Nats-Msg-Id of the original event: the key of every consumer's inbox. */
  originalMsgId: string;
  reason: string;
  storedAt: Date;
}

export interface DeadLetterFilter {
  /** Only what this durable parked, e.g. `audit__entry-submitted-v1`. */
  consumer?: string;
  /** Only these original subjects; NATS wildcards `*` and `>` allowed, e.g. `rd.meetings.evt.>`. */
  subject?: string;
  /** Parked at or after / before this time. */
  since?: Date;
  until?: Date;
  /** At most this many entries (oldest first). */
  limit?: number;
}

export interface ReplayOptions extends DeadLetterFilter {
  prefix: string;
  /** Reads (and deletes from) the dead-letter stream: the ops user in production. */
  jsm: JetStreamManager;
  /** Publishes to the original subject: the owner service's user in production (ops may not publish on rd.>). */
  js: JetStreamClient;
  /** List what would be replayed; publish and delete nothing. */
  dryRun?: boolean;
  /** Publish but leave the entries in the dead-letter stream. */
  keep?: boolean;
}

export interface ReplayResult {
  entries: DeadLetterEntry[];
  /** Published again to their original subject. */
  replayed: number;
  /** Deleted from the dead-letter stream after their replay was acknowledged. */
  removed: number;
}

/** Headers the consumer added when it parked the message; not sent again. */
const PARKING_HEADERS = new Set([HEADER_DEAD_LETTER_REASON, HEADER_ORIGINAL_SUBJECT, HEADER_ORIGINAL_MSG_ID, HEADER_DEAD_LETTERED_AT, 'Nats-Msg-Id']);

/** Every parked message matching the filter, oldest first. */
export async function listDeadLetters(jsm: JetStreamManager, prefix: string, filter: DeadLetterFilter = {}): Promise<Array<DeadLetterEntry & { msg: StoredMsg }>> {
  const stream = deadLetterStreamName(prefix);
  const info = await jsm.streams.info(stream);
  const found: Array<DeadLetterEntry & { msg: StoredMsg }> = [];
  let seen = 0;
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && seen < info.state.messages; seq++) {
    const msg = await jsm.streams.getMessage(stream, { seq }).catch(() => undefined);
    if (!msg) continue; // deleted (e.g. replayed before)
    seen += 1;
    const entry = toEntry(prefix, msg);
    if (!matches(entry, filter)) continue;
    found.push({ ...entry, msg });
    if (filter.limit !== undefined && found.length >= filter.limit) break;
  }
  return found;
}

/**
 * Publishes each matching dead letter again to its original subject, then deletes it from the dead-letter
 * stream. The copy carries `rd-replay-of` = the original Nats-Msg-Id, which consumers use as the inbox key, so
 * the effect applies exactly once however often a message is replayed; its own Nats-Msg-Id is new
 * (`replay:<DLQ>:<seq>`), so the event stream's duplicate window does not swallow a replay made soon after the
 * original. Every consumer of the subject gets the copy; those that applied the original ack it as a duplicate.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayResult> {
  const stream = deadLetterStreamName(options.prefix);
  const found = await listDeadLetters(options.jsm, options.prefix, options);
  const result: ReplayResult = { entries: found.map(({ msg: _msg, ...entry }) => entry), replayed: 0, removed: 0 };
  if (options.dryRun) return result;
  for (const { msg, ...entry } of found) {
    const h = natsHeaders();
    msg.header?.keys().forEach((key) => {
      if (!PARKING_HEADERS.has(key)) h.set(key, msg.header?.get(key) ?? '');
    });
    h.set(HEADER_REPLAY_OF, entry.originalMsgId);
    await options.js.publish(entry.originalSubject, msg.data, { headers: h, msgID: `replay:${stream}:${entry.seq}` });
    result.replayed += 1;
    // Deleted only once the replay is stored: a crash in between replays it again, which the inbox absorbs.
    if (!options.keep && (await options.jsm.streams.deleteMessage(stream, entry.seq, false))) result.removed += 1;
  }
  return result;
}

function toEntry(prefix: string, msg: StoredMsg): DeadLetterEntry {
  const consumer = msg.subject.slice(`${prefix}.dlq.`.length);
  const header = (key: string) => msg.header?.get(key) ?? '';
  // Entries parked before rd-original-msg-id existed carry Nats-Msg-Id = `<durable>:<original id>`.
  const ownId = header('Nats-Msg-Id');
  const originalMsgId = header(HEADER_ORIGINAL_MSG_ID) || (ownId.startsWith(`${consumer}:`) ? ownId.slice(consumer.length + 1) : ownId);
  return {
    seq: msg.seq,
    consumer,
    originalSubject: header(HEADER_ORIGINAL_SUBJECT),
    originalMsgId,
    reason: header(HEADER_DEAD_LETTER_REASON),
    storedAt: msg.time,
  };
}

function matches(entry: DeadLetterEntry, filter: DeadLetterFilter): boolean {
  if (filter.consumer && entry.consumer !== filter.consumer) return false;
  if (filter.subject && !subjectMatches(filter.subject, entry.originalSubject)) return false;
  if (filter.since && entry.storedAt < filter.since) return false;
  if (filter.until && entry.storedAt >= filter.until) return false;
  return true;
}

/** NATS subject matching: `*` is one token, a final `>` one or more. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return i === p.length - 1 && s.length > i;
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}
