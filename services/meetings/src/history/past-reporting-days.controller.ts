import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { ApplyPastReportingDayImportCmdV1, DryRunPastReportingDayImportQryV1, RecordPastReportingDayCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../common/correlation';
import { PastReportingDaysService } from './past-reporting-days.service';

@Controller()
export class PastReportingDaysController {
  constructor(
    private readonly orm: MikroORM,
    private readonly days: PastReportingDaysService,
  ) {}

  @MessagePattern(RecordPastReportingDayCmdV1.name)
  @CreateRequestContext()
  record(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof RecordPastReportingDayCmdV1>> {
    const { actor, data } = parseRequest(RecordPastReportingDayCmdV1, raw);
    return this.days.record(actor, data.input, correlationIdOf(context));
  }

  @MessagePattern(DryRunPastReportingDayImportQryV1.name)
  @CreateRequestContext()
  async dryRun(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof DryRunPastReportingDayImportQryV1>> {
    const { actor, data } = parseRequest(DryRunPastReportingDayImportQryV1, raw);
    return { errors: await this.days.check(actor, data.rows, correlationIdOf(context)) };
  }

  @MessagePattern(ApplyPastReportingDayImportCmdV1.name)
  @CreateRequestContext()
  apply(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof ApplyPastReportingDayImportCmdV1>> {
    const { actor, data } = parseRequest(ApplyPastReportingDayImportCmdV1, raw);
    return this.days.apply(actor, data.rows, correlationIdOf(context));
  }
}
