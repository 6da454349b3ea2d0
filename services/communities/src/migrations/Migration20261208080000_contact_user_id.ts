import { Migration } from '@mikro-orm/migrations';

/**
 * A contact may be linked to the login account of the person (the Keycloak user id), at most one contact per
 * account, so the officer in the roster and the user who signs in are known to be the same person
 * (docs/adr/0034-organisation-membership.md).
 */
export class Migration20261208080000_contact_user_id extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "contact" add column "user_id" uuid null;');
    this.addSql('create unique index "contact_user_id_unique" on "contact" ("user_id") where "user_id" is not null;');
  }

  override async down(): Promise<void> {
    this.addSql('drop index "contact_user_id_unique";');
    this.addSql('alter table "contact" drop column "user_id";');
  }
}
