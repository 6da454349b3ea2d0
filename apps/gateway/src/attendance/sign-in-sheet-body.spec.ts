import http from 'node:http';
import type { Readable } from 'node:stream';
import { createDeflate, crc32, gzipSync } from 'node:zlib';
import { SIGN_IN_SHEET_MAX_BYTES } from '@rd/contracts';
import Fastify, { type FastifyInstance } from 'fastify';
import { ProblemError } from '../problem/problem';
import { registerSignInSheetBody, SIGN_IN_SHEET_ROUTE, signInSheetBodyType } from './sign-in-sheet-body';

/**
 * The sign-in sheet is kept as the bytes it came as (ADR 0013): only its magic bytes are read. A "bomb" for an image
 * or PDF decoder — a PNG declaring 60,000 × 60,000 pixels, a PDF whose FlateDecode stream inflates to 64 MB and more —
 * is therefore 5 MiB at most for the gateway and the meetings service, never decoded by either (ADR 0030). Anything
 * beyond 5 MiB is refused while it streams in, whatever its Content-Length says.
 */
const MiB = 1024 * 1024;

async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(MiB);
  for (let written = 0; written < bytes; written += MiB) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A PNG that declares 60,000 × 60,000 RGBA pixels (14.4 GB decoded), with an IDAT of deflated zeros. */
async function pngBomb(): Promise<Buffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(60_000, 0);
  header.writeUInt32BE(60_000, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', await deflatedZeros(256 * MiB)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PDF with one FlateDecode stream that inflates to 256 MB. */
async function pdfBomb(): Promise<Buffer> {
  const stream = await deflatedZeros(256 * MiB);
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
    stream,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

/**
 * Runs one request and bounds how much the worker's memory grew while it ran. maxRSS is the worker's lifetime peak: a
 * peak left by building an earlier payload (or an earlier spec in the same worker) would be counted against this
 * request. So: if the lifetime peak rose during the request, that is the request's peak; if not, the highest RSS
 * sampled while it ran is.
 */
async function measured<T>(run: () => Promise<T>): Promise<{ result: T; ms: number; peakGrowthMb: number }> {
  const rssBefore = process.memoryUsage().rss;
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  let sampled = rssBefore;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 1);
  const started = process.hrtime.bigint();
  try {
    const result = await run();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const maxRssAfter = process.resourceUsage().maxRSS * 1024;
    const peak = maxRssAfter > maxRssBefore ? maxRssAfter : Math.max(sampled, process.memoryUsage().rss);
    return { result, ms, peakGrowthMb: (peak - rssBefore) / MiB };
  } finally {
    clearInterval(sampler);
  }
}

describe('sign-in sheet body', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    registerSignInSheetBody(app);
    app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
      void reply.status(error instanceof ProblemError ? error.status : (error.statusCode ?? 500)).send({ detail: error.message });
    });
    app.put(SIGN_IN_SHEET_ROUTE, async (request) => {
      const { file, mediaType } = signInSheetBodyType(request);
      return { mediaType, bytes: file.length };
    });
    await app.ready();
  });
  afterAll(() => app?.close());

  async function put(payload: Buffer | Readable, headers: Record<string, string>) {
    const url = '/api/v1/meetings/00000000-0000-4000-8000-000000000001/attendance/sign-in-sheet';
    const { result: response, ms, peakGrowthMb } = await measured(() => app.inject({ method: 'PUT', url, payload, headers }));
    process.stdout.write(`sign-in sheet: ${response.statusCode} ${response.body.slice(0, 80)} in ${ms.toFixed(1)} ms, peak RSS growth bound ${peakGrowthMb.toFixed(1)} MB\n`);
    return { status: response.statusCode, body: response.body, ms, peakGrowthMb };
  }

  it('should keep a PNG declaring 60,000 × 60,000 pixels as bytes, without decoding it', async () => {
    const png = await pngBomb();
    expect(png.length).toBeLessThan(SIGN_IN_SHEET_MAX_BYTES);
    const result = await put(png, { 'content-type': 'image/png' });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ mediaType: 'image/png', bytes: png.length });
    expect(result.ms).toBeLessThan(500);
    expect(result.peakGrowthMb).toBeLessThan(50);
  });

  it('should keep a PDF whose FlateDecode stream inflates to 256 MB as bytes, without inflating it', async () => {
    const pdf = await pdfBomb();
    const result = await put(pdf, { 'content-type': 'application/pdf' });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ mediaType: 'application/pdf', bytes: pdf.length });
    expect(result.ms).toBeLessThan(500);
    expect(result.peakGrowthMb).toBeLessThan(50);
  });

  it('should not inflate a gzip Content-Encoding: the compressed bytes are not a scan (415)', async () => {
    const gzipped = gzipSync(Buffer.alloc(64 * MiB));
    const result = await put(gzipped, { 'content-type': 'image/png', 'content-encoding': 'gzip' });
    expect(result.status).toBe(415);
    expect(result.peakGrowthMb).toBeLessThan(50);
  });

  it('should refuse more than 5 MiB while it streams in, also without a Content-Length (413)', async () => {
    // Over a real socket (inject would read the whole stream first): the client offers 100 MiB in 64 KiB pieces.
    const server = Fastify();
    registerSignInSheetBody(server);
    server.put(SIGN_IN_SHEET_ROUTE, async (request) => ({ bytes: signInSheetBodyType(request).file.length }));
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    let sent = 0;
    const offer = () => new Promise<number>((resolve, reject) => {
      const request = http.request(`${address}/api/v1/meetings/00000000-0000-4000-8000-000000000001/attendance/sign-in-sheet`, {
        method: 'PUT',
        headers: { 'content-type': 'application/pdf', 'transfer-encoding': 'chunked' },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on('error', (error) => (sent > SIGN_IN_SHEET_MAX_BYTES ? undefined : reject(error)));
      const piece = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(64 * 1024 - 5)]);
      const pump = () => {
        while (sent < 100 * MiB && !request.destroyed) {
          sent += piece.length;
          if (!request.write(piece)) return void request.once('drain', pump);
        }
        if (!request.destroyed) request.end();
      };
      pump();
    });
    const { result: status, ms, peakGrowthMb } = await measured(offer);
    process.stdout.write(`sign-in sheet: ${status} after ${(sent / MiB).toFixed(1)} MiB sent, in ${ms.toFixed(1)} ms, peak RSS growth bound ${peakGrowthMb.toFixed(1)} MB\n`);
    await server.close();
    expect(status).toBe(413);
    expect(sent).toBeLessThan(20 * MiB);
    expect(peakGrowthMb).toBeLessThan(50);
  });

  it('should refuse a workbook or zip sent as a scan by its magic bytes (415)', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(1024)]);
    expect((await put(zip, { 'content-type': 'application/octet-stream' })).status).toBe(415);
  });
});
