import { z } from 'zod';

/** The paper sign-in sheet of a meeting, as a scan or photo (ADR 0013). */
export const SIGN_IN_SHEET_MAX_BYTES = 5 * 1024 * 1024;
/** Bytes per NATS request: base64 makes 512 KiB about 683 KiB, well under the 1 MiB max_payload of the shared server. */
export const SIGN_IN_SHEET_CHUNK_BYTES = 512 * 1024;
export const SIGN_IN_SHEET_MAX_CHUNKS = Math.ceil(SIGN_IN_SHEET_MAX_BYTES / SIGN_IN_SHEET_CHUNK_BYTES);
export const SIGN_IN_SHEET_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const SignInSheetMediaTypeSchema = z.enum(SIGN_IN_SHEET_MEDIA_TYPES).describe('JPEG, PNG or PDF, as its magic bytes say');
export type SignInSheetMediaType = z.infer<typeof SignInSheetMediaTypeSchema>;

const MAGIC: readonly { type: SignInSheetMediaType; bytes: readonly number[] }[] = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** The type of a file by its first bytes (never by its name or the declared Content-Type), or null. */
export function signInSheetTypeOf(head: Uint8Array): SignInSheetMediaType | null {
  return MAGIC.find(({ bytes }) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b))?.type ?? null;
}

/**
 * Which stored file of a meeting: the sign-in sheet of a held meeting (ADR 13), or the minutes of a reporting day
 * recorded afterwards, kept as the file of the time (ADR 35). Both travel and are checked the same way.
 */
export const STORED_DOCUMENTS = ['sign-in-sheet', 'minutes-file'] as const;
export const StoredDocumentSchema = z.enum(STORED_DOCUMENTS).describe('Which file: sign-in-sheet (when omitted) or minutes-file');
export type StoredDocument = (typeof STORED_DOCUMENTS)[number];

export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');

/** What is known about a stored sheet; the bytes travel in chunks of `chunkBytes`. */
export const SignInSheetViewSchema = z.object({
  meetingId: z.string().uuid(),
  mediaType: SignInSheetMediaTypeSchema,
  sizeBytes: z.number().int().min(1).max(SIGN_IN_SHEET_MAX_BYTES),
  sha256: Sha256HexSchema.describe('SHA-256 of the file'),
  chunkBytes: z.number().int().positive().describe('Bytes per download chunk'),
  chunks: z.number().int().positive().describe('Number of download chunks'),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type SignInSheetView = z.infer<typeof SignInSheetViewSchema>;
