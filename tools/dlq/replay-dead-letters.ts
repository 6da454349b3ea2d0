// Lists or replays the dead-letter stream (<PREFIX>_DLQ). Runbook: docs/runbooks/dead-letters.md.
//
//   npm run dlq:replay -- --dry-run                                  list everything parked
//   npm run dlq:replay -- --consumer audit__entry-submitted-v1       replay what one durable parked
//   npm run dlq:replay -- --subject 'rd.meetings.evt.>' --since 2026-12-01T00:00:00Z --until 2026-12-02T00:00:00Z
//
// Environment: NATS_URL, NATS_SUBJECT_PREFIX (default rd); NATS_USER/NATS_PASSWORD/NATS_TLS_CA to read the DLQ
// (ops in production); REPLAY_NATS_USER/REPLAY_NATS_PASSWORD to publish the replays (the owner service of the
// subjects replayed, since ops may not publish on rd.>; defaults to the first connection).
import { parseArgs } from 'node:util';
import { connect, type NatsConnection } from 'nats';
import { natsAuthFromEnv, natsConnectionOptions, replayDeadLetters, type DeadLetterEntry } from '@rd/messaging';

const USAGE = `usage: npm run dlq:replay -- [--dry-run] [--keep] [--consumer <durable>] [--subject <pattern>]
                             [--since <ISO time>] [--until <ISO time>] [--limit <n>] [--json]`;

function parseTime(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`--${name}: not a time: ${value}`);
  return date;
}

function describe(entry: DeadLetterEntry): string {
  return `#${entry.seq}  ${entry.storedAt.toISOString()}  ${entry.consumer}  ${entry.originalSubject}  ${entry.originalMsgId}  ${entry.reason}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      consumer: { type: 'string' },
      subject: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new Error(`--limit: not a positive integer: ${values.limit}`);
  const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const prefix = process.env.NATS_SUBJECT_PREFIX ?? 'rd';

  const readerAuth = natsAuthFromEnv({ NATS_USER: process.env.NATS_USER, NATS_PASSWORD: process.env.NATS_PASSWORD, NATS_TLS_CA: process.env.NATS_TLS_CA });
  const publisherAuth = natsAuthFromEnv({
    NATS_USER: process.env.REPLAY_NATS_USER,
    NATS_PASSWORD: process.env.REPLAY_NATS_PASSWORD,
    NATS_TLS_CA: process.env.REPLAY_NATS_USER ? process.env.NATS_TLS_CA : undefined,
  });
  const connections: NatsConnection[] = [];
  try {
    const reader = await connect({ ...natsConnectionOptions('ops', natsUrl, readerAuth), name: 'dlq-replay' });
    connections.push(reader);
    const publisher = publisherAuth ? await connect({ ...natsConnectionOptions(publisherAuth.user, natsUrl, publisherAuth), name: 'dlq-replay-publish' }) : reader;
    if (publisher !== reader) connections.push(publisher);

    const result = await replayDeadLetters({
      prefix,
      jsm: await reader.jetstreamManager(),
      js: publisher.jetstream(),
      dryRun: values['dry-run'],
      keep: values.keep,
      consumer: values.consumer,
      subject: values.subject,
      since: parseTime('since', values.since),
      until: parseTime('until', values.until),
      limit,
    });
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    for (const entry of result.entries) console.log(describe(entry));
    console.log(
      values['dry-run']
        ? `${result.entries.length} dead letter(s) match; dry run, nothing replayed`
        : `${result.entries.length} matched, ${result.replayed} replayed, ${result.removed} removed from ${prefix.toUpperCase()}_DLQ`,
    );
  } finally {
    for (const nc of connections) await nc.close();
  }
}

main().catch((error: Error) => {
  console.error(`dlq:replay failed: ${error.message}\n${USAGE}`);
  process.exit(1);
});
