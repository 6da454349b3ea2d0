import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuthGuard, AuthModule } from '@rd/auth-nest';
import { AuditController } from './audit/audit.controller';
import { AuditModule } from './audit/audit.module';
import { CommunitiesController } from './communities/communities.controller';
import { ContactCardController } from './communities/contact-card.controller';
import { ContactsController } from './contacts/contacts.controller';
import { CommunityImportsController } from './community-imports/community-imports.controller';
import { MinutesFileController } from './history/minutes-file.controller';
import { PastReportingDayImportsController, PastReportingDaysController } from './history/past-reporting-days.controller';
import type { GatewayConfig } from './config';
import { DistrictsController } from './districts/districts.controller';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { HealthController } from './health/health.controller';
import { MeController } from './me/me.controller';
import { OfficerAssignmentsController } from './officer-assignments/officer-assignments.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { OrganisationsController } from './organisations/organisations.controller';
import { ProblemFilter } from './problem/problem.filter';
import { IpRateLimitGuard, UserRateLimitGuard } from './rate-limit/rate-limit.guards';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RegionsController } from './regions/regions.controller';
import { ReportsController } from './reports/reports.controller';
import { ReportExportsController } from './report-exports/report-exports.controller';
import { SummaryCsvController } from './report-exports/summary-csv.controller';
import { RpcModule } from './rpc/rpc.module';
import { ConcernsController } from './concerns/concerns.controller';
import { ActionsController } from './actions/actions.controller';
import { MeetingCalendarsController } from './meetings/meeting-calendars.controller';
import { CalendarFeedsController } from './meetings/calendar-feeds.controller';
import { MeetingsController } from './meetings/meetings.controller';
import { AttendanceController } from './attendance/attendance.controller';
import { FeedbackController } from './feedback/feedback.controller';
import { PublicSurveyController } from './resident-survey/public-survey.controller';
import { ResidentSurveyController } from './resident-survey/resident-survey.controller';
import { MinutesController } from './minutes/minutes.controller';
import { MINUTES_PDF_FONT_DIR, MinutesPdfController } from './minutes/minutes-pdf.controller';
import { TemplatesController } from './templates/templates.controller';
import { AgendaController } from './agenda/agenda.controller';
import { BriefingsController } from './briefings/briefings.controller';
import { NotificationInboxController } from './notifications/notification-inbox.controller';
import { NotificationDeliveriesController } from './notifications/notification-deliveries.controller';
import { NotificationTemplatesController } from './notifications/notification-templates.controller';
import { NotificationSettingsController } from './notifications/notification-settings.controller';
import { DirectoryController } from './users/directory.controller';
import { UsersController } from './users/users.controller';
import { UsersModule } from './users/users.module';

/** Every HTTP route of the platform; the route table the access tests walk comes from here. */
export const GATEWAY_CONTROLLERS = [HealthController, OpenApiController, MeController, RegionsController, DistrictsController, CommunitiesController, ContactCardController, OrganisationsController, ContactsController, OfficerAssignmentsController, CommunityImportsController, PastReportingDaysController, PastReportingDayImportsController, MinutesFileController, ReportsController, ReportExportsController, SummaryCsvController, AuditController, ConcernsController, ActionsController, MeetingsController, MeetingCalendarsController, CalendarFeedsController, AttendanceController, FeedbackController, ResidentSurveyController, PublicSurveyController, MinutesController, MinutesPdfController, TemplatesController, AgendaController, BriefingsController, NotificationInboxController, NotificationDeliveriesController, NotificationTemplatesController, NotificationSettingsController, UsersController, DirectoryController];

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DiscoveryModule,
        AuthModule.forRoot({ issuerUrl: config.issuerUrl, jwksUrl: config.jwksUrl, audience: config.audience, allowedClients: config.allowedClients, jwksRefreshSeconds: config.jwksRefreshSeconds }),
        RpcModule.forRoot({ natsUrl: config.natsUrl, natsAuth: config.natsAuth, prefix: config.prefix, timeoutMs: config.rpcTimeoutMs }),
        RateLimitModule.forRoot(config.rateLimit),
        IdempotencyModule.forRoot({
          natsUrl: config.natsUrl,
          natsAuth: config.natsAuth,
          streamReplicas: config.streamReplicas,
          prefix: config.prefix,
          answerDeadlineMs: config.rpcTimeoutMs,
          lateReplyMs: config.idempotencyLateReplyMs,
        }),
        AuditModule.forRoot({ natsUrl: config.natsUrl, natsAuth: config.natsAuth, streamReplicas: config.streamReplicas, prefix: config.prefix, ...config.audit }),
        UsersModule.forRoot(config.userAdmin),
      ],
      controllers: GATEWAY_CONTROLLERS,
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: MINUTES_PDF_FONT_DIR, useValue: config.minutesPdfFontDir },
        // Global guards run in this order: address budget, then the token, then the user's budget.
        { provide: APP_GUARD, useClass: IpRateLimitGuard },
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_GUARD, useClass: UserRateLimitGuard },
      ],
    };
  }
}
