import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  ApplyPastReportingDayImportCmdV1,
  COMMUNITY_IMPORT_MAX_PAYLOAD_BYTES,
  COMMUNITY_IMPORT_MEDIA_TYPES,
  CommunityImportReportSchema,
  DryRunPastReportingDayImportQryV1,
  ListCommunitiesQryV1,
  PastReportingDayImportResultSchema,
  PastReportingDayInputSchema,
  PastReportingDayViewSchema,
  RecordPastReportingDayCmdV1,
  type Actor,
  type CommunityImportReport,
  type CommunityView,
  type ImportRowError,
  type NumberedPastReportingDayRow,
  type PastReportingDayImportResult,
  type PastReportingDayView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { importFormatOf, readImportFile } from '../community-imports/import-file';
import { importReport, rejectedImport } from '../community-imports/import-report';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { ProblemError } from '../problem/problem';
import { RPC_CLIENT } from '../rpc/rpc.module';
import { toPastDayRows, type PastDayRows } from './past-reporting-day-rows';

const UPLOAD = Object.values(COMMUNITY_IMPORT_MEDIA_TYPES);
// Recording 2,000 days, their concerns, responses and events in one transaction takes longer than a plain request.
const APPLY_TIMEOUT_MS = 30_000;
// A district has tens of communities; more pages than this would be a mistake worth stopping at.
const COMMUNITY_PAGES = 10;

/** Reporting days held before the software, one by one (JSON); see docs/adr/0035-programme-history.md. */
@Controller('past-reporting-days')
export class PastReportingDaysController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('history:record')
  @ApiContract({
    summary:
      'Record a reporting day held before the software (attendance, concern and survey counts): a closed meeting marked recordedAfterwards that ' +
      'reporting counts. 404 for a community outside your districts, 422 for a day after today, 409 when that community and day are recorded already',
    body: PastReportingDayInputSchema,
    response: PastReportingDayViewSchema,
  })
  record(@CurrentActor() actor: Actor, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<PastReportingDayView> {
    const input = parseInput(PastReportingDayInputSchema, body);
    return this.rpc.request(RecordPastReportingDayCmdV1, actor, { input }, { correlationId });
  }
}

/**
 * Past reporting days from a CSV or XLSX file, with a dry run, like the community import (ADR 4, 30): parsed and
 * checked here, communities named by name found with the caller's own scope, only rows travel to meetings.
 */
@Controller('past-reporting-day-imports')
export class PastReportingDayImportsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Post('dry-run')
  @HttpCode(200)
  @RequirePermission('history:record')
  @ApiContract({
    summary: 'Check a CSV or XLSX file of past reporting days and report every problem by row, without writing',
    upload: UPLOAD,
    response: CommunityImportReportSchema,
    successStatus: 200,
  })
  async dryRun(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @CorrelationId() correlationId: string): Promise<CommunityImportReport> {
    return this.report(actor, await this.parse(actor, request, correlationId), correlationId);
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('history:record')
  @ApiContract({
    summary: 'Record every past reporting day of a CSV or XLSX file in one transaction; any problem (422, reported by row) stores nothing',
    upload: UPLOAD,
    response: PastReportingDayImportResultSchema,
  })
  async apply(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PastReportingDayImportResult | Record<string, unknown>> {
    const parsed = await this.parse(actor, request, correlationId);
    if (parsed.errors.length) return rejectedImport(reply, request, correlationId, await this.report(actor, parsed, correlationId));
    const outcome = await this.rpc.request(ApplyPastReportingDayImportCmdV1, actor, { rows: parsed.rows }, { correlationId, timeoutMs: APPLY_TIMEOUT_MS });
    if (outcome.outcome === 'rejected') return rejectedImport(reply, request, correlationId, importReport(parsed.total, outcome.errors));
    return { rows: parsed.total, created: outcome.created };
  }

  private async parse(actor: Actor, request: FastifyRequest, correlationId: string): Promise<PastDayRows> {
    const format = importFormatOf(request.headers['content-type']);
    if (!format || !Buffer.isBuffer(request.body)) throw new ProblemError('request.unsupported-media-type', `Send the file as ${UPLOAD.join(' or ')}`);
    const parsed = toPastDayRows(await readImportFile(request.body, format));
    const named = await this.resolveNames(actor, parsed.rows, correlationId);
    if (Buffer.byteLength(JSON.stringify(named.rows)) > COMMUNITY_IMPORT_MAX_PAYLOAD_BYTES) {
      throw new ProblemError('request.too-large', 'The file holds too much data for one import; split it into smaller files');
    }
    return { total: parsed.total, rows: named.rows, errors: [...parsed.errors, ...named.errors] };
  }

  /** A community given by name in its district becomes its id, from the communities the caller can see there. */
  private async resolveNames(actor: Actor, rows: NumberedPastReportingDayRow[], correlationId: string): Promise<{ rows: NumberedPastReportingDayRow[]; errors: ImportRowError[] }> {
    const districts = [...new Set(rows.flatMap((r) => (!r.data.communityId && r.data.districtCode ? [r.data.districtCode] : [])))];
    const byDistrict = new Map<string, CommunityView[]>();
    for (const districtCode of districts) byDistrict.set(districtCode, await this.communitiesOf(actor, districtCode, correlationId));
    const out: NumberedPastReportingDayRow[] = [];
    const errors: ImportRowError[] = [];
    for (const row of rows) {
      if (row.data.communityId) {
        out.push(row);
        continue;
      }
      const name = (row.data.communityName ?? '').toLocaleLowerCase();
      const matches = (byDistrict.get(row.data.districtCode ?? '') ?? []).filter((c) => c.name.toLocaleLowerCase() === name);
      if (matches.length === 1) out.push({ row: row.row, data: { ...row.data, communityId: matches[0].id } });
      else errors.push({ row: row.row, field: 'communityName', message: matches.length ? 'several communities have this name in the district: give communityId' : 'no such community in this district among yours' });
    }
    return { rows: out, errors };
  }

  private async communitiesOf(actor: Actor, districtCode: string, correlationId: string): Promise<CommunityView[]> {
    const all: CommunityView[] = [];
    for (let page = 0; page < COMMUNITY_PAGES; page += 1) {
      const { items, total } = await this.rpc.request(ListCommunitiesQryV1, actor, { offset: page * 500, limit: 500, sort: 'name', order: 'ASC', districtCode }, { correlationId });
      all.push(...items);
      if (all.length >= total || items.length === 0) break;
    }
    return all;
  }

  /** Cell problems found here, plus what only the meetings service can tell (scope, day, duplicates). */
  private async report(actor: Actor, parsed: PastDayRows, correlationId: string): Promise<CommunityImportReport> {
    const checked = parsed.rows.length
      ? await this.rpc.request(DryRunPastReportingDayImportQryV1, actor, { rows: parsed.rows }, { correlationId, timeoutMs: APPLY_TIMEOUT_MS })
      : { errors: [] };
    return importReport(parsed.total, parsed.errors, checked.errors);
  }
}
