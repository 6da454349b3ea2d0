import type { ExportChunk } from '@rd/contracts';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

/**
 * The bytes of a finished export, fetched slice by slice over NATS (1 MB per message) as the client reads:
 * memory stays at one slice whatever the file size. The SHA-256 is checked before the last slice is sent;
 * a mismatch aborts the response short, so a client never gets a wrong file that looks complete.
 */
export function contentStream(first: ExportChunk, next: (offset: number) => Promise<ExportChunk>): Readable {
  async function* slices() {
    const hash = createHash('sha256');
    let chunk = first;
    let offset = 0;
    for (;;) {
      const bytes = Buffer.from(chunk.data, 'base64');
      if (chunk.offset !== offset || chunk.sha256 !== first.sha256) throw new Error('export changed while it was read');
      hash.update(bytes);
      offset += bytes.length;
      const last = offset >= first.total || bytes.length === 0;
      // Checked before the last slice leaves: on a mismatch the client gets fewer bytes than Content-Length,
      // which every HTTP client reports as an incomplete download.
      if (last && (offset !== first.total || hash.digest('hex') !== first.sha256)) throw new Error('export content does not match its checksum');
      if (bytes.length) yield bytes;
      if (last) break;
      chunk = await next(offset);
    }
  }
  return Readable.from(slices(), { objectMode: false });
}
