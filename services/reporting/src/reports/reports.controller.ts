import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetReportSummaryQryV1, GetReportTimeSeriesQryV1, ListMissingReportsQryV2, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { ReportQueryService } from './report-query.service';

@Controller()
export class ReportsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly reports: ReportQueryService,
  ) {}

  @MessagePattern(GetReportSummaryQryV1.name)
  @CreateRequestContext()
  summary(@Payload() raw: unknown): Promise<ReplyOf<typeof GetReportSummaryQryV1>> {
    const { actor, data } = parseRequest(GetReportSummaryQryV1, raw);
    return this.reports.summary(actor, data);
  }

  @MessagePattern(GetReportTimeSeriesQryV1.name)
  @CreateRequestContext()
  timeSeries(@Payload() raw: unknown): Promise<ReplyOf<typeof GetReportTimeSeriesQryV1>> {
    const { actor, data } = parseRequest(GetReportTimeSeriesQryV1, raw);
    return this.reports.timeSeries(actor, data);
  }

  @MessagePattern(ListMissingReportsQryV2.name)
  @CreateRequestContext()
  missing(@Payload() raw: unknown): Promise<ReplyOf<typeof ListMissingReportsQryV2>> {
    const { actor, data } = parseRequest(ListMissingReportsQryV2, raw);
    return this.reports.missing(actor, data);
  }
}
