import { pdfTextLines } from '@rd/testing';
import { inflateRawSync, inflateSync } from 'node:zlib';

/**
 * The text a person could read out of a downloaded file, for searching: every entry of a ZIP (XLSX is one: its XML
 * parts, shared strings included), the text of a PDF (content streams inflated and decoded through the fonts'
 * ToUnicode maps, as pdfkit writes them, plus the raw inflated streams), or the bytes as UTF-8 otherwise.
 */
export function readableText(bytes: Buffer): string {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return unzip(bytes)
      .map((entry) => `${entry.name}\n${entry.data.toString('utf8')}`)
      .join('\n');
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return pdfText(bytes);
  return bytes.toString('utf8');
}

/** Entries of a ZIP archive read from its central directory (stored and deflated entries). */
export function unzip(bytes: Buffer): { name: string; data: Buffer }[] {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i -= 1) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries: { name: string; data: Buffer }[] = [];
  for (let n = 0; n < count; n += 1) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) throw new Error('broken ZIP central directory');
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    const name = bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const raw = bytes.subarray(dataStart, dataStart + compressedSize);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : raw });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A PDF with its Flate streams inflated in place, as latin1 text. */
function inflatePdf(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const keyword = /stream\r?\n/g;
    keyword.lastIndex = at;
    const found = keyword.exec(source);
    if (!found) break;
    const dataStart = found.index + found[0].length;
    const dataEnd = source.indexOf('endstream', dataStart);
    if (dataEnd < 0) break;
    const dictionary = source.slice(source.lastIndexOf('obj', found.index), found.index);
    let data = source.slice(dataStart, dataEnd);
    if (dictionary.includes('/FlateDecode')) {
      try {
        data = `${inflateSync(Buffer.from(data.replace(/\r?\n$/, ''), 'latin1')).toString('latin1')}\n`;
      } catch {
        // not inflatable: keep the bytes
      }
    }
    out.push(source.slice(at, dataStart), data, 'endstream');
    at = dataEnd + 'endstream'.length;
  }
  out.push(source.slice(at));
  return out.join('');
}

/**
 * Reads the text back out of a PDF written by pdfkit: decodes every Tj/TJ of the content streams through the
 * ToUnicode CMap of the font in use (pdfkit writes embedded TTF text as glyph ids). Enough for tests; not a general
 * PDF parser. The inflated raw streams are appended too, so text in other shapes is not missed.
 */
export function pdfText(pdf: Buffer): string {
  const source = inflatePdf(pdf);
  return `${pdfTextLines(source, { undecodedAsLatin1: true }).join('\n')}\n${source}`;
}
