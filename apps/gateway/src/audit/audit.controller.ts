import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import { AuditChainReportSchema, AuditEntryViewSchema, ListAuditEntriesQryV1, VerifyAuditChainQryV1, type Actor, type AuditChainReport, type AuditEntryView } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { CorrelationId } from '../http/correlation';
import { listResponse, type RawListQuery } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

/** react-admin column sources that differ from the query's sort names. */
function sortField(sort: string | undefined): string | undefined {
  if (sort === undefined || sort === 'id') return undefined;
  return sort === 'actor.username' ? 'username' : sort;
}

/** Read-only: there is no route that changes or removes an audit record. */
@Controller('audit')
export class AuditController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiContract({
    summary: 'The audit log, newest first (filters: username, userId, resourceType, resourceId, action, outcome, correlationId, from, to)',
    response: AuditEntryViewSchema,
    list: true,
  })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RawListQuery,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditEntryView[]> {
    return listResponse(reply, 'audit', query, ({ offset, limit, sort, order, filter }) => {
      const data = parseInput(ListAuditEntriesQryV1.schema, { offset, limit, sort: sortField(sort), order, ...filter });
      return this.rpc.request(ListAuditEntriesQryV1, actor, data, { correlationId });
    });
  }

  // Declared after list: Fastify matches the static /audit/verify either way.
  @Get('verify')
  @RequirePermission('audit:read')
  @ApiContract({
    summary:
      'Checks the hash chain of the whole audit log: ok, or the first broken link (position, entry id, and whether entries are missing, ' +
      'an entry was edited, or the link to the entry before it is broken), plus the newest position and hash to keep elsewhere. ' +
      'afterSeq and afterHash: check from a head recorded earlier; limit: at most this many entries (default 100,000; continue from `next`)',
    response: AuditChainReportSchema,
  })
  verify(@CurrentActor() actor: Actor, @Query() query: Record<string, string | undefined>, @CorrelationId() correlationId: string): Promise<AuditChainReport> {
    const { afterSeq, afterHash, limit, ...unknown } = query;
    const data = parseInput(VerifyAuditChainQryV1.schema, {
      ...unknown,
      ...(afterSeq !== undefined || afterHash !== undefined ? { after: { seq: Number(afterSeq), hash: afterHash } } : {}),
      ...(limit !== undefined ? { limit: Number(limit) } : {}),
    });
    return this.rpc.request(VerifyAuditChainQryV1, actor, data, { correlationId });
  }
}
