import { crc32, inflateRawSync } from 'node:zlib';
import { ProblemError } from '../problem/problem';

/**
 * Limits a workbook must keep before exceljs may open it (ADR 0030). A real 2,000-row import sheet has ~10 parts,
 * unpacks to a few MB and compresses XML at most ~20:1 overall.
 */
export const XLSX_LIMITS = {
  /** Parts in the zip; Excel writes 10–40, a zip bomb tens of thousands. */
  maxEntries: 500,
  /** Sum of the sizes the central directory declares, and of what is really inflated. */
  maxUnpackedBytes: 40 * 1024 * 1024,
  /** Largest declared ratio uncompressed / compressed for a part larger than `ratioFloorBytes`. */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
} as const;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;

/** Parts an XLSX workbook may hold: OOXML markup, relationships, printer settings, pictures and the thumbnail Excel for Mac saves. No embedded files. */
const XLSX_PART =
  /^(?:\[Content_Types\]\.xml|_rels\/\.rels|docProps\/[\w.-]+\.(?:xml|jpe?g|png|emf|wmf)|customXml\/(?:_rels\/)?[\w.-]+\.(?:xml|rels)|xl\/(?:[\w.-]+\/)*[\w.-]+\.(?:xml|rels|vml|bin|png|jpe?g|gif|emf|wmf))$/;
/** Embedded documents: an OLE object or another archive inside the workbook. */
const EMBEDDED = /^xl\/(?:embeddings|activeX)\/|\.(?:zip|xlsx|xlsm|xlsb|docx|pptx|jar|gz|7z|rar|tar)$/i;
/** First bytes of an archive or compressed stream: a part that starts with one is a nested archive. */
const ARCHIVE_MAGIC: number[][] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x1f, 0x8b],
  [0x37, 0x7a, 0xbc, 0xaf],
  [0x52, 0x61, 0x72, 0x21],
  [0xd0, 0xcf, 0x11, 0xe0],
];

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local header. */
  localOffset: number;
  /** Offset of the compressed data, after the local header. */
  dataOffset: number;
}

const unreadable = () => new ProblemError('import.file-invalid', 'The workbook cannot be read; save it again as .xlsx');
const hostile = (why: string) => new ProblemError('import.file-invalid', `The workbook cannot be read (${why}); save it again as .xlsx from a spreadsheet program`);
const tooLarge = (why: string) => new ProblemError('request.too-large', `The workbook is too large (${why}); split it`);

/**
 * Reads and checks the zip's central directory without inflating anything: entry count, ZIP64 (refused), declared
 * sizes and ratios, part names, and that every entry's local header and data lie in their own byte range (several
 * directory records pointing at the same data is the overlapping "better zip bomb").
 */
export function readZipDirectory(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable();
  if (end >= 20 && zip.readUInt32LE(end - 20) === ZIP64_LOCATOR) throw tooLarge('ZIP64 archive');
  const disk = zip.readUInt16LE(end + 4);
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (disk !== 0) throw hostile('a multi-part archive');
  if (count > XLSX_LIMITS.maxEntries) throw tooLarge(`${count} parts, at most ${XLSX_LIMITS.maxEntries}`);
  if (directoryOffset + directorySize > end) throw unreadable();

  const entries: ZipEntry[] = [];
  let declared = 0;
  let offset = directoryOffset;
  for (let n = 0; n < count; n += 1) {
    if (offset + 46 > end || zip.readUInt32LE(offset) !== CENTRAL) throw unreadable();
    const flags = zip.readUInt16LE(offset + 8);
    const method = zip.readUInt16LE(offset + 10);
    const crc = zip.readUInt32LE(offset + 16);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const uncompressedSize = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    if (offset + 46 + nameLength > end) throw unreadable();
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;

    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) throw tooLarge('ZIP64 part');
    declared += uncompressedSize;
    if (declared > XLSX_LIMITS.maxUnpackedBytes) throw tooLarge('more than 40 MB once unpacked');
    if (flags & 0x1) throw hostile('an encrypted part');
    if (method !== 0 && method !== 8) throw hostile(`compression method ${method}`);
    const directory = name.endsWith('/');
    if (directory ? uncompressedSize !== 0 : EMBEDDED.test(name)) throw hostile(`an embedded file ${JSON.stringify(name.slice(0, 80))}`);
    if (!directory && !XLSX_PART.test(name)) throw hostile(`a part that is not part of a workbook: ${JSON.stringify(name.slice(0, 80))}`);
    if (method === 0 && compressedSize !== uncompressedSize) throw hostile('sizes that do not match');
    if (uncompressedSize > XLSX_LIMITS.ratioFloorBytes && uncompressedSize > compressedSize * XLSX_LIMITS.maxRatio) {
      throw hostile(`a part compressed more than ${XLSX_LIMITS.maxRatio}:1`);
    }

    if (localOffset + 30 > directoryOffset || zip.readUInt32LE(localOffset) !== LOCAL) throw unreadable();
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    if (zip.readUInt16LE(localOffset + 8) !== method || zip.toString('utf8', localOffset + 30, localOffset + 30 + localNameLength) !== name) {
      throw hostile('a directory that does not match its parts');
    }
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > directoryOffset) throw unreadable();
    entries.push({ name, method, flags, crc, compressedSize, uncompressedSize, localOffset, dataOffset });
  }

  // Each part's bytes (local header, data, and its data descriptor when flagged) belong to it alone.
  const ranges = entries
    .map((entry) => ({ start: entry.localOffset, end: entry.dataOffset + entry.compressedSize + (entry.flags & 0x8 ? 12 : 0) }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i += 1) {
    if (ranges[i].start < ranges[i - 1].end) throw hostile('parts that overlap');
  }
  return entries;
}

/**
 * Inflates each part, one at a time, with an inflater that stops as soon as it has produced more than the size the
 * directory declared (so a directory that lies about sizes costs at most the declared size, never the real one), and
 * checks the size, the CRC and that no part is itself an archive. Call after `readZipDirectory`; nothing is kept.
 */
export function verifyZipParts(zip: Buffer, entries: readonly ZipEntry[]): void {
  for (const entry of entries) {
    if (entry.uncompressedSize === 0 && entry.compressedSize <= 2) continue;
    const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    let part: Buffer;
    if (entry.method === 0) part = data;
    else {
      try {
        // One byte more than declared, so "larger than declared" is told apart from "exactly as declared".
        part = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1), chunkSize: 64 * 1024 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw hostile('a part larger than its directory says');
        throw unreadable();
      }
    }
    if (part.length !== entry.uncompressedSize) throw hostile('a part whose size is not the one its directory says');
    if (crc32(part) !== entry.crc) throw unreadable();
    if (ARCHIVE_MAGIC.some((magic) => magic.every((byte, i) => part[i] === byte))) throw hostile(`an archive inside ${JSON.stringify(entry.name.slice(0, 80))}`);
  }
}

/** Both checks: 400 or 413 for anything a spreadsheet program would not have written, before exceljs sees the bytes. */
export function assertSafeXlsxZip(zip: Buffer): void {
  verifyZipParts(zip, readZipDirectory(zip));
}
