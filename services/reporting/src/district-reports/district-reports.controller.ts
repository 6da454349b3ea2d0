import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetDistrictReportQryV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { DistrictReportsService } from './district-reports.service';

@Controller()
export class DistrictReportsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly reports: DistrictReportsService,
  ) {}

  @MessagePattern(GetDistrictReportQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetDistrictReportQryV1>> {
    const { actor, data } = parseRequest(GetDistrictReportQryV1, raw);
    return this.reports.get(actor, data.districtCode);
  }
}
