import { StreamableFile } from '@nestjs/common';
import {
  GetSignInSheetChunkQryV1,
  GetSignInSheetQryV1,
  SIGN_IN_SHEET_CHUNK_BYTES,
  SIGN_IN_SHEET_MEDIA_TYPES,
  UploadSignInSheetChunkCmdV1,
  type Actor,
  type SignInSheetView,
  type StoredDocument,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { signInSheetBodyType } from './sign-in-sheet-body';

const EXTENSION: Record<(typeof SIGN_IN_SHEET_MEDIA_TYPES)[number], string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/**
 * Stores a meeting's file (the sign-in sheet, ADR 13, or the minutes file of a day recorded afterwards, ADR 35). The
 * file travels to meetings in chunks of 512 KiB (NATS carries at most 1 MiB per message); the last chunk carries size,
 * SHA-256 and type, and meetings stores the joined file in one transaction only when all three match.
 */
export async function uploadStoredFile(rpc: RpcClient, actor: Actor, meetingId: string, document: StoredDocument, request: FastifyRequest, correlationId: string): Promise<SignInSheetView> {
  const { file, mediaType } = signInSheetBodyType(request);
  const uploadId = randomUUID();
  const chunks = Math.ceil(file.length / SIGN_IN_SHEET_CHUNK_BYTES);
  const sha256 = createHash('sha256').update(file).digest('hex');
  let stored: SignInSheetView | null = null;
  for (let index = 0; index < chunks; index += 1) {
    const data = file.subarray(index * SIGN_IN_SHEET_CHUNK_BYTES, (index + 1) * SIGN_IN_SHEET_CHUNK_BYTES).toString('base64');
    const last = index === chunks - 1;
    const reply = await rpc.request(
      UploadSignInSheetChunkCmdV1,
      actor,
      { meetingId, document, uploadId, index, chunks, data, ...(last ? { complete: { sizeBytes: file.length, sha256, mediaType } } : {}) },
      { correlationId },
    );
    stored = reply.sheet;
  }
  if (!stored) throw new Error('the last chunk was answered without the stored file');
  return stored;
}

/** Sends a meeting's stored file as an attachment, chunk by chunk; the read is audited by meetings. */
export async function downloadStoredFile(
  rpc: RpcClient,
  actor: Actor,
  meetingId: string,
  document: StoredDocument,
  request: FastifyRequest,
  reply: FastifyReply,
  correlationId: string,
): Promise<StreamableFile> {
  const origin = { clientAddress: request.ip.slice(0, 64), method: 'GET', path: request.url.split('?')[0].slice(0, 300) };
  const stored = await rpc.request(GetSignInSheetQryV1, actor, { meetingId, document, origin }, { correlationId });
  // Chunk by chunk, so the gateway never holds more than one chunk of a download; a file replaced meanwhile
  // (CONFLICT) or a checksum mismatch aborts the response rather than sending a mixed file.
  async function* chunks(): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    for (let index = 0; index < stored.chunks; index += 1) {
      const chunk = await rpc.request(GetSignInSheetChunkQryV1, actor, { meetingId, document, sha256: stored.sha256, index }, { correlationId });
      const bytes = Buffer.from(chunk.data, 'base64');
      hash.update(bytes);
      yield bytes;
    }
    if (hash.digest('hex') !== stored.sha256) throw new Error(`${document} checksum mismatch`);
  }
  void reply
    .header('Content-Length', String(stored.sizeBytes))
    .header('Cache-Control', 'private, no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Disposition', `attachment; filename="${document}-${meetingId}.${EXTENSION[stored.mediaType]}"`);
  return new StreamableFile(Readable.from(chunks()), { type: stored.mediaType, length: stored.sizeBytes });
}
