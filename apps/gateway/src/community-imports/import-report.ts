import type { CommunityImportReport, ImportRowError } from '@rd/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemBody } from '../problem/problem';

/** What a dry run answers for every bulk import: rows, rows without a problem, and every problem by row. */
export function importReport(total: number, ...found: readonly ImportRowError[][]): CommunityImportReport {
  const errors = found.flat().sort((a, b) => a.row - b.row);
  return { rows: total, valid: total - new Set(errors.map((e) => e.row)).size, errors };
}

/** 422 problem+json that carries the same per-row report as a dry run: nothing was imported. */
export function rejectedImport(reply: FastifyReply, request: FastifyRequest, correlationId: string, report: CommunityImportReport): Record<string, unknown> {
  void reply.status(422).header('Content-Type', 'application/problem+json; charset=utf-8');
  const problem = problemBody(422, `Nothing was imported: ${report.errors.length} problem(s) in ${report.rows - report.valid} row(s)`, request.url.split('?')[0], correlationId, report.errors, 'import.rows-invalid');
  return { ...problem, rows: report.rows, valid: report.valid };
}
