import { Module, type DynamicModule } from '@nestjs/common';
import { NOTIFICATIONS_CONFIG } from './common/notifications-config';
import { Peers } from './common/peers';
import type { NotificationsConfig } from './config';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DeliverySender } from './deliveries/delivery-sender';
import { DeliveryWriter } from './dispatch/delivery-writer';
import { JobsService } from './dispatch/jobs.service';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { NotificationsEventsConsumer } from './notifications-events.consumer';
import { JobRunner } from './planning/job-runner';
import { PlannerService } from './planning/planner.service';
import { SettingsController } from './settings/settings.controller';
import { SettingsService } from './settings/settings.service';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesService } from './templates/templates.service';

/**
 * One module: consumers plan work, the job runner turns it into deliveries, the sender sends them; the controllers
 * answer the gateway (inbox, delivery log, templates, settings).
 */
@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [InboxController, DeliveriesController, TemplatesController, SettingsController],
      providers: [
        { provide: NOTIFICATIONS_CONFIG, useValue: config },
        { provide: Peers, useFactory: () => new Peers({ natsUrl: config.natsUrl, natsAuth: config.natsAuth, prefix: config.prefix }) },
        TemplatesService,
        PlannerService,
        JobsService,
        DeliveryWriter,
        DeliverySender,
        JobRunner,
        DeliveriesService,
        InboxService,
        SettingsService,
        NotificationsEventsConsumer,
      ],
    };
  }
}
