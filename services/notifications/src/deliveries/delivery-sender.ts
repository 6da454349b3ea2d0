import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { SendOutcome } from '../channels/channel';
import { EmailChannel } from '../channels/email.channel';
import { minutesPdf } from '../channels/minutes-pdf';
import { SmsChannel } from '../channels/sms.channel';
import { backoffMs, NOTIFICATIONS_CONFIG } from '../common/notifications-config';
import { WorkerLoop } from '../common/worker-loop';
import type { NotificationsConfig } from '../config';
import { ContactStateRepository } from './contact-state.repository';
import { DeliveryRepository, type DeliveryRow } from './delivery.repository';

/**
 * Sends queued deliveries. Each send runs inside the transaction that holds the delivery's row lock (FOR UPDATE SKIP
 * LOCKED) and records the outcome before it commits, so two replicas never send the same row and a send whose outcome
 * was recorded never repeats. Transient failures come back after a growing delay until NOTIFY_MAX_ATTEMPTS, then
 * `failed` with the provider's error; permanent ones fail at once.
 */
@Injectable()
export class DeliverySender implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(DeliverySender.name);
  private readonly loop: WorkerLoop;
  private readonly email: EmailChannel;
  private readonly sms: SmsChannel;

  constructor(
    private readonly orm: MikroORM,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {
    this.email = new EmailChannel(config.smtpUrl, config.mailFrom, config.sendConcurrency);
    this.sms = new SmsChannel(config.sms);
    this.loop = new WorkerLoop('sender', () => this.step(), {
      pollMs: config.pollMs,
      concurrency: config.sendConcurrency,
      onError: (error) => this.logger.error(`send step: ${(error as Error)?.message ?? error}`),
    });
  }

  get organiserEmail(): string {
    return this.email.fromAddress;
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** First thing on shutdown (before the NATS listener's grace period): finish the sends in flight, take no more. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  onApplicationShutdown(): void {
    this.email.close();
  }

  wake(): void {
    this.loop.wake();
  }

  /** Sends one due delivery; false when none is due. */
  async step(): Promise<boolean> {
    let retryAt: Date | null = null;
    const worked = await (this.orm.em.fork() as EntityManager).transactional(async (tx) => {
      const repo = new DeliveryRepository(tx);
      const delivery = await repo.claimDue();
      if (!delivery) return false;
      const states = new ContactStateRepository(tx);
      // An erasure or consent change of the recipient is being recorded right now: leave the row queued a moment (its
      // consumer then skips or redacts it) rather than send to someone being erased, and go on with other rows. Never
      // waits: the consumer may be waiting for this row's lock, which it takes after the contact's.
      if (delivery.recipient_kind === 'contact' && !(await states.tryLockForWrite(delivery.recipient_id))) {
        await repo.postpone(delivery.id, new Date(Date.now() + Math.min(this.config.pollMs, 1_000)));
        return true;
      }
      // Consent withdrawn or erased after this was queued (on a recipient list resolved just before): never send.
      const state = delivery.recipient_kind === 'contact' ? await states.find(delivery.recipient_id) : undefined;
      if (state && (state.erased_at || (!state.consent && new Date(state.consent_changed_at) >= new Date(delivery.created_at)))) {
        await repo.skip(delivery.id, state.erased_at ? 'erased' : 'no-consent');
        return true;
      }
      const outcome = await this.send(delivery).catch((error: unknown): SendOutcome => ({ ok: false, permanent: false, error: String((error as Error)?.message ?? error) }));
      if (outcome.ok) {
        await repo.markSent(delivery.id, outcome.delivered);
      } else if (outcome.permanent || delivery.attempts + 1 >= this.config.maxAttempts) {
        await repo.markFailed(delivery.id, outcome.error.slice(0, 1000));
      } else {
        retryAt = new Date(Date.now() + backoffMs(this.config.retryBaseMs, delivery.attempts + 1));
        await repo.markRetry(delivery.id, outcome.error.slice(0, 1000), retryAt);
      }
      return true;
    });
    if (retryAt) this.wakeAt(retryAt);
    return worked;
  }

  /** Retries due sooner than the next poll still go out on time. */
  private wakeAt(at: Date): void {
    const delay = at.getTime() - Date.now();
    if (delay >= this.config.pollMs) return;
    setTimeout(() => this.wake(), Math.max(0, delay) + 5).unref();
  }

  private async send(delivery: DeliveryRow): Promise<SendOutcome> {
    const content = delivery.content;
    if (!content || !delivery.address) return { ok: false, permanent: true, error: 'nothing to send (no content or address)' };
    if (delivery.channel === 'sms') return this.sms.send({ deliveryId: delivery.id, to: delivery.address, text: content.sms });
    if (delivery.channel !== 'email') return { ok: false, permanent: true, error: `channel ${delivery.channel} is not sent by the queue` };
    const attachments: { filename: string; content: Buffer | string; contentType: string }[] = [];
    if (content.ics) attachments.push({ filename: 'reporting-day.ics', content: content.ics.content, contentType: `text/calendar; charset=utf-8; method=${content.ics.method}` });
    if (content.minutesPdf) attachments.push({ filename: 'minutes.pdf', content: await minutesPdf(content.minutesPdf), contentType: 'application/pdf' });
    return this.email.send({
      deliveryId: delivery.id,
      to: delivery.address,
      subject: content.subject,
      text: content.text,
      html: content.html,
      attachments,
    });
  }
}
