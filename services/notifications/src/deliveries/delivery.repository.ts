import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeliveryChannel, DeliveryStatus, NotificationLanguage, NotificationType, Role, SkipReason } from '@rd/contracts';
import type { MessageData } from '../templates/render';

/** What a delivery carries to its channel, rendered when it was queued (or re-rendered on resend). */
export interface DeliveryContent {
  subject: string;
  text: string;
  html: string;
  sms: string;
  ics?: { method: 'REQUEST' | 'CANCEL'; content: string };
  minutesPdf?: { title: string; subtitle: string; body: string };
}

export interface DeliveryRow {
  id: string;
  dedupe_key: string;
  source_key: string;
  type: NotificationType;
  channel: DeliveryChannel;
  status: DeliveryStatus;
  recipient_kind: 'contact' | 'audience';
  recipient_id: string;
  recipient_name: string | null;
  address: string | null;
  requested_language: NotificationLanguage;
  language: NotificationLanguage | null;
  language_fallback: boolean;
  template_version: number | null;
  skip_reason: SkipReason | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | null;
  district_code: string;
  region_code: string;
  meeting_id: string | null;
  subject_id: string;
  resend_of: string | null;
  data: MessageData & { attachments?: { ics?: 'REQUEST' | 'CANCEL'; minutesPdf?: boolean }; link?: string | null };
  content: DeliveryContent | null;
  created_at: Date;
  sent_at: Date | null;
  delivered_at: Date | null;
  updated_at: Date;
}

/** A console message as rendered for one asked language; `language` is the template used (ru, then en, when it has none). */
export interface InboxVariant {
  title: string;
  body: string;
  language: NotificationLanguage;
}
export type InboxVariants = Record<NotificationLanguage, InboxVariant>;

export type NewDelivery = Omit<DeliveryRow, 'id' | 'attempts' | 'last_error' | 'created_at' | 'sent_at' | 'delivered_at' | 'updated_at'>;

const COLUMNS = [
  'dedupe_key',
  'source_key',
  'type',
  'channel',
  'status',
  'recipient_kind',
  'recipient_id',
  'recipient_name',
  'address',
  'requested_language',
  'language',
  'language_fallback',
  'template_version',
  'skip_reason',
  'next_attempt_at',
  'district_code',
  'region_code',
  'meeting_id',
  'subject_id',
  'resend_of',
  'data',
  'content',
] as const;

/** Every query on delivery, inbox_item and inbox_read. */
export class DeliveryRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Inserts a delivery unless one with the same (source, recipient, channel) exists: the unique dedupe key is what
   * makes redelivered and replayed events, re-run jobs and concurrent replicas produce one message. Returns the new
   * row, or undefined for a duplicate. Delivered/sent timestamps follow the status.
   */
  async insert(row: NewDelivery): Promise<DeliveryRow | undefined> {
    const values = COLUMNS.map((column) => {
      const value = row[column];
      return column === 'data' || column === 'content' ? (value === null ? null : JSON.stringify(value)) : value;
    });
    const placeholders = COLUMNS.map((column) => (column === 'data' || column === 'content' ? '?::jsonb' : '?')).join(', ');
    const rows = await this.em.execute<DeliveryRow[]>(
      `insert into "delivery" (${COLUMNS.map((c) => `"${c}"`).join(', ')}, "delivered_at")
       values (${placeholders}, ${row.status === 'delivered' ? 'now()' : 'null'})
       on conflict ("dedupe_key") do nothing returning *`,
      values,
    );
    return rows[0];
  }

  insertInboxItem(item: {
    deliveryId: string;
    type: NotificationType;
    title: string;
    body: string;
    link: string | null;
    districtCode: string;
    regionCode: string;
    roles: Role[];
    userId: string | null;
    language: NotificationLanguage;
    variants: InboxVariants;
  }): Promise<unknown> {
    return this.em.execute(
      `insert into "inbox_item" ("delivery_id", "type", "title", "body", "link", "district_code", "region_code", "roles", "user_id", "language", "variants")
       values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb) on conflict ("delivery_id") do nothing`,
      [
        item.deliveryId,
        item.type,
        item.title,
        item.body,
        item.link,
        item.districtCode,
        item.regionCode,
        JSON.stringify(item.roles),
        item.userId,
        item.language,
        JSON.stringify(item.variants),
      ],
    );
  }

  find(id: string): Promise<DeliveryRow | undefined> {
    return this.em.execute<DeliveryRow[]>(`select * from "delivery" where "id" = ?`, [id]).then((rows) => rows[0]);
  }

  /** Locks one due queued delivery for this transaction; other replicas and lanes skip it. */
  claimDue(): Promise<DeliveryRow | undefined> {
    return this.em
      .execute<DeliveryRow[]>(
        `select * from "delivery" where "status" = 'queued' and "next_attempt_at" <= now() order by "next_attempt_at", "id" limit 1 for update skip locked`,
      )
      .then((rows) => rows[0]);
  }

  markSent(id: string, delivered: boolean): Promise<unknown> {
    return this.em.execute(
      `update "delivery" set "status" = ?, "attempts" = "attempts" + 1, "last_error" = null, "next_attempt_at" = null,
         "sent_at" = now(), "delivered_at" = ${delivered ? 'now()' : 'null'}, "updated_at" = now() where "id" = ?`,
      [delivered ? 'delivered' : 'sent', id],
    );
  }

  markRetry(id: string, error: string, at: Date): Promise<unknown> {
    return this.em.execute(`update "delivery" set "attempts" = "attempts" + 1, "last_error" = ?, "next_attempt_at" = ?, "updated_at" = now() where "id" = ?`, [error, at, id]);
  }

  markFailed(id: string, error: string): Promise<unknown> {
    return this.em.execute(
      `update "delivery" set "status" = 'failed', "attempts" = "attempts" + 1, "last_error" = ?, "next_attempt_at" = null, "updated_at" = now() where "id" = ?`,
      [error, id],
    );
  }

  /** Erasure: the address and name go; deliveries still queued to that contact are skipped. */
  eraseContact(contactId: string): Promise<unknown> {
    return this.em.execute(
      `update "delivery" set "address" = null, "recipient_name" = null, "content" = null,
         "status" = case when "status" = 'queued' then 'skipped' else "status" end,
         "skip_reason" = case when "status" = 'queued' then 'erased' else "skip_reason" end,
         "next_attempt_at" = null, "updated_at" = now()
       where "recipient_kind" = 'contact' and "recipient_id" = ?`,
      [contactId],
    );
  }

  countResends(id: string): Promise<number> {
    return this.em.execute<{ n: string }[]>(`select count(*) as n from "delivery" where "resend_of" = ?`, [id]).then((rows) => Number(rows[0].n));
  }

  nextDue(): Promise<Date | null> {
    return this.em.execute<{ at: Date | null }[]>(`select min("next_attempt_at") as "at" from "delivery" where "status" = 'queued'`).then((rows) => rows[0]?.at ?? null);
  }
}
