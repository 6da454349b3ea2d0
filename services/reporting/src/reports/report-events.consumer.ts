import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  ActionAssignedEvtV1,
  ActionStatusChangedEvtV1,
  AttendanceRecordedEvtV1,
  ConcernRecordedEvtV1,
  ConcernSensitivityChangedEvtV1,
  FeedbackRecordedEvtV1,
  MeetingCancelledEvtV1,
  MeetingClosedEvtV1,
  MeetingHeldEvtV1,
  MeetingRescheduledEvtV1,
  MeetingScheduledEvtV1,
  durableConsumerName,
  type DataOf,
  type EventDef,
} from '@rd/contracts';
import { EventConsumer, NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type EventMeta, type ServiceRuntimeOptions } from '@rd/messaging';
import { applyOnce } from '@rd/persistence';
import type { NatsConnection } from 'nats';
import { ReportProjectionService } from './report-projection.service';

type Handler<D extends EventDef> = (tx: EntityManager, payload: DataOf<D>) => Promise<void>;
interface Binding<D extends EventDef = EventDef> {
  event: D;
  apply: Handler<D>;
}
const bind = <D extends EventDef>(event: D, apply: Handler<D>): Binding => ({ event, apply: apply as Handler<EventDef> });

/** Events of meetings reporting derives its measures from (community events come through DistrictReportsService). */
export const REPORT_MEETING_EVENTS: readonly EventDef[] = [
  MeetingScheduledEvtV1,
  MeetingRescheduledEvtV1,
  MeetingCancelledEvtV1,
  MeetingHeldEvtV1,
  MeetingClosedEvtV1,
  AttendanceRecordedEvtV1,
  FeedbackRecordedEvtV1,
  ConcernRecordedEvtV1,
  ConcernSensitivityChangedEvtV1,
  ActionAssignedEvtV1,
  ActionStatusChangedEvtV1,
];

/**
 * One durable consumer per meetings event: each message is applied once (inbox) in one transaction with its
 * effect on the read model, and acked after the commit.
 */
@Injectable()
export class ReportEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportEventsConsumer.name);
  private consumers: EventConsumer<EventDef>[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly projection: ReportProjectionService,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) private readonly options: ServiceRuntimeOptions,
  ) {}

  private bindings(): Binding[] {
    const p = this.projection;
    return [
      bind(MeetingScheduledEvtV1, (tx, e) => p.onMeetingScheduled(tx, e)),
      bind(MeetingRescheduledEvtV1, (tx, e) => p.onMeetingRescheduled(tx, e)),
      bind(MeetingCancelledEvtV1, (tx, e) => p.onMeetingCancelled(tx, e)),
      bind(MeetingHeldEvtV1, (tx, e) => p.onMeetingHeld(tx, e)),
      bind(MeetingClosedEvtV1, (tx, e) => p.onMeetingClosed(tx, e)),
      bind(AttendanceRecordedEvtV1, (tx, e) => p.onAttendanceRecorded(tx, e)),
      bind(FeedbackRecordedEvtV1, (tx, e) => p.onFeedbackRecorded(tx, e)),
      bind(ConcernRecordedEvtV1, (tx, e) => p.onConcernRecorded(tx, e)),
      bind(ConcernSensitivityChangedEvtV1, (tx, e) => p.onConcernSensitivityChanged(tx, e)),
      bind(ActionAssignedEvtV1, (tx, e) => p.onActionAssigned(tx, e)),
      bind(ActionStatusChangedEvtV1, (tx, e) => p.onActionStatusChanged(tx, e)),
    ];
  }

  private apply(binding: Binding, payload: unknown, meta: Pick<EventMeta, 'consumer' | 'messageId' | 'subject'>): Promise<boolean> {
    return applyOnce(this.em, { consumer: meta.consumer, messageId: meta.messageId, subject: meta.subject }, (tx) => binding.apply(tx, payload as never));
  }

  /** Applies one message once, as its durable consumer would (tests drive the projection with it, without NATS). */
  applyEvent(eventName: string, payload: unknown, messageId: string): Promise<boolean> {
    const binding = this.bindings().find((b) => b.event.name === eventName);
    if (!binding) throw new Error(`reporting does not consume ${eventName}`);
    const data = binding.event.schema.parse(payload);
    return this.apply(binding, data, { consumer: durableConsumerName('reporting', eventName), messageId, subject: eventName });
  }

  async onApplicationBootstrap(): Promise<void> {
    const logger = { log: (m: string) => this.logger.log(m), warn: (m: string) => this.logger.warn(m), error: (m: string) => this.logger.error(m) };
    this.consumers = this.bindings().map(
      (binding) =>
        new EventConsumer<EventDef>({
          nc: this.nc,
          prefix: this.options.prefix,
          service: 'reporting',
          event: binding.event,
          handle: async (payload, meta) => {
            await this.apply(binding, payload, meta);
          },
          logger,
        }),
    );
    for (const consumer of this.consumers) await consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const consumer of this.consumers) await consumer.stop();
  }
}
