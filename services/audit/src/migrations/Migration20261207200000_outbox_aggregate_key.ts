import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_ORDERING_DOWN, OUTBOX_ORDERING_UP } from '@rd/persistence';

/**
 * The outbox relay keeps order per aggregate, not globally, so one refusing stream cannot hold up the
 * others (docs/adr/0027-outbox-order-per-aggregate-and-stream-limits.md). The same DDL in every service.
 */
export class Migration20261207200000_outbox_aggregate_key extends Migration {
  override async up(): Promise<void> {
    OUTBOX_ORDERING_UP.forEach((sql) => this.addSql(sql));
  }

  override async down(): Promise<void> {
    OUTBOX_ORDERING_DOWN.forEach((sql) => this.addSql(sql));
  }
}
