import { COMMUNITY_IMPORT_MAX_BYTES, COMMUNITY_IMPORT_MEDIA_TYPES } from '@rd/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from '../problem/problem';
import { importFormatOf } from './import-file';

/** The only routes that take a file instead of JSON (full paths, with the global prefix). */
export const UPLOAD_ROUTES: ReadonlySet<string> = new Set([
  '/api/v1/community-imports',
  '/api/v1/community-imports/dry-run',
  '/api/v1/past-reporting-day-imports',
  '/api/v1/past-reporting-day-imports/dry-run',
]);

export function isUploadRoute(request: FastifyRequest): boolean {
  return UPLOAD_ROUTES.has(request.routeOptions.url ?? '');
}

/**
 * Lets the import routes, and only them, receive CSV and XLSX bodies as raw bytes with their own size
 * limit. Every other route stays JSON-only with the global limit.
 */
export function registerUploadBodies(fastify: FastifyInstance): void {
  for (const type of Object.values(COMMUNITY_IMPORT_MEDIA_TYPES)) {
    fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: COMMUNITY_IMPORT_MAX_BYTES }, (_request, body, done) => done(null, body));
  }
  // Refuse a file where none is expected before reading it.
  fastify.addHook('preParsing', async (request) => {
    if (importFormatOf(request.headers['content-type']) && !isUploadRoute(request)) throw new ProblemError('request.unsupported-media-type', 'Send application/json');
  });
}

/** The preValidation rule for upload routes: a CSV or XLSX file and nothing else. */
export function assertUploadType(request: FastifyRequest): void {
  if (!importFormatOf(request.headers['content-type'])) {
    throw new ProblemError('request.unsupported-media-type', `Send the file as ${COMMUNITY_IMPORT_MEDIA_TYPES.csv} or ${COMMUNITY_IMPORT_MEDIA_TYPES.xlsx}`);
  }
}
