/**
 * Creates or sizes the production streams (PRODUCTION_STREAM_LIMITS in libs/messaging/src/stream-capacity.ts, the
 * arithmetic in docs/adr/0027-outbox-order-per-aggregate-and-stream-limits.md), then prints how full each one is.
 * Run it as the `ops` NATS user before the first deployment and after changing the table; it never lowers a limit.
 *
 *   NATS_URL=tls://rd-nats-1:4222,tls://rd-nats-2:4222,tls://rd-nats-3:4222 NATS_USER=ops NATS_PASSWORD=... \
 *   NATS_TLS_CA=/etc/rd/nats-ca.pem NATS_STREAM_REPLICAS=3 \
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register infra/nats/apply-stream-limits.ts [--apply]
 *
 * Without --apply it only reports what it would change. Exit code 1 when a stream is at or above 80 %.
 * docs/runbooks/streams.md says what to do then.
 */
import { connect } from 'nats';
import { natsAuthFromEnv, natsConnectionOptions } from '../../libs/messaging/src/nats-endpoint';
import { allStreamNames, applyProductionStreamLimits, streamUsage } from '../../libs/messaging/src/stream-capacity';

// eslint-disable-next-line no-process-env -- a standalone script; its only read of the environment
const ENV = process.env;

async function main(): Promise<number> {
  const apply = process.argv.includes('--apply');
  const prefix = ENV['NATS_SUBJECT_PREFIX'] ?? 'rd';
  const replicas = Number(ENV['NATS_STREAM_REPLICAS'] ?? '1');
  const nc = await connect({
    ...natsConnectionOptions(
      'ops',
      ENV['NATS_URL'] ?? 'nats://127.0.0.1:4222',
      natsAuthFromEnv({ NATS_USER: ENV['NATS_USER'], NATS_PASSWORD: ENV['NATS_PASSWORD'], NATS_TLS_CA: ENV['NATS_TLS_CA'] }),
    ),
    name: 'ops-apply-stream-limits',
  });
  try {
    const jsm = await nc.jetstreamManager();
    const changes = await applyProductionStreamLimits(jsm, prefix, { apply, replicas });
    for (const c of changes) {
      console.log(`${apply ? '' : '(dry run) '}${c.stream}: ${c.action}${c.changes.length ? ` — ${c.changes.join(', ')}` : ''}`);
    }
    let filling = 0;
    for (const stream of allStreamNames(prefix)) {
      const u = await streamUsage(jsm, stream);
      if (!u.exists) continue;
      console.log(`${stream}: ${(u.fraction * 100).toFixed(1)} % (${u.bytes} of ${u.maxBytes} bytes, ${u.messages} messages) ${u.level}`);
      if (u.level !== 'ok') filling += 1;
    }
    return filling > 0 ? 1 : 0;
  } finally {
    await nc.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);
