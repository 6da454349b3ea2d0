import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { actorHasPermission } from '@rd/auth-core';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  EXPORT_CHUNK_BYTES,
  ExportJobResourceSchema,
  GetReportExportQryV1,
  ListReportExportsQryV1,
  ReadReportExportContentQryV1,
  ReportExportInputSchema,
  RequestReportExportCmdV1,
  type Actor,
  type ExportJobResource,
  type ExportJobView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { ProblemError } from '../problem/problem';
import { RPC_CLIENT } from '../rpc/rpc.module';
import { contentStream } from './export-content-stream';
import { resolveExportLabels } from './export-labels';

const IdParam = z.object({ id: z.string().uuid('must be an export id') });
const BASE = '/api/v1/report-exports';

function toResource(job: ExportJobView): ExportJobResource {
  return { ...job, downloadUrl: job.status === 'done' ? `${BASE}/${job.id}/content` : null };
}

/** Report exports as jobs: request, follow progress, download (docs/adr/0017-report-exports.md). */
@Controller('report-exports')
export class ReportExportsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('report:read')
  @ApiContract({
    summary:
      'Request an export as a job: format=csv|xlsx of any summary (level, code, from, to) or format=pdf, the quarterly report of a region or district ' +
      '(level, code, quarter); 404 when the unit is outside your scope. Follow it at the Location.',
    body: ReportExportInputSchema,
    response: ExportJobResourceSchema,
    successStatus: 202,
  })
  async request(
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExportJobResource> {
    const request = parseInput(ReportExportInputSchema, body);
    // One community's numbers are record-level detail, as on GET /reports/summary.
    if (request.level === 'community' && !actorHasPermission(actor, 'report:drill-down')) throw new ProblemError('report.aggregates-only', 'Your role sees aggregates only');
    const labels = await resolveExportLabels(this.rpc, actor, request, correlationId);
    const job = await this.rpc.request(RequestReportExportCmdV1, actor, { request, labels }, { correlationId, timeoutMs: 15_000 });
    void reply.header('Location', `${BASE}/${job.id}`);
    return toResource(job);
  }

  @Get()
  @RequirePermission('report:read')
  @ApiContract({ summary: 'Your export jobs, newest first (the national coordinator sees every job; filter {"mine": true} for only their own)', response: ExportJobResourceSchema, list: true })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExportJobResource[]> {
    const jobs = await listResponse(reply, 'report-exports', query, ({ offset, limit, order, filter }) => {
      const data = parseInput(ListReportExportsQryV1.schema, { offset, limit, order: order ?? 'DESC', ...filter });
      return this.rpc.request(ListReportExportsQryV1, actor, data, { correlationId });
    });
    return jobs.map(toResource);
  }

  @Get(':id')
  @RequirePermission('report:read')
  @ApiContract({ summary: 'One export job: status, progress, and the download link once done; 404 unless you requested it (or are the national coordinator)', response: ExportJobResourceSchema })
  async get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<ExportJobResource> {
    const { id } = parseInput(IdParam, params);
    return toResource(await this.rpc.request(GetReportExportQryV1, actor, { id }, { correlationId }));
  }

  @Get(':id/content')
  @RequirePermission('report:read')
  @ApiContract({ summary: 'The file of a finished export (CSV, XLSX or PDF) as an attachment; 409 until it is done, 404 unless it is yours', produces: 'application/octet-stream' })
  async content(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { id } = parseInput(IdParam, params);
    const job = await this.rpc.request(GetReportExportQryV1, actor, { id }, { correlationId });
    const read = (offset: number) => this.rpc.request(ReadReportExportContentQryV1, actor, { id, offset, length: EXPORT_CHUNK_BYTES }, { correlationId });
    // The first slice before any header: a refusal (not done: 409) is still a problem+json answer.
    const first = await read(0);
    void reply.header('Cache-Control', 'private, no-store');
    // RFC 9530: lets the client check the file it saved.
    void reply.header('Repr-Digest', `sha-256=:${Buffer.from(first.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(contentStream(first, read), {
      type: job.contentType ?? 'application/octet-stream',
      disposition: `attachment; filename="${job.fileName ?? `${id}.bin`}"`,
      length: first.total,
    });
  }
}
