import { createHash, randomBytes } from 'node:crypto';
import type { ExportChunk } from '@rd/contracts';
import { contentStream } from './export-content-stream';

const SLICE = 1000;

function setup(content: Buffer, tamper?: (chunk: ExportChunk) => ExportChunk) {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const requested: number[] = [];
  const chunkAt = (offset: number): ExportChunk => ({ offset, total: content.length, sha256, data: content.subarray(offset, offset + SLICE).toString('base64') });
  const next = async (offset: number) => {
    requested.push(offset);
    const chunk = chunkAt(offset);
    return tamper ? tamper(chunk) : chunk;
  };
  return { sut: contentStream(chunkAt(0), next), requested };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('contentStream', () => {
  it('should fetch the next slice only after the previous one and yield the file byte for byte', async () => {
    const content = randomBytes(3500);
    const { sut, requested } = setup(content);
    expect((await readAll(sut)).equals(content)).toBe(true);
    expect(requested).toEqual([1000, 2000, 3000]);
  });

  it('should abort when the bytes do not match the checksum', async () => {
    const content = randomBytes(2500);
    const { sut } = setup(content, (chunk) => (chunk.offset === 2000 ? { ...chunk, data: Buffer.alloc(500).toString('base64') } : chunk));
    const received: Buffer[] = [];
    sut.on('data', (part: Buffer) => received.push(part));
    await expect(new Promise((resolve, reject) => sut.on('end', resolve).on('error', reject))).rejects.toThrow(/checksum/);
    // The bad last slice never left: the client sees a short body, not a complete wrong file.
    expect(Buffer.concat(received).length).toBe(2000);
  });

  it('should abort when the file changed while it was read', async () => {
    const { sut } = setup(randomBytes(2500), (chunk) => ({ ...chunk, sha256: 'f'.repeat(64) }));
    await expect(readAll(sut)).rejects.toThrow(/changed/);
  });

  it('should stream an empty file', async () => {
    const { sut, requested } = setup(Buffer.alloc(0));
    expect((await readAll(sut)).length).toBe(0);
    expect(requested).toEqual([]);
  });
});
