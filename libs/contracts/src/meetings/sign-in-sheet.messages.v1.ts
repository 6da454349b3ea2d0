import { z } from 'zod';
import { defineRequest } from '../message';
import { RequestOriginSchema } from './concern.dto';
import {
  Sha256HexSchema,
  SIGN_IN_SHEET_CHUNK_BYTES,
  SIGN_IN_SHEET_MAX_BYTES,
  SIGN_IN_SHEET_MAX_CHUNKS,
  SignInSheetMediaTypeSchema,
  SignInSheetViewSchema,
  StoredDocumentSchema,
} from './sign-in-sheet.dto';

// Base64 of one chunk: 4 characters per 3 bytes.
const MAX_CHUNK_BASE64 = Math.ceil(SIGN_IN_SHEET_CHUNK_BYTES / 3) * 4;

export const UploadSignInSheetChunkCmdV1 = defineRequest({
  name: 'meetings.cmd.attendance.sign-in-sheet-chunk.v1',
  kind: 'cmd',
  owner: 'meetings',
  description:
    'One chunk (≤ 512 KiB, base64) of a sign-in sheet upload to a held meeting (or, with document minutes-file, of the minutes ' +
      'file of a reporting day recorded afterwards: history:record), staged under `uploadId`. The last chunk carries ' +
    '`complete` (size, SHA-256, type): the chunks are joined, checked and stored in one transaction with the event, and the staging ' +
    'rows deleted. INVALID_INPUT when chunks are missing or the checksum, size or magic bytes do not match; CONFLICT unless held.',
  schema: z
    .object({
      meetingId: z.string().uuid().describe('Meeting id'),
      document: StoredDocumentSchema.optional(),
      uploadId: z.string().uuid().describe('Chosen by the sender; groups the chunks of one upload'),
      index: z.number().int().min(0).max(SIGN_IN_SHEET_MAX_CHUNKS - 1).describe('Position of this chunk, from 0'),
      chunks: z.number().int().min(1).max(SIGN_IN_SHEET_MAX_CHUNKS).describe('Number of chunks of the upload'),
      data: z.string().min(1).max(MAX_CHUNK_BASE64).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64').describe('The chunk, base64'),
      complete: z
        .object({
          sizeBytes: z.number().int().min(1).max(SIGN_IN_SHEET_MAX_BYTES),
          sha256: Sha256HexSchema,
          mediaType: SignInSheetMediaTypeSchema,
        })
        .strict()
        .optional()
        .describe('On the last chunk only: what the joined file must be'),
    })
    .strict()
    .refine((m) => (m.index === m.chunks - 1) === (m.complete !== undefined), { message: 'complete is given on the last chunk, and only there', path: ['complete'] }),
  reply: z.object({ staged: z.number().int().describe('Chunks staged so far'), sheet: SignInSheetViewSchema.nullable().describe('The stored sheet, after the last chunk') }),
});

export const GetSignInSheetQryV1 = defineRequest({
  name: 'meetings.qry.attendance.sign-in-sheet.v1',
  kind: 'qry',
  owner: 'meetings',
  description:
    'What is stored of a meeting’s sign-in sheet (type, size, checksum, chunking), to start a download; the read is audited. ' +
    'NOT_FOUND when none, or the meeting is unknown or outside the actor scope.',
  schema: z.object({ meetingId: z.string().uuid().describe('Meeting id'), document: StoredDocumentSchema.optional(), origin: RequestOriginSchema.optional() }).strict(),
  reply: SignInSheetViewSchema,
});

export const GetSignInSheetChunkQryV1 = defineRequest({
  name: 'meetings.qry.attendance.sign-in-sheet-chunk.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'One chunk (base64) of a stored sign-in sheet; CONFLICT when the sheet was replaced since `sha256` was read.',
  schema: z
    .object({
      meetingId: z.string().uuid().describe('Meeting id'),
      document: StoredDocumentSchema.optional(),
      sha256: Sha256HexSchema.describe('Checksum of the sheet being downloaded'),
      index: z.number().int().min(0).max(SIGN_IN_SHEET_MAX_CHUNKS - 1),
    })
    .strict(),
  reply: z.object({ index: z.number().int(), data: z.string().describe('The chunk, base64') }),
});
