import { Migration } from '@mikro-orm/migrations';

/**
 * A status change can take effect before it was recorded (docs/adr/0035-programme-history.md): the fact keeps both,
 * compliance orders by when it took effect. Null = when it was recorded (every fact so far).
 */
export class Migration20261208070000_status_effective_at extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "community_status_fact" add column "effective_at" timestamptz null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "community_status_fact" drop column "effective_at"`);
  }
}
