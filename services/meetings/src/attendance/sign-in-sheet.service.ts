import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AuditEntrySubmittedEvtV1,
  DomainException,
  GetSignInSheetQryV1,
  SIGN_IN_SHEET_CHUNK_BYTES,
  SignInSheetAttachedEvtV1,
  signInSheetTypeOf,
  type Actor,
  type AuditEntry,
  type DataOf,
  type ReplyOf,
  type RequestOrigin,
  type SignInSheetMediaType,
  type SignInSheetView,
  type StoredDocument,
  type UploadSignInSheetChunkCmdV1,
} from '@rd/contracts';
import type { Permission } from '@rd/auth-core';
import { recordEvent } from '@rd/persistence';
import { createHash, randomUUID } from 'node:crypto';
import { loadMeetingInScope, requirePermission } from './attendance.service';
import type { MeetingFrame } from './meeting-attendance.repository';

/** Staged chunks of an upload that never finished are dropped after this long. */
const ABANDONED_AFTER = '1 hour';

interface SheetRow {
  media_type: SignInSheetMediaType;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
}

const invalid = (field: string, message: string) => new DomainException('sign-in-sheet.invalid', message, [{ field, message }]);

/** What differs between the files a meeting may store; the transfer and its checks are the same. */
interface DocumentRules {
  table: 'sign_in_sheet' | 'minutes_file';
  write: Permission;
  read: Permission;
  /** Why the file cannot be attached to this meeting now, or null. */
  refusal(meeting: MeetingFrame): DomainException | null;
  notFound(): DomainException;
  replaced(): DomainException;
  /** The audit action of a read (the file may hold names in handwriting). */
  readAction: 'sign-in-sheet:read' | 'minutes-file:read';
}

const DOCUMENTS: Record<StoredDocument, DocumentRules> = {
  'sign-in-sheet': {
    table: 'sign_in_sheet',
    write: 'meeting:hold',
    read: 'meeting:read',
    refusal: (m) => (m.status === 'held' ? null : new DomainException('meeting.not-held', `A sign-in sheet is attached to a held meeting; this one is ${m.status}`)),
    notFound: () => new DomainException('sign-in-sheet.not-found', 'No sign-in sheet is attached to this meeting'),
    replaced: () => new DomainException('sign-in-sheet.replaced', 'The sign-in sheet was replaced; start the download again'),
    readAction: 'sign-in-sheet:read',
  },
  // The minutes of a reporting day recorded afterwards, as the file of the time (ADR 35).
  'minutes-file': {
    table: 'minutes_file',
    write: 'history:record',
    read: 'minutes:read',
    refusal: (m) =>
      m.recordedAfterwards ? null : new DomainException('resource.conflict', 'A minutes file is kept for reporting days recorded afterwards; this meeting has its minutes in the platform'),
    notFound: () => new DomainException('resource.not-found', 'No minutes file is attached to this meeting'),
    replaced: () => new DomainException('resource.conflict', 'The minutes file was replaced; start the download again'),
    readAction: 'minutes-file:read',
  },
};

function toView(meetingId: string, row: SheetRow): SignInSheetView {
  return {
    meetingId,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    chunkBytes: SIGN_IN_SHEET_CHUNK_BYTES,
    chunks: Math.ceil(row.size_bytes / SIGN_IN_SHEET_CHUNK_BYTES),
    uploadedBy: row.uploaded_by,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
  };
}

/**
 * The scan or photo of a meeting's paper sign-in sheet (docs/adr/0013). NATS carries at most 1 MiB per message, so the
 * file arrives as base64 chunks staged in `sign_in_sheet_chunk`; the last chunk joins them, checks count, size, SHA-256
 * and magic bytes, and stores the file with its event in one transaction. Downloads read it back chunk by chunk.
 */
@Injectable()
export class SignInSheetService {
  constructor(private readonly em: EntityManager) {}

