import { Entity, Enum, EntityRepositoryType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { CONTACT_CHANNELS, CONTACT_LANGUAGES, type ContactChannel, type ContactLanguage } from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { ContactRepository } from './contact.repository';

/** A person the programme may contact. Personal fields are blanked on erasure; the row stays. */
@Entity({ tableName: 'contact', repository: () => ContactRepository })
export class Contact {
  [EntityRepositoryType]?: ContactRepository;
  [OptionalProps]?:
    | 'position'
    | 'organisationId'
    | 'districtCode'
    | 'phone'
    | 'email'
    | 'consent'
    | 'consentChangedAt'
    | 'communityIds'
    | 'erasedAt'
    | 'userId'
    | 'publishedWorkPhone'
    | 'publishConsentAt'
    | 'publishConsentBy'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 160 })
  name!: string;

  @Property({ type: 'string', length: 160, nullable: true })
  position: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  organisationId: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  districtCode: string | null = null;

  @Property({ type: 'string', length: 64 })
  regionCode!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  phone: string | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Enum({ items: () => [...CONTACT_LANGUAGES], type: 'string' })
  preferredLanguage!: ContactLanguage;

  @Enum({ items: () => [...CONTACT_CHANNELS], type: 'string' })
  preferredChannel!: ContactChannel;

  @Property({ type: 'boolean' })
  consent = false;

  @Property({ type: 'datetime', nullable: true })
  consentChangedAt: Date | null = null;

  @Property({ type: 'json' })
  communityIds: string[] = [];

  @Property({ type: 'datetime', nullable: true })
  erasedAt: Date | null = null;

  /** The person's login (Keycloak user id), when they use the platform; one contact per login (ADR 34). */
  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  /** The work phone the person agreed to print on the community contact card (ADR 49); null: nothing is published. */
  @Property({ type: 'string', length: 20, nullable: true })
  publishedWorkPhone: string | null = null;

  /** When the publish consent was last given or withdrawn, and by whom (the person or a contact:manage holder). */
  @Property({ type: 'datetime', nullable: true })
  publishConsentAt: Date | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  publishConsentBy: string | null = null;

  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
