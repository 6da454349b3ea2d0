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
  /** Contacts whose personal data the message carries (erasure redacts it); the recipient is not listed. */
  about_contact_ids: string[];
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
  'about_contact_ids',
] as const;

const JSON_COLUMNS: ReadonlySet<string> = new Set(['data', 'content', 'about_contact_ids']);

/** What replaces an erased person's name or address in a stored message. */
export const ERASED = '[erased]';

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every occurrence of the given names and addresses (case-insensitively, longest first) with ERASED. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const parts = [...new Set(secrets.map((s) => s.trim()).filter((s) => s.length >= 2))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (parts.length === 0) return (text) => text;
  const pattern = new RegExp(parts.join('|'), 'giu');
  return (text) => text.replace(pattern, ERASED);
}

/** The same, through every string of a JSON value. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
  return value;
}

/** The names of people a message is about that its stored data carries (see `about_contact_ids`): the officer. */
export function namesAbout(data: Pick<MessageData, 'officer'>): string[] {
  return data.officer?.name ? [data.officer.name] : [];
}

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
      return JSON_COLUMNS.has(column) ? (value === null ? null : JSON.stringify(value)) : value;
    });
    const placeholders = COLUMNS.map((column) => (JSON_COLUMNS.has(column) ? '?::jsonb' : '?')).join(', ');
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

  /** Tries a queued delivery again later, without counting an attempt. */
  postpone(id: string, at: Date): Promise<unknown> {
    return this.em.execute(`update "delivery" set "next_attempt_at" = ?, "updated_at" = now() where "id" = ? and "status" = 'queued'`, [at, id]);
  }

  markFailed(id: string, error: string): Promise<unknown> {
    return this.em.execute(
      `update "delivery" set "status" = 'failed', "attempts" = "attempts" + 1, "last_error" = ?, "next_attempt_at" = null, "updated_at" = now() where "id" = ?`,
      [error, id],
    );
  }

  /**
   * Erasure reaches every copy of the person notifications holds: on deliveries to them the address, name and rendered
   * message go, provider errors lose what echoed their address or name, and queued ones are skipped; on messages about
   * them (to role audiences or other contacts, e.g. "new officer: <name>") the name is replaced by ERASED in the stored
   * data, the rendered message and the console inbox (every language). Names and addresses are taken from notifications'
   * own rows, since the event carries the id only. Returns the number of rows changed.
   */
  async eraseContact(contactId: string): Promise<number> {
    const own = await this.em.execute<Pick<DeliveryRow, 'id' | 'recipient_name' | 'address' | 'last_error'>[]>(
      `select "id", "recipient_name", "address", "last_error" from "delivery" where "recipient_kind" = 'contact' and "recipient_id" = ? for update`,
      [contactId],
    );
    const about = await this.em.execute<Pick<DeliveryRow, 'id' | 'data' | 'content' | 'last_error'>[]>(
      `select "id", "data", "content", "last_error" from "delivery" where "about_contact_ids" @> ?::jsonb for update`,
      [JSON.stringify([contactId])],
    );
    const secrets = new Set<string>();
    for (const row of own) [row.recipient_name, row.address].forEach((s) => s && secrets.add(s));
    for (const row of about) namesAbout(row.data).forEach((s) => secrets.add(s));
    const redact = redactor([...secrets]);
    for (const row of own) {
      await this.em.execute(
        `update "delivery" set "address" = null, "recipient_name" = null, "content" = null, "last_error" = ?,
           "status" = case when "status" = 'queued' then 'skipped' else "status" end,
           "skip_reason" = case when "status" = 'queued' then 'erased' else "skip_reason" end,
           "next_attempt_at" = null, "updated_at" = now()
         where "id" = ?`,
        [row.last_error === null ? null : redact(row.last_error), row.id],
      );
    }
    for (const row of about) {
      await this.em.execute(`update "delivery" set "data" = ?::jsonb, "content" = ?::jsonb, "last_error" = ?, "updated_at" = now() where "id" = ?`, [
        JSON.stringify(redactDeep(row.data, redact)),
        row.content === null ? null : JSON.stringify(redactDeep(row.content, redact)),
        row.last_error === null ? null : redact(row.last_error),
        row.id,
      ]);
      const items = await this.em.execute<{ id: string; title: string; body: string; variants: InboxVariants | null }[]>(
        `select "id", "title", "body", "variants" from "inbox_item" where "delivery_id" = ?`,
        [row.id],
      );
      for (const item of items) {
        await this.em.execute(`update "inbox_item" set "title" = ?, "body" = ?, "variants" = ?::jsonb where "id" = ?`, [
          redact(item.title),
          redact(item.body),
          item.variants === null ? null : JSON.stringify(redactDeep(item.variants, redact)),
          item.id,
        ]);
      }
    }
    return own.length + about.length;
  }

  /** Consent withdrawn: every delivery still queued to the contact is skipped at once, visibly (`no-consent`). */
  async withdrawConsent(contactId: string): Promise<number> {
    const rows = await this.em.execute<{ id: string }[]>(
      `update "delivery" set "status" = 'skipped', "skip_reason" = 'no-consent', "next_attempt_at" = null, "updated_at" = now()
       where "recipient_kind" = 'contact' and "recipient_id" = ? and "status" = 'queued' returning "id"`,
      [contactId],
    );
    return rows.length;
  }

  /** A claimed delivery that may no longer go out (consent withdrawn or erased since it was queued). */
  skip(id: string, reason: 'no-consent' | 'erased'): Promise<unknown> {
    return this.em.execute(
      `update "delivery" set "status" = 'skipped', "skip_reason" = ?, "next_attempt_at" = null, "updated_at" = now(),
         "address" = case when ? then null else "address" end, "recipient_name" = case when ? then null else "recipient_name" end,
         "content" = case when ? then null else "content" end
       where "id" = ?`,
      [reason, reason === 'erased', reason === 'erased', reason === 'erased', id],
    );
  }

  countResends(id: string): Promise<number> {
    return this.em.execute<{ n: string }[]>(`select count(*) as n from "delivery" where "resend_of" = ?`, [id]).then((rows) => Number(rows[0].n));
  }

  nextDue(): Promise<Date | null> {
    return this.em.execute<{ at: Date | null }[]>(`select min("next_attempt_at") as "at" from "delivery" where "status" = 'queued'`).then((rows) => rows[0]?.at ?? null);
  }
}