  async uploadChunk(actor: Actor, data: DataOf<typeof UploadSignInSheetChunkCmdV1>, correlationId: string): Promise<ReplyOf<typeof UploadSignInSheetChunkCmdV1>> {
    const rules = DOCUMENTS[data.document ?? 'sign-in-sheet'];
    requirePermission(actor, rules.write);
    const bytes = Buffer.from(data.data, 'base64');
    if (bytes.length === 0 || bytes.length > SIGN_IN_SHEET_CHUNK_BYTES) throw invalid('data', `a chunk holds 1 to ${SIGN_IN_SHEET_CHUNK_BYTES} bytes`);
    return this.em.transactional(async (tx) => {
      // The last chunk locks the meeting row: two uploads completing at once replace the sheet one after the other.
      const meeting = await loadMeetingInScope(tx, actor, data.meetingId, data.complete !== undefined);
      const refusal = rules.refusal(meeting);
      if (refusal) throw refusal;
      if (data.index === 0) await tx.execute(`delete from sign_in_sheet_chunk where created_at < now() - interval '${ABANDONED_AFTER}'`);
      const staged = await tx.execute<{ meeting_id: string; chunks: number; created_by: string }[]>(
        'select distinct meeting_id, chunks, created_by from sign_in_sheet_chunk where upload_id = ?',
        [data.uploadId],
      );
      if (staged.some((row) => row.meeting_id !== data.meetingId || Number(row.chunks) !== data.chunks || row.created_by !== actor.userId)) {
        throw invalid('uploadId', 'this upload id belongs to another upload');
      }
      await tx.execute(
        `insert into sign_in_sheet_chunk (upload_id, "index", meeting_id, chunks, data, created_by) values (?, ?, ?, ?, ?, ?)
         on conflict (upload_id, "index") do update set data = excluded.data, created_at = now()`,
        [data.uploadId, data.index, data.meetingId, data.chunks, bytes, actor.userId],
      );
      if (!data.complete) {
        const [{ n }] = await tx.execute<{ n: number }[]>('select count(*)::int as n from sign_in_sheet_chunk where upload_id = ?', [data.uploadId]);
        return { staged: n, sheet: null };
      }

      const rows = await tx.execute<{ index: number; data: Buffer }[]>('select "index", data from sign_in_sheet_chunk where upload_id = ? order by "index"', [data.uploadId]);
      if (rows.length !== data.chunks || rows.some((row, i) => Number(row.index) !== i)) {
        throw invalid('chunks', `${data.chunks - rows.length} of ${data.chunks} chunks are missing`);
      }
      const file = Buffer.concat(rows.map((row) => row.data));
      const { sizeBytes, sha256, mediaType } = data.complete;
      if (file.length !== sizeBytes) throw invalid('complete.sizeBytes', `the chunks hold ${file.length} bytes, not ${sizeBytes}`);
      if (createHash('sha256').update(file).digest('hex') !== sha256) throw invalid('complete.sha256', 'the chunks do not match the checksum');
      const found = signInSheetTypeOf(file.subarray(0, 16));
      if (found !== mediaType) throw invalid('complete.mediaType', found ? `the file is ${found}, not ${mediaType}` : 'the file is not a JPEG, PNG or PDF');

      const now = new Date();
      const [existing] = await tx.execute<{ n: number }[]>(`select count(*)::int as n from ${rules.table} where meeting_id = ?`, [data.meetingId]);
      await tx.execute(
        `insert into ${rules.table} (meeting_id, media_type, size_bytes, sha256, data, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?)
         on conflict (meeting_id) do update set media_type = excluded.media_type, size_bytes = excluded.size_bytes, sha256 = excluded.sha256,
           data = excluded.data, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at`,
        [data.meetingId, mediaType, sizeBytes, sha256, file, actor.userId, now],
      );
      await tx.execute('delete from sign_in_sheet_chunk where upload_id = ?', [data.uploadId]);
      // The request itself is audited at the gateway; the sheet's event tells the rest of the platform.
      if (rules.table === 'sign_in_sheet') recordEvent(
        tx,
        SignInSheetAttachedEvtV1,
        {
          meetingId: meeting.id,
          districtCode: meeting.districtCode,
          regionCode: meeting.regionCode,
          mediaType,
          sizeBytes,
          sha256,
          replaced: existing.n > 0,
          occurredAt: now.toISOString(),
        },
        correlationId,
      );
      await tx.flush();
      return { staged: data.chunks, sheet: toView(meeting.id, { media_type: mediaType, size_bytes: sizeBytes, sha256, uploaded_by: actor.userId, uploaded_at: now }) };
    });
  }

  /** What is stored, to start a download. The sheet holds names in handwriting: every such read is audited. */
  async get(actor: Actor, meetingId: string, meta: { correlationId: string; origin?: RequestOrigin }, document: StoredDocument = 'sign-in-sheet'): Promise<SignInSheetView> {
    const rules = DOCUMENTS[document];
    requirePermission(actor, rules.read);
    return this.em.transactional(async (tx) => {
      await loadMeetingInScope(tx, actor, meetingId);
      const [row] = await tx.execute<SheetRow[]>(`select media_type, size_bytes, sha256, uploaded_by, uploaded_at from ${rules.table} where meeting_id = ?`, [meetingId]);
      if (!row) throw rules.notFound();
      recordEvent(tx, AuditEntrySubmittedEvtV1, readAuditEntry(actor, meetingId, meta, rules.readAction), meta.correlationId.slice(0, 100));
      await tx.flush();
      return toView(meetingId, row);
    });
  }

  /** One chunk of the stored file; CONFLICT when the sheet changed since the download started. */
  async chunk(actor: Actor, meetingId: string, sha256: string, index: number, document: StoredDocument = 'sign-in-sheet'): Promise<{ index: number; data: string }> {
    const rules = DOCUMENTS[document];
    requirePermission(actor, rules.read);
    const em = this.em.fork();
    await loadMeetingInScope(em, actor, meetingId);
    const [row] = await em.execute<{ sha256: string; size_bytes: number; chunk: Buffer }[]>(
      `select sha256, size_bytes, substring(data from ? for ?) as chunk from ${rules.table} where meeting_id = ?`,
      [index * SIGN_IN_SHEET_CHUNK_BYTES + 1, SIGN_IN_SHEET_CHUNK_BYTES, meetingId],
    );
    if (!row) throw rules.notFound();
    if (row.sha256 !== sha256) throw rules.replaced();
    if (index * SIGN_IN_SHEET_CHUNK_BYTES >= row.size_bytes) throw invalid('index', 'beyond the end of the file');
    return { index, data: row.chunk.toString('base64') };
  }
}

function readAuditEntry(actor: Actor, meetingId: string, meta: { correlationId: string; origin?: RequestOrigin }, action: DocumentRules['readAction']): AuditEntry {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'meetings',
    actor: { userId: actor.userId, username: actor.username, roles: actor.roles },
    action,
    resourceType: 'meeting',
    resourceId: meetingId,
    outcome: 'success',
    httpStatus: 200,
    correlationId: meta.correlationId.slice(0, 100),
    clientAddress: (meta.origin?.clientAddress ?? 'nats').slice(0, 64),
    method: meta.origin?.method ?? 'NATS',
    path: (meta.origin?.path ?? GetSignInSheetQryV1.name).slice(0, 300),
  };
}
