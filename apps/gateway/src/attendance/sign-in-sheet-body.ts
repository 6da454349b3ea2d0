import { SIGN_IN_SHEET_MAX_BYTES, SIGN_IN_SHEET_MEDIA_TYPES, signInSheetTypeOf, type SignInSheetMediaType } from '@rd/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from '../problem/problem';

/** The one route that takes a sign-in sheet scan as its body (full path, with the global prefix). */
export const SIGN_IN_SHEET_ROUTE = '/api/v1/meetings/:id/attendance/sign-in-sheet';
/** The routes that take a meeting's file as their body: the sign-in sheet, and the minutes file of a day recorded afterwards (ADR 35). */
export const STORED_FILE_ROUTES: ReadonlySet<string> = new Set([SIGN_IN_SHEET_ROUTE, '/api/v1/meetings/:id/minutes-file']);
/** Accepted declared types; the type that counts is the one the magic bytes show. */
export const SIGN_IN_SHEET_UPLOAD_TYPES: readonly string[] = [...SIGN_IN_SHEET_MEDIA_TYPES, 'application/octet-stream'];

const declaredType = (request: FastifyRequest) => String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

export function isSignInSheetRoute(request: FastifyRequest): boolean {
  return STORED_FILE_ROUTES.has(request.routeOptions.url ?? '') && request.method === 'PUT';
}

/**
 * Lets the sign-in sheet route, and only it, receive JPEG, PNG or PDF bytes up to 5 MiB (Fastify answers 413 beyond,
 * from Content-Length before reading). Every other route stays JSON-only with the global limit.
 */
export function registerSignInSheetBody(fastify: FastifyInstance): void {
  for (const type of SIGN_IN_SHEET_UPLOAD_TYPES) {
    fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: SIGN_IN_SHEET_MAX_BYTES }, (_request, body, done) => done(null, body));
  }
  fastify.addHook('preParsing', async (request) => {
    if (SIGN_IN_SHEET_UPLOAD_TYPES.includes(declaredType(request)) && !isSignInSheetRoute(request)) throw new ProblemError('request.unsupported-media-type', 'Send application/json');
  });
}

/** preValidation rule for the route: one of the accepted types was declared. */
export function assertSignInSheetUploadType(request: FastifyRequest): void {
  if (!SIGN_IN_SHEET_UPLOAD_TYPES.includes(declaredType(request))) throw new ProblemError('request.unsupported-media-type', `Send the scan as ${SIGN_IN_SHEET_MEDIA_TYPES.join(', ')}`);
}

/**
 * The type of the body by its magic bytes; 415 when it is not a JPEG, PNG or PDF, or not the type it was declared as
 * (application/octet-stream declares nothing).
 */
export function signInSheetBodyType(request: FastifyRequest): { file: Buffer; mediaType: SignInSheetMediaType } {
  const file = request.body;
  if (!Buffer.isBuffer(file) || file.length === 0) throw new ProblemError('request.unsupported-media-type', `Send the scan as ${SIGN_IN_SHEET_MEDIA_TYPES.join(', ')}`);
  const mediaType = signInSheetTypeOf(file.subarray(0, 16));
  if (!mediaType) throw new ProblemError('request.unsupported-media-type', 'The file is not a JPEG, PNG or PDF');
  const declared = declaredType(request);
  if (declared !== 'application/octet-stream' && declared !== mediaType) throw new ProblemError('request.unsupported-media-type', `The file is ${mediaType}, not ${declared}`);
  return { file, mediaType };
}
