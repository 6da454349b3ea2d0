import { Controller, Get, Inject, Param } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import { DistrictReportSchema, GetDistrictReportQryV1, type Actor, type DistrictReport } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import { CorrelationId } from '../http/correlation';
import { ApiContract } from '../openapi/api-contract.decorator';
import { parseInput } from '../http/parse-body';
import { RPC_CLIENT } from '../rpc/rpc.module';

@Controller('reports')
export class ReportsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get('districts/:districtCode')
  @RequirePermission('report:read')
  @ApiContract({ summary: 'District summary from the reporting read model', response: DistrictReportSchema })
  async district(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @CorrelationId() correlationId: string,
  ): Promise<DistrictReport & { id: string }> {
    const data = parseInput(GetDistrictReportQryV1.schema, params);
    const report = await this.rpc.request(GetDistrictReportQryV1, actor, data, { correlationId });
    return { id: report.districtCode, ...report };
  }
}
