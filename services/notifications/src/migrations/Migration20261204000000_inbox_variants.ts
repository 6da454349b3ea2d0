import { Migration } from '@mikro-orm/migrations';

/**
 * A console message in every console language: `{ "<asked>": { "title", "body", "language" } }` for en, ru, tg and
 * ky, `language` being the template actually used (ru, then en, where a type has no template in the one asked).
 * Null for messages written before: they keep their one text (`title`, `body`, `language`).
 */
export class Migration20261204000000_inbox_variants extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "inbox_item" add column "variants" jsonb null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inbox_item" drop column if exists "variants"`);
  }
}
