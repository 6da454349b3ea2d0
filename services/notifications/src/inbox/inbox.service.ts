import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainException, type Actor, type DataOf, type InboxCountView, type InboxItemView, type ListInboxQryV1, type NotificationLanguage, type NotificationType } from '@rd/contracts';
import { pgArray, requirePermission, scopeCondition } from '../common/access';
import type { InboxVariant, InboxVariants } from '../deliveries/delivery.repository';
import { CONSOLE_LANGUAGE } from '../dispatch/delivery-writer';
import { fallbackChain } from '../templates/render';

interface InboxRow {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  district_code: string;
  region_code: string;
  language: NotificationLanguage;
  /** Null for messages written before they were rendered in every language. */
  variants: Partial<InboxVariants> | null;
  read_at: Date | null;
  created_at: Date;
}

/** The message in the language asked for (its rendering already fell back per template), else its one stored text. */
export function textIn(row: Pick<InboxRow, 'title' | 'body' | 'language' | 'variants'>, language: NotificationLanguage): InboxVariant {
  const variant = fallbackChain(language)
    .map((candidate) => row.variants?.[candidate])
    .find((found) => found !== undefined);
  return variant ?? { title: row.title, body: row.body, language: row.language };
}

function toView(row: InboxRow, language: NotificationLanguage): InboxItemView {
  const text = textIn(row, language);
  return {
    id: row.id,
    type: row.type,
    title: text.title,
    body: text.body,
    link: row.link,
    districtCode: row.district_code,
    regionCode: row.region_code,
    language: text.language,
    read: row.read_at !== null,
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/**
 * The console inbox. Messages are addressed to an audience (roles in a district) or a user; which ones a caller sees
 * is computed from the token's roles and scope at read time, so a user who changes district sees that district's.
 * Read state is per user, whatever the language a message is read in: each is shown in the language asked for.
 */
@Injectable()
export class InboxService {
  constructor(private readonly orm: MikroORM) {}

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }

  /** Rows of inbox_item `i` the actor sees, joined with the actor's read state `r`. */
  private visible(actor: Actor): { from: string; where: string; params: unknown[] } {
    const scope = scopeCondition(actor.scope, 'i');
    return {
      from: `"inbox_item" i left join "inbox_read" r on r."item_id" = i."id" and r."user_id" = ?`,
      where: `(i."user_id" = ? or (i."user_id" is null and jsonb_exists_any(i."roles", ?::text[]) and ${scope.sql}))`,
      params: [actor.userId, actor.userId, pgArray(actor.roles), ...scope.params],
    };
  }

  async list(actor: Actor, query: DataOf<typeof ListInboxQryV1>): Promise<{ items: InboxItemView[]; total: number }> {
    requirePermission(actor, 'inbox:read');
    const v = this.visible(actor);
    const where = [v.where];
    const params = [...v.params];
    if (query.unread !== undefined) where.push(query.unread ? `r."item_id" is null` : `r."item_id" is not null`);
    if (query.type) {
      where.push(`i."type" = ?`);
      params.push(query.type);
    }
    if (query.districtCode) {
      where.push(`i."district_code" = ?`);
      params.push(query.districtCode);
    }
    const em = this.em();
    const condition = where.join(' and ');
    const [{ total }] = await em.execute<{ total: string }[]>(`select count(*) as total from ${v.from} where ${condition}`, params);
    const column = query.sort === 'type' ? 'i."type"' : 'i."created_at"';
    const rows = await em.execute<InboxRow[]>(
      `select i.*, r."read_at" from ${v.from} where ${condition} order by ${column} ${query.order === 'ASC' ? 'asc' : 'desc'}, i."id" limit ? offset ?`,
      [...params, query.limit, query.offset],
    );
    const language = query.language ?? CONSOLE_LANGUAGE;
    return { items: rows.map((row) => toView(row, language)), total: Number(total) };
  }

  async count(actor: Actor): Promise<InboxCountView> {
    requirePermission(actor, 'inbox:read');
    const v = this.visible(actor);
    const [row] = await this.em().execute<{ total: string; unread: string }[]>(
      `select count(*) as total, count(*) filter (where r."item_id" is null) as unread from ${v.from} where ${v.where}`,
      v.params,
    );
    return { total: Number(row.total), unread: Number(row.unread) };
  }

  async mark(actor: Actor, id: string, read: boolean, language: NotificationLanguage = CONSOLE_LANGUAGE): Promise<InboxItemView> {
    requirePermission(actor, 'inbox:read');
    const em = this.em();
    const v = this.visible(actor);
    const [row] = await em.execute<InboxRow[]>(`select i.*, r."read_at" from ${v.from} where i."id" = ? and ${v.where}`, [v.params[0], id, ...v.params.slice(1)]);
    if (!row) throw new DomainException('inbox-message.not-found', 'Message not found');
    if (read) await em.execute(`insert into "inbox_read" ("user_id", "item_id") values (?, ?) on conflict do nothing`, [actor.userId, id]);
    else await em.execute(`delete from "inbox_read" where "user_id" = ? and "item_id" = ?`, [actor.userId, id]);
    const [after] = await em.execute<InboxRow[]>(`select i.*, r."read_at" from ${v.from} where i."id" = ?`, [actor.userId, id]);
    return toView(after, language);
  }

  async markAll(actor: Actor): Promise<{ marked: number }> {
    requirePermission(actor, 'inbox:read');
    const v = this.visible(actor);
    const rows = await this.em().execute<{ item_id: string }[]>(
      `insert into "inbox_read" ("user_id", "item_id") select ?, i."id" from ${v.from} where ${v.where} and r."item_id" is null on conflict do nothing returning "item_id"`,
      [actor.userId, ...v.params],
    );
    return { marked: rows.length };
  }
}
