import { inflateSync } from 'node:zlib';

/**
 * Reads the text back out of a PDF written by pdfkit (its Flate streams already inflated, as latin1 text): decodes
 * every Tj/TJ of the content streams through the ToUnicode CMap of the font in use (pdfkit writes embedded TTF text as
 * glyph ids). Text without a font map is dropped, or kept as latin1 with `undecodedAsLatin1`. Enough for tests; not a
 * general PDF parser. Shared by the reporting PDF tests and the e2e leak crawler.
 */
export function pdfTextLines(source: string, options: { undecodedAsLatin1?: boolean } = {}): string[] {
  const objects = new Map<string, string>();
  for (const match of source.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(match[1], match[2]);
  const streamOf = (body: string) => {
    const start = body.indexOf('stream');
    const end = body.lastIndexOf('endstream');
    return start < 0 || end < 0 ? '' : body.slice(start + 'stream'.length, end);
  };
  const cmaps = new Map<string, Map<number, string>>();
  for (const [id, body] of objects) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(body);
    if (!toUnicode) continue;
    const map = new Map<number, string>();
    const cmap = streamOf(objects.get(toUnicode[1]) ?? '');
    for (const range of cmap.matchAll(/<([0-9a-fA-F]+)> <([0-9a-fA-F]+)> \[([^\]]*)\]/g)) {
      const start = parseInt(range[1], 16);
      const entries = [...range[3].matchAll(/<([0-9a-fA-F ]*)>/g)].map((e) =>
        String.fromCharCode(...e[1].trim().split(/\s+/).filter(Boolean).map((hex) => parseInt(hex, 16))),
      );
      entries.forEach((text, offset) => map.set(start + offset, text));
    }
    for (const single of cmap.matchAll(/<([0-9a-fA-F]{4})> <([0-9a-fA-F]+)>\s*$/gm)) {
      map.set(parseInt(single[1], 16), String.fromCharCode(...(single[2].match(/.{4}/g) ?? []).map((hex) => parseInt(hex, 16))));
    }
    cmaps.set(id, map);
  }
  const fontNames = new Map<string, string>();
  for (const body of objects.values()) for (const ref of body.matchAll(/\/(F\d+) (\d+) 0 R/g)) fontNames.set(ref[1], ref[2]);
  const decode = (hex: string, font: string | undefined) => {
    const map = font ? cmaps.get(fontNames.get(font) ?? '') : undefined;
    if (!map) return options.undecodedAsLatin1 ? Buffer.from(hex, 'hex').toString('latin1') : '';
    let text = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) text += map.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
    return text;
  };
  const lines: string[] = [];
  for (const body of objects.values()) {
    const content = streamOf(body);
    if (!content.includes(' Tf')) continue;
    let font: string | undefined;
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[^\]])*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
      if (op[1]) font = op[1];
      else if (op[2] !== undefined) lines.push([...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((piece) => decode(piece[1], font)).join(''));
      else if (op[3] !== undefined) lines.push(decode(op[3], font));
    }
  }
  return lines;
}

/** The text lines of a PDF file as pdfkit writes it: its Flate streams inflated, then read as pdfTextLines does. */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1').replace(/stream\r?\n([\s\S]*?)endstream/g, (whole, data: string) => {
    try {
      return `stream\n${inflateSync(Buffer.from(data.replace(/\r?\n$/, ''), 'latin1')).toString('latin1')}\nendstream`;
    } catch {
      return whole;
    }
  });
  return pdfTextLines(source).join('\n');
}
