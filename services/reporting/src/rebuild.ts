import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { createServiceApp, natsConnectionOptions, logFatal } from '@rd/messaging';
import { requireMigrationUrl } from '@rd/persistence';
import { connect } from 'nats';
import { AppModule } from './app.module';
import { loadConfig } from './config';
import { reportingOrmConfig } from './orm.config';
import { dropReadModels, waitForCatchUp } from './reports/read-model-rebuild';

/**
 * Rebuilds the reporting read models from the JetStream history: empties them, deletes reporting's durable
 * consumers, then runs the service until the recreated consumers have replayed every stream from the start.
 * Stop the running reporting service first (docs/adr/0016-reporting-read-models.md).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // Emptying the read models is a TRUNCATE: the owner role's, as for migrations (the app role has DML only).
  const orm = await MikroORM.init(reportingOrmConfig(requireMigrationUrl('reporting', config.migrationDatabaseUrl)));
  const nc = await connect({ ...natsConnectionOptions('reporting', config.natsUrl, config.natsAuth), name: 'reporting-rebuild' });
  // Production NATS lets only `ops` delete consumers (infra/nats/nats-production.conf).
  const admin = config.rebuildOpsNatsUrl
    ? await connect({ ...natsConnectionOptions('ops', config.rebuildOpsNatsUrl, config.rebuildOpsAuth), name: 'reporting-rebuild-ops' })
    : nc;
  try {
    const deleted = await dropReadModels(orm.em, admin, config.prefix);
    console.log(`read models emptied; durable consumers deleted: ${deleted.join(', ') || 'none'}`);
  } finally {
    await orm.close();
    if (admin !== nc) await admin.close();
  }
  const started = Date.now();
  const app = await createServiceApp(AppModule.forRoot({ ...config, exports: { ...config.exports, workerEnabled: false } }), {
    service: 'reporting',
    natsUrl: config.natsUrl,
    natsAuth: config.natsAuth,
    prefix: config.prefix,
  });
  await waitForCatchUp(nc, config.prefix);
  console.log(`replayed in ${Date.now() - started} ms`);
  await app.close();
  await nc.close();
}

void main().catch((error) => {
  logFatal('reporting', error);
  process.exit(1);
});
