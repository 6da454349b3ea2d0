import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 46: a meeting's survey totals of the answers residents gave themselves (on their phone, or on the kiosk); the
 * rest were entered by staff. Null: every answer known so far came from staff (feedback-recorded v1).
 */
export class Migration20261208200000_feedback_by_source extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "meeting_fact" add column "feedback_self" jsonb null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "meeting_fact" drop column "feedback_self"`);
  }
}
