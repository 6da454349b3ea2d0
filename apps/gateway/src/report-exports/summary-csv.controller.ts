import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { actorHasPermission } from '@rd/auth-core';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import { RenderReportCsvQryV1, ReportExportInputSchema, SummaryCsvQuerySchema, type Actor } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { ProblemError } from '../problem/problem';
import { RPC_CLIENT } from '../rpc/rpc.module';
import { resolveExportLabels } from './export-labels';

/** The CSV of one summary answered at once, for a link next to the summary; larger ones go through export jobs. */
@Controller('reports')
export class SummaryCsvController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get('summary.csv')
  @RequirePermission('report:read')
  @ApiContract({
    summary: 'The CSV of a summary (same level, code, from, to as /reports/summary; language of names) at once; 404 outside your scope, 409 when too large for a direct answer (request an export job)',
    produces: 'text/csv',
  })
  async csv(
    @CurrentActor() actor: Actor,
    @Query() query: unknown,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const raw = parseInput(SummaryCsvQuerySchema, query);
    const request = parseInput(ReportExportInputSchema, { format: 'csv', ...raw });
    if (request.level === 'community' && !actorHasPermission(actor, 'report:drill-down')) throw new ProblemError('report.aggregates-only', 'Your role sees aggregates only');
    const labels = await resolveExportLabels(this.rpc, actor, request, correlationId);
    const file = await this.rpc.request(RenderReportCsvQryV1, actor, { request, labels }, { correlationId, timeoutMs: 15_000 });
    void reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
      .header('Cache-Control', 'private, no-store');
    return Buffer.from(file.data, 'base64');
  }
}
