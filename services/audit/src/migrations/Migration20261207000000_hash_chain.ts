import { Migration } from '@mikro-orm/migrations';
import { auditEntryHash, GENESIS_HASH } from '../audit-entries/audit-chain';

interface ExistingRow {
  id: string;
  occurred_at: Date | string;
  source: string;
  user_id: string;
  username: string;
  roles: string[] | string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  outcome: string;
  http_status: number;
  correlation_id: string;
  client_address: string;
  method: string;
  path: string;
  recorded_at: Date | string;
}

/**
 * Tamper evidence (docs/adr/0024-database-roles-and-audit-chain.md): every entry gets its position `seq`, the hash
 * of the entry before it and its own hash. Entries stored so far are chained in the order they were recorded
 * (recorded_at, then id), with their timestamps cut to the milliseconds the hash covers. This is the one sanctioned
 * rewrite of the log: it runs as the owner, who may suspend the append-only trigger for it.
 * Also takes UPDATE, DELETE and TRUNCATE on audit_entry from anyone but the owner, whatever grants the database
 * was provisioned with: the application role may only INSERT and SELECT.
 */
export class Migration20261207000000_hash_chain extends Migration {
  override async up(): Promise<void> {
    await this.execute(`alter table "audit_entry" add column "seq" bigint null, add column "prev_hash" varchar(64) null, add column "hash" varchar(64) null`);
    await this.execute('alter table "audit_entry" disable trigger "audit_entry_no_update_or_delete"');
    await this.execute(`update "audit_entry" set occurred_at = date_trunc('milliseconds', occurred_at), recorded_at = date_trunc('milliseconds', recorded_at)`);
    const rows = await this.execute(
      `select id, occurred_at, source, user_id, username, roles, action, resource_type, resource_id, outcome, http_status, correlation_id,
         client_address, method, path, recorded_at from "audit_entry" order by recorded_at, id`,
    );
    let prevHash = GENESIS_HASH;
    let seq = 0;
    for (const row of rows as ExistingRow[]) {
      seq += 1;
      const hash = auditEntryHash({
        seq,
        prevHash,
        id: row.id,
        occurredAt: new Date(row.occurred_at),
        source: row.source,
        userId: row.user_id,
        username: row.username,
        roles: typeof row.roles === 'string' ? (JSON.parse(row.roles) as string[]) : row.roles,
        action: row.action,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        outcome: row.outcome,
        httpStatus: row.http_status,
        correlationId: row.correlation_id,
        clientAddress: row.client_address,
        method: row.method,
        path: row.path,
        recordedAt: new Date(row.recorded_at),
      });
      await this.execute('update "audit_entry" set seq = ?, prev_hash = ?, hash = ? where id = ?', [seq, prevHash, hash, row.id]);
      prevHash = hash;
    }
    await this.execute('alter table "audit_entry" enable trigger "audit_entry_no_update_or_delete"');
    await this.execute(`alter table "audit_entry" alter column "seq" set not null, alter column "prev_hash" set not null, alter column "hash" set not null`);
    await this.execute(`alter table "audit_entry" add constraint "audit_entry_seq_unique" unique ("seq")`);
    await this.execute(`alter table "audit_entry" add constraint "audit_entry_seq_positive" check ("seq" > 0)`);
    // Defence in depth: whatever the provisioning granted, nobody but the owner may change or remove rows.
    await this.execute(`do $$ declare r record; begin
      for r in select distinct a.grantee from pg_class c, aclexplode(c.relacl) a
               where c.oid = 'audit_entry'::regclass and a.grantee <> c.relowner and a.privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES') loop
        if r.grantee = 0 then
          revoke update, delete, truncate, trigger, references on "audit_entry" from public;
        else
          execute format('revoke update, delete, truncate, trigger, references on "audit_entry" from %s', r.grantee::regrole);
        end if;
      end loop;
    end $$`);
  }
}
