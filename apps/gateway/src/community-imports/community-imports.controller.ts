import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  ApplyCommunityImportCmdV1,
  COMMUNITY_IMPORT_MAX_PAYLOAD_BYTES,
  COMMUNITY_IMPORT_MEDIA_TYPES,
  CommunityImportReportSchema,
  CommunityImportResultSchema,
  DryRunCommunityImportQryV1,
  type Actor,
  type CommunityImportReport,
  type CommunityImportResult,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CorrelationId } from '../http/correlation';
import { ApiContract } from '../openapi/api-contract.decorator';
import { ProblemError } from '../problem/problem';
import { RPC_CLIENT } from '../rpc/rpc.module';
import { importFormatOf, readImportFile } from './import-file';
import { importReport, rejectedImport } from './import-report';
import { toImportRows, type ImportRows } from './import-rows';

const UPLOAD = Object.values(COMMUNITY_IMPORT_MEDIA_TYPES);
// Creating 2,000 communities and their events in one transaction takes longer than a plain request.
const APPLY_TIMEOUT_MS = 30_000;

/**
 * Bulk onboarding: a CSV or XLSX file of new communities is parsed and checked here, and only the parsed
 * rows travel to the communities service (never the file).
 */
@Controller('community-imports')
export class CommunityImportsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Post('dry-run')
  @HttpCode(200)
  @RequirePermission('community:create')
  @ApiContract({
    summary: 'Check a CSV or XLSX file of new communities and report every problem by row, without writing',
    upload: UPLOAD,
    response: CommunityImportReportSchema,
    successStatus: 200,
  })
  async dryRun(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @CorrelationId() correlationId: string): Promise<CommunityImportReport> {
    const parsed = await this.parse(request);
    return this.report(actor, parsed, correlationId);
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('community:create')
  @ApiContract({
    summary: 'Create every community in a CSV or XLSX file in one transaction; any problem (422, reported by row) writes nothing',
    upload: UPLOAD,
    response: CommunityImportResultSchema,
  })
  async apply(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommunityImportResult | Record<string, unknown>> {
    const parsed = await this.parse(request);
    if (parsed.errors.length) return rejectedImport(reply, request, correlationId, await this.report(actor, parsed, correlationId));
    const outcome = await this.rpc.request(ApplyCommunityImportCmdV1, actor, { rows: parsed.rows }, { correlationId, timeoutMs: APPLY_TIMEOUT_MS });
    if (outcome.outcome === 'rejected') return rejectedImport(reply, request, correlationId, importReport(parsed.total, outcome.errors));
    return { rows: parsed.total, created: outcome.created };
  }

  private async parse(request: FastifyRequest): Promise<ImportRows> {
    const format = importFormatOf(request.headers['content-type']);
    if (!format || !Buffer.isBuffer(request.body)) throw new ProblemError('request.unsupported-media-type', `Send the file as ${UPLOAD.join(' or ')}`);
    const parsed = toImportRows(await readImportFile(request.body, format));
    // The rows travel as one NATS message; long names in Cyrillic can make 2,000 rows too big for it.
    if (Buffer.byteLength(JSON.stringify(parsed.rows)) > COMMUNITY_IMPORT_MAX_PAYLOAD_BYTES) {
      throw new ProblemError('request.too-large', 'The file holds too much data for one import; split it into smaller files');
    }
    return parsed;
  }

  /** Cell problems found here, plus what only the communities service can tell (district, scope, duplicates). */
  private async report(actor: Actor, parsed: ImportRows, correlationId: string): Promise<CommunityImportReport> {
    const checked = parsed.rows.length
      ? await this.rpc.request(DryRunCommunityImportQryV1, actor, { rows: parsed.rows }, { correlationId, timeoutMs: APPLY_TIMEOUT_MS })
      : { errors: [] };
    return importReport(parsed.total, parsed.errors, checked.errors);
  }
}
