import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { actorHasPermission } from '@rd/auth-core';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  DistrictReportSchema,
  GetDistrictReportQryV1,
  GetReportSummaryQryV1,
  GetReportTimeSeriesQryV1,
  ListMissingReportsQryV2,
  MissingReportsQuerySchema,
  MissingReportsSchema,
  ReportScopeQuerySchema,
  ReportSummarySchema,
  ReportTimeSeriesSchema,
  type Actor,
  type DistrictReport,
  type MissingReports,
  type ReportScopeInput,
  type ReportSummary,
  type ReportTimeSeries,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { ProblemError } from '../problem/problem';
import { RPC_CLIENT } from '../rpc/rpc.module';

/** Query strings → the request of the reporting service (validated again there). */
function scopeInput(actor: Actor, query: unknown): ReportScopeInput {
  const raw = parseInput(ReportScopeQuerySchema, query);
  // One community's numbers are record-level detail: only roles with drill-down may open them.
  if (raw.level === 'community' && !actorHasPermission(actor, 'report:drill-down')) {
    throw new ProblemError('report.aggregates-only', 'Your role sees aggregates only');
  }
  return { level: raw.level, code: raw.code, from: raw.from, to: raw.to, suppress: raw.suppress === 'true' };
}

@Controller('reports')
export class ReportsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get('summary')
  @RequirePermission('report:read')
  @ApiContract({
    summary:
      'Measures of a unit (level=country|region|district|community, code) over quarters from..to, with the units one level down side by side; ' +
      '404 outside your scope; small groups suppressed in cross-district views',
    response: ReportSummarySchema,
  })
  async summary(@CurrentActor() actor: Actor, @Query() query: unknown, @CorrelationId() correlationId: string): Promise<ReportSummary & { id: string }> {
    const input = scopeInput(actor, query);
    const data = parseInput(GetReportSummaryQryV1.schema, input);
    const report = await this.rpc.request(GetReportSummaryQryV1, actor, data, { correlationId });
    return { id: `${report.unit.level}:${report.unit.code ?? 'all'}:${report.period.from}:${report.period.to}`, ...report };
  }

  @Get('timeseries')
  @RequirePermission('report:read')
  @ApiContract({ summary: 'The measures of a unit per quarter from..to (trend charts); same scope rules as the summary', response: ReportTimeSeriesSchema })
  async timeSeries(@CurrentActor() actor: Actor, @Query() query: unknown, @CorrelationId() correlationId: string): Promise<ReportTimeSeries> {
    const input = scopeInput(actor, query);
    const data = parseInput(GetReportTimeSeriesQryV1.schema, input);
    return this.rpc.request(GetReportTimeSeriesQryV1, actor, data, { correlationId });
  }

  @Get('missing')
  @RequirePermission('report:drill-down')
  @ApiContract({
    summary:
      'Communities active in a quarter without a reporting day held (level=country|region|district, code, quarter, offset, limit), expected ones first; ' +
      'one activated too late in the quarter to count in its rate is listed too, marked expected: false. 404 outside your scope',
    response: MissingReportsSchema,
  })
  async missing(@CurrentActor() actor: Actor, @Query() query: unknown, @CorrelationId() correlationId: string): Promise<MissingReports> {
    const raw = parseInput(MissingReportsQuerySchema, query);
    const data = parseInput(ListMissingReportsQryV2.schema, {
      level: raw.level,
      code: raw.code,
      quarter: raw.quarter,
      offset: raw.offset === undefined ? undefined : Number(raw.offset),
      limit: raw.limit === undefined ? undefined : Number(raw.limit),
    });
    return this.rpc.request(ListMissingReportsQryV2, actor, data, { correlationId });
  }

  @Get('districts/:districtCode')
  @RequirePermission('report:read')
  @ApiContract({ summary: 'District summary from the reporting read model', response: DistrictReportSchema.extend({ id: z.string().describe('The district code (react-admin needs an id)') }) })
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
