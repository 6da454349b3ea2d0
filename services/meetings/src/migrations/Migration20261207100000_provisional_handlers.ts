import { Migration } from '@mikro-orm/migrations';

/**
 * Handlers named by a reader who raised a concern to confidential are provisional (they read it, but may
 * neither lower it nor name other handlers), so nobody can make themselves the handler who lowers a concern.
 * Existing handlers stay confirmed: they were named at recording or by the rules then in force.
 */
export class Migration20261207100000_provisional_handlers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "concern" add column "provisional_handler_ids" jsonb not null default '[]'`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "concern" drop column if exists "provisional_handler_ids"`);
  }
}
