import { createOrmConfig } from '@rd/persistence';
import { AuditEntry } from './audit-entries/audit-entry.entity';
import { MIGRATIONS } from './migrations';

export function auditOrmConfig(databaseUrl: string) {
  return createOrmConfig({ databaseUrl, entities: [AuditEntry], migrations: MIGRATIONS });
}
