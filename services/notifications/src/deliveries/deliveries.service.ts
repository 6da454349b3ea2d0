import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { DomainException, type Actor, type DataOf, type DeliveryView, type ListDeliveriesQryV1 } from '@rd/contracts';
import { requirePermission, scopeCondition } from '../common/access';
import { NOTIFICATIONS_CONFIG } from '../common/notifications-config';
import { Peers } from '../common/peers';
import type { NotificationsConfig } from '../config';
import { DeliveryWriter } from '../dispatch/delivery-writer';
import { ContactStateRepository } from './contact-state.repository';
import { DeliverySender } from './delivery-sender';
import { toDeliveryView } from './delivery.mapper';
import { DeliveryRepository, type DeliveryRow } from './delivery.repository';

const SORT_COLUMNS: Record<DataOf<typeof ListDeliveriesQryV1>['sort'], string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  status: 'status',
  channel: 'channel',
  type: 'type',
};

/** The delivery log (in the actor's scope) and resending. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly writer: DeliveryWriter,
    private readonly sender: DeliverySender,
    private readonly peers: Peers,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }

  async list(actor: Actor, query: DataOf<typeof ListDeliveriesQryV1>): Promise<{ items: DeliveryView[]; total: number }> {
    requirePermission(actor, 'delivery:read');
    const scope = scopeCondition(actor.scope);
    const where: string[] = [scope.sql];
    const params: unknown[] = [...scope.params];
    const eq = (column: string, value: unknown) => {
      if (value === undefined) return;
      where.push(`"${column}" = ?`);
      params.push(value);
    };
    eq('status', query.status);
    eq('channel', query.channel);
    eq('type', query.type);
    eq('district_code', query.districtCode);
    eq('meeting_id', query.meetingId);
    eq('recipient_id', query.recipientId);
    eq('language_fallback', query.languageFallback);
    if (query.from) {
      where.push(`"created_at" >= ?`);
      params.push(new Date(query.from));
    }
    if (query.to) {
      where.push(`"created_at" < ?`);
      params.push(new Date(query.to));
    }
    const em = this.em();
    const condition = where.join(' and ');
    const [{ total }] = await em.execute<{ total: string }[]>(`select count(*) as total from "delivery" where ${condition}`, params);
    const rows = await em.execute<DeliveryRow[]>(
      `select * from "delivery" where ${condition} order by "${SORT_COLUMNS[query.sort]}" ${query.order === 'ASC' ? 'asc' : 'desc'}, "id" limit ? offset ?`,
      [...params, query.limit, query.offset],
    );
    return { items: rows.map(toDeliveryView), total: Number(total) };
  }

  private async findInScope(actor: Actor, id: string): Promise<DeliveryRow> {
    const scope = scopeCondition(actor.scope);
    const [row] = await this.em().execute<DeliveryRow[]>(`select * from "delivery" where "id" = ? and ${scope.sql}`, [id, ...scope.params]);
    if (!row) throw new DomainException('delivery.not-found', 'Delivery not found');
    return row;
  }

  async get(actor: Actor, id: string): Promise<DeliveryView> {
    requirePermission(actor, 'delivery:read');
    return toDeliveryView(await this.findInScope(actor, id));
  }

  /**
   * A new delivery to the same recipient on their current channel, address, language and consent (looked up now),
   * rendered again from the stored message data with the current template.
   */
  async resend(actor: Actor, id: string): Promise<DeliveryView> {
    requirePermission(actor, 'delivery:resend');
    const original = await this.findInScope(actor, id);
    if (original.recipient_kind !== 'contact') throw new DomainException('delivery.not-resendable', 'Console messages stay in the inbox; they are not resent');
    const [contact] = await this.peers.contactsByIds([original.recipient_id]);
    if (!contact) throw new DomainException('delivery.recipient-gone', 'The recipient no longer exists');
    const { attachments, link, ...data } = original.data;
    const row = await this.em().transactional(async (tx) => {
      const repo = new DeliveryRepository(tx);
      // The writer's contact locks first (before the row lock an erasure also takes), then the delivery's row.
      await new ContactStateRepository(tx).lockForWrite([original.recipient_id, ...original.about_contact_ids]);
      // Serialises resends of one delivery: the count below names the new one.
      await tx.execute(`select "id" from "delivery" where "id" = ? for update`, [original.id]);
      const n = (await repo.countResends(original.id)) + 1;
      return this.writer.writeForContact(
        tx,
        repo,
        { type: original.type, sourceKey: original.source_key, subjectId: original.subject_id, meetingId: original.meeting_id, data, link: link ?? null, attachments, aboutContactIds: original.about_contact_ids },
        contact,
        { consoleUrl: this.config.consoleUrl, organiserEmail: this.sender.organiserEmail },
        { id: original.id, n },
      );
    });
    if (!row) throw new DomainException('delivery.resend-recorded', 'Resend already recorded');
    this.sender.wake();
    return toDeliveryView(row);
  }
}
