import type { EntityManager } from '@mikro-orm/postgresql';

/** What notifications knows of a contact from communities' events: consent and erasure, by id only. */
export interface ContactState {
  contact_id: string;
  consent: boolean;
  consent_changed_at: Date;
  erased_at: Date | null;
}

/** The advisory lock of one contact (transaction-scoped, so it is released by commit or rollback). */
const CONTACT_LOCK = `hashtextextended('notifications.contact:' || ?, 0)`;

/** Every query on contact_state. */
export class ContactStateRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Whoever writes a contact's name, address or a message about them (the delivery writer, resend) holds this shared
   * lock until commit and reads contact_state after taking it; the erasure and consent consumers take the exclusive
   * one (lockForChange) before they change anything. So either the write commits first and the consumer, waiting for
   * it, finds and redacts or skips its rows, or the consumer commits first and the write, waiting for it, sees the
   * erasure or withdrawal. Ids are locked in order, so two writers never wait on each other.
   */
  async lockForWrite(contactIds: readonly string[]): Promise<void> {
    for (const id of [...new Set(contactIds)].sort()) await this.em.execute(`select pg_advisory_xact_lock_shared(${CONTACT_LOCK})`, [id]);
  }

  /** The same lock, without waiting: false while an erasure or consent change of the contact is being recorded. */
  async tryLockForWrite(contactId: string): Promise<boolean> {
    const [row] = await this.em.execute<{ locked: boolean }[]>(`select pg_try_advisory_xact_lock_shared(${CONTACT_LOCK}) as "locked"`, [contactId]);
    return row.locked;
  }

  /** The exclusive lock taken by the erasure and consent consumers before they record the change (see lockForWrite). */
  lockForChange(contactId: string): Promise<unknown> {
    return this.em.execute(`select pg_advisory_xact_lock(${CONTACT_LOCK})`, [contactId]);
  }

  /**
   * Records a consent change unless a later one is known already (events may arrive out of order). Returns whether
   * it was recorded.
   */
  async recordConsent(contactId: string, consent: boolean, at: Date): Promise<boolean> {
    const rows = await this.em.execute<{ contact_id: string }[]>(
      `insert into "contact_state" ("contact_id", "consent", "consent_changed_at") values (?, ?, ?)
       on conflict ("contact_id") do update set "consent" = excluded."consent", "consent_changed_at" = excluded."consent_changed_at", "updated_at" = now()
         where "contact_state"."consent_changed_at" <= excluded."consent_changed_at"
       returning "contact_id"`,
      [contactId, consent, at],
    );
    return rows.length > 0;
  }

  /** Erasure is final: no consent from then on. */
  recordErasure(contactId: string, at: Date): Promise<unknown> {
    return this.em.execute(
      `insert into "contact_state" ("contact_id", "consent", "consent_changed_at", "erased_at") values (?, false, ?, ?)
       on conflict ("contact_id") do update set "consent" = false, "erased_at" = coalesce("contact_state"."erased_at", excluded."erased_at"),
         "consent_changed_at" = greatest("contact_state"."consent_changed_at", excluded."consent_changed_at"), "updated_at" = now()`,
      [contactId, at, at],
    );
  }

  find(contactId: string): Promise<ContactState | undefined> {
    return this.em.execute<ContactState[]>(`select * from "contact_state" where "contact_id" = ?`, [contactId]).then((rows) => rows[0]);
  }

  async findMany(contactIds: readonly string[]): Promise<Map<string, ContactState>> {
    if (contactIds.length === 0) return new Map();
    const ids = [...new Set(contactIds)];
    const rows = await this.em.execute<ContactState[]>(`select * from "contact_state" where "contact_id" in (${ids.map(() => '?').join(', ')})`, ids);
    return new Map(rows.map((row) => [row.contact_id, row]));
  }
}
