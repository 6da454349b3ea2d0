import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { MeetingCancelledEvtV1, type DataOf } from '@rd/contracts';
import { EventConsumerHost, NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type EventMeta, type ServiceRuntimeOptions } from '@rd/messaging';
import { applyOnce } from '@rd/persistence';
import type { NatsConnection } from 'nats';
import { JobRunner } from './job-runner';
import { PlannerService } from './planner.service';

/** Durable consumer of MeetingCancelled: plans its notifications in the inbox transaction, then wakes the job runner. */
@Injectable()
export class MeetingCancelledConsumer extends EventConsumerHost<typeof MeetingCancelledEvtV1> {
  constructor(
    private readonly orm: MikroORM,
    private readonly planner: PlannerService,
    private readonly runner: JobRunner,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(SERVICE_RUNTIME_OPTIONS) runtime: ServiceRuntimeOptions,
  ) {
    super(MeetingCancelledEvtV1, nc, runtime);
  }

  protected async handle(payload: DataOf<typeof MeetingCancelledEvtV1>, meta: EventMeta): Promise<unknown> {
    const applied = await applyOnce(this.orm.em.fork() as EntityManager, { consumer: meta.consumer, messageId: meta.messageId, subject: meta.subject }, (tx) =>
      this.planner.onMeetingCancelled(tx, payload, meta),
    );
    if (applied) this.runner.wake();
    return applied;
  }
}
