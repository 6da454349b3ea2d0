import { Migration } from '@mikro-orm/migrations';
import { MESSAGING_TABLES_DOWN, MESSAGING_TABLES_UP } from '@rd/persistence';

/** The outbox and inbox every service has; the domain tables come with their features. */
export class Migration20261124000000_initial extends Migration {
  override async up(): Promise<void> {
    MESSAGING_TABLES_UP.forEach((sql) => this.addSql(sql));
  }

  override async down(): Promise<void> {
    MESSAGING_TABLES_DOWN.forEach((sql) => this.addSql(sql));
  }
}
