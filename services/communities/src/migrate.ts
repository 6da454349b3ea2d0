import 'reflect-metadata';
import { runMigrations } from '@rd/persistence';
import { loadConfig } from './config';
import { communitiesOrmConfig } from './orm.config';
import { seedDemo } from './seeders/demo.seeder';

// `--seed-demo` also loads the demo data (idempotent).
const seed = process.argv.includes('--seed-demo')
  ? async (em: Parameters<typeof seedDemo>[0]) => `demo data loaded (${await seedDemo(em)} new communities)`
  : undefined;

runMigrations('communities', communitiesOrmConfig(loadConfig().databaseUrl), seed).catch((error) => {
  console.error(error);
  process.exit(1);
});
