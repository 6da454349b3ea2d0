import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type ExportStorageKind = 'db' | 'files';

export interface ExportStorageConfig {
  kind: ExportStorageKind;
  /** Directory for kind 'files'; shared by every replica (a volume), since any replica may serve a chunk. */
  filesDir: string;
}

/** Where a finished file's bytes live: in export_job.content, or as a file on a volume every replica shares. */
export class ExportFiles {
  constructor(private readonly config: ExportStorageConfig) {}

  get kind(): ExportStorageKind {
    return this.config.kind;
  }

  /** `<dir>/<job id>.<attempt>`: the id is a UUID (checked by the contract), never a path from outside. */
  private pathOf(id: string, attempt: number): string {
    return join(this.config.filesDir, `${id}.${attempt}`);
  }

  /** Writes the file for kind 'files' (via a temporary name, so a half-written file is never served). */
  async write(id: string, attempt: number, content: Buffer): Promise<void> {
    await mkdir(this.config.filesDir, { recursive: true });
    const temporary = `${this.pathOf(id, attempt)}.part`;
    await writeFile(temporary, content);
    await rename(temporary, this.pathOf(id, attempt));
  }

  async read(id: string, attempt: number, offset: number, length: number): Promise<Buffer> {
    const handle = await open(this.pathOf(id, attempt), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async remove(id: string, attempt: number): Promise<void> {
    await rm(this.pathOf(id, attempt), { force: true });
  }
}
