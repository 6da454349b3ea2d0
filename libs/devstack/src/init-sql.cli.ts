import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSqlScript } from '@rd/database-roles';
import { REPO_ROOT, SERVICES } from './platform';

// Writes infra/postgres/init.sql (docker-compose's database roles) from libs/database-roles/src/database-roles.ts.
writeFileSync(join(REPO_ROOT, 'infra/postgres/init.sql'), initSqlScript(SERVICES));
console.log('infra/postgres/init.sql written');
