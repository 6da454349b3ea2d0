/**
 * Payload fields naming the aggregate an event belongs to, most encompassing first: everything that happens in a
 * meeting (its concerns, actions, attendance, minutes) is ordered with the meeting, an officer assignment with its
 * community. The relay keeps order within one key and nowhere else (docs/adr/0027-outbox-order-per-aggregate-and-stream-limits.md).
 */
export const AGGREGATE_ID_FIELDS = [
  'meetingId',
  'communityId',
  'contactId',
  'concernId',
  'actionId',
  'templateId',
  'briefingId',
] as const;

/**
 * The ordering key of an outbox row: `<aggregate>:<id>` from the first id field of the payload
 * (`meeting:…`, `community:…`), else `<aggregate token of the subject>:<payload.id>` (an audit record is its own
 * aggregate: `entry:…`), else the subject itself (every event of that subject in one order).
 */
export function outboxAggregateKey(subject: string, payload: Record<string, unknown>): string {
  for (const field of AGGREGATE_ID_FIELDS) {
    const value = payload[field];
    if (typeof value === 'string' && value.length > 0) return `${field.slice(0, -2)}:${value}`.slice(0, 200);
  }
  const id = payload['id'];
  const aggregate = subject.split('.')[2];
  if (typeof id === 'string' && id.length > 0 && aggregate) return `${aggregate}:${id}`.slice(0, 200);
  return subject.slice(0, 200);
}

/** The same rule in SQL, to key rows written before the column existed (the migration's backfill). */
export const OUTBOX_AGGREGATE_KEY_SQL = `left(coalesce(
  ${AGGREGATE_ID_FIELDS.map((field) => `'${field.slice(0, -2)}:' || nullif("payload"->>'${field}', '')`).join(',\n  ')},
  split_part("subject", '.', 3) || ':' || nullif("payload"->>'id', ''),
  "subject"), 200)`;
