import { EVENT_CONSUMERS } from '@rd/contracts';
import { SERVICES, type ServiceName } from '@rd/devstack';
import type { FaultPlatform } from './fault-platform';
import { isAcknowledged, type LedgerEntry, type WriteKind } from './fault-workload';

export interface FaultCounts {
  /** Writes answered 2xx, or 409 already-applied (the refusals answered 403 are counted apart). */
  acknowledged: number;
  /** Of those, answered 409 already-applied: a retry found its first attempt applied (its answer lost). */
  alreadyApplied: number;
  refusals: number;
  /** Writes with no deciding answer before the workload's deadline (stored at most once: checked). */
  undecided: number;
  /** Acknowledged writes not stored, with what they were. */
  lost: string[];
  /** Writes stored more than once, or refused writes stored at all. */
  duplicated: string[];
  /** Events in the outboxes that a consumer the catalogue names has not applied (cumulative over the run). */
  eventsMissing: string[];
  /** Answered requests (2xx, 403) without exactly one gateway audit record. */
  auditMissing: string[];
  auditDuplicated: string[];
}

/** Rows per ledger entry in the service that owns the write, counted independently of any answer. */
async function storedCounts(fault: FaultPlatform, entries: LedgerEntry[]): Promise<Map<LedgerEntry, number>> {
  const counts = new Map<LedgerEntry, number>();
  const of = (kind: WriteKind) => entries.filter((e) => e.kind === kind);
  const byText = async (service: ServiceName, table: string, column: string, prefix: string, kind: WriteKind) => {
    const list = of(kind);
    const rows = await fault.query<{ text: string; n: string }>(
      service,
      `select ${column} as text, count(*) as n from ${table} where ${column} = any($1) group by ${column}`,
      [list.map((e) => `${prefix}${e.marker}`)],
    );
    const found = new Map(rows.map((r) => [r.text, Number(r.n)]));
    for (const e of list) counts.set(e, found.get(`${prefix}${e.marker}`) ?? 0);
  };
  await byText('communities', 'community', 'name', 'Fault village ', 'community');
  await byText('communities', 'community', 'name', 'Refused village ', 'refusal');
  await byText('meetings', 'meeting', 'title', 'Fault day ', 'meeting');
  await byText('meetings', 'concern', 'text', 'Fault concern ', 'concern');
  // Minutes: one row per meeting whose version counts the saves; feedback: three responses per write.
  const minutes = of('minutes').filter((e) => e.meetingId);
  const saved = await fault.query<{ meeting_id: string; version: number; body: string }>('meetings', 'select meeting_id, version, body from minutes where meeting_id = any($1)', [
    minutes.map((e) => e.meetingId),
  ]);
  for (const e of minutes) {
    const row = saved.find((r) => r.meeting_id === e.meetingId && r.body.includes(e.marker));
    counts.set(e, row ? Number(row.version) : 0);
  }
  const feedback = of('feedback').filter((e) => e.meetingId);
  const responses = await fault.query<{ meeting_id: string; n: string }>('meetings', 'select meeting_id, count(*) as n from feedback_response where meeting_id = any($1) group by meeting_id', [
    feedback.map((e) => e.meetingId),
  ]);
  for (const e of feedback) counts.set(e, Number(responses.find((r) => r.meeting_id === e.meetingId)?.n ?? 0) / 3);
  return counts;
}

/**
 * Every event the services' outboxes hold reached every consumer the catalogue names, exactly once in effect: the
 * consumer's inbox has the row of its message id (the outbox row id), which its effect committed with.
 */
async function missingEvents(fault: FaultPlatform): Promise<string[]> {
  const applied = new Map<string, Set<string>>();
  for (const service of SERVICES) {
    const rows = await fault.query<{ consumer: string; message_id: string }>(service, `select consumer, message_id from inbox_message where consumer not like 'rpc:%'`);
    applied.set(service, new Set(rows.map((r) => r.message_id)));
  }
  const missing: string[] = [];
  for (const producer of SERVICES) {
    const events = await fault.query<{ id: string; subject: string }>(producer, 'select id::text as id, subject from outbox_message where published_at is not null');
    for (const event of events) {
      for (const consumer of EVENT_CONSUMERS[event.subject] ?? []) {
        if (!applied.get(consumer as ServiceName)?.has(event.id)) missing.push(`${event.subject} ${event.id} from ${producer} not applied by ${consumer}`);
      }
    }
  }
  return missing;
}

/** Every answered write (2xx, not a replay) and every refusal (403) has exactly one gateway audit record. */
async function auditGaps(fault: FaultPlatform, entries: LedgerEntry[]): Promise<{ missing: string[]; duplicated: string[] }> {
  const audited = entries.flatMap((e) => e.attempts.filter((a) => (a.status >= 200 && a.status < 300 && !a.replayed) || a.status === 403).map((a) => ({ entry: e, attempt: a })));
  const rows = await fault.query<{ correlation_id: string; n: string }>(
    'audit',
    `select correlation_id, count(*) as n from audit_entry where source = 'gateway' and correlation_id = any($1) group by correlation_id`,
    [audited.map((a) => a.attempt.correlationId)],
  );
  const found = new Map(rows.map((r) => [r.correlation_id, Number(r.n)]));
  const describe = (a: (typeof audited)[number]) => `${a.entry.kind} ${a.entry.marker} answered ${a.attempt.status} (${a.attempt.correlationId})`;
  return {
    missing: audited.filter((a) => !found.has(a.attempt.correlationId)).map(describe),
    duplicated: audited.filter((a) => (found.get(a.attempt.correlationId) ?? 0) > 1).map(describe),
  };
}

export async function countFault(fault: FaultPlatform, entries: LedgerEntry[]): Promise<FaultCounts> {
  const writes = entries.filter((e) => e.kind !== 'refusal');
  const refusals = entries.filter((e) => e.kind === 'refusal');
  const acknowledged = writes.filter(isAcknowledged);
  const stored = await storedCounts(fault, entries);
  const describe = (e: LedgerEntry) => `${e.kind} ${e.marker}: stored ${stored.get(e)}, answers ${e.attempts.map((a) => a.status).join(',')}`;
  const audit = await auditGaps(fault, entries);
  return {
    acknowledged: acknowledged.length,
    alreadyApplied: acknowledged.filter((e) => e.code === 'idempotency.already-applied').length,
    refusals: refusals.filter((e) => e.decided === 403).length,
    undecided: entries.filter((e) => e.decided === undefined && e.attempts.length > 0).length,
    lost: acknowledged.filter((e) => (stored.get(e) ?? 0) < 1).map(describe),
    duplicated: [...writes.filter((e) => (stored.get(e) ?? 0) > 1), ...refusals.filter((e) => (stored.get(e) ?? 0) > 0 || (e.decided !== undefined && e.decided !== 403))].map(describe),
    eventsMissing: await missingEvents(fault),
    auditMissing: audit.missing,
    auditDuplicated: audit.duplicated,
  };
}
