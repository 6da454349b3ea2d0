import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from './config';
import { communitiesOrmConfig } from './orm.config';
import { seedDemo } from './seeders/demo.seeder';

/** Applies pending migrations; with `--seed-demo` also loads the demo data (idempotent). */
async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await MikroORM.init(communitiesOrmConfig(config.databaseUrl));
  try {
    const applied = await orm.getMigrator().up();
    console.log(`communities: ${applied.length} migration(s) applied`);
    if (process.argv.includes('--seed-demo')) {
      const created = await seedDemo(orm.em.fork());
      console.log(`communities: demo data loaded (${created} new communities)`);
    }
  } finally {
    await orm.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
