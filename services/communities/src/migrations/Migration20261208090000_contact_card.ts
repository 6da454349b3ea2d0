import { Migration } from '@mikro-orm/migrations';

/**
 * The community contact card (docs/adr/0049-officer-contact-card.md): the work phone a person agreed to publish, when
 * and by whom the consent was given or withdrawn, and a police unit's duty number. A published phone needs its consent
 * time: the check keeps a number from ever being printed without one.
 */
export class Migration20261208090000_contact_card extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "contact" add column "published_work_phone" varchar(20) null, add column "publish_consent_at" timestamptz null, add column "publish_consent_by" varchar(100) null;');
    this.addSql('alter table "contact" add constraint "contact_published_work_phone_consent" check ("published_work_phone" is null or "publish_consent_at" is not null);');
    this.addSql('alter table "organisation" add column "duty_phone" varchar(20) null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "organisation" drop column "duty_phone";');
    this.addSql('alter table "contact" drop constraint "contact_published_work_phone_consent";');
    this.addSql('alter table "contact" drop column "publish_consent_by", drop column "publish_consent_at", drop column "published_work_phone";');
  }
}
