import { AuditEntrySchema, type AuditEntry } from '@rd/contracts';
import { mkdirSync } from 'node:fs';
import { open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const SUFFIX = '.json';
const PARTIAL = '.tmp';
/** A partial file older than this belongs to a process that died while writing it: its request was never answered. */
const STALE_PARTIAL_MS = 60_000;

/**
 * A local durable queue of audit records the broker did not take in time (NATS away, the audit stream full): one
 * file per record, written to a temporary name, fsync'd, renamed and the directory fsync'd before the request is
 * answered, so a record survives a `kill -9` of the gateway from the moment the client can see the answer. Files are
 * named `<time>-<record id>.json`, so replay goes oldest first; a record is deleted only after JetStream acknowledged
 * it (with its id as Nats-Msg-Id, so a record published twice is stored once). See docs/adr/0003-audit-trail.md.
 */
export class AuditSpool {
  private sequence = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Makes the record durable on local disk; resolves only after the file and its directory entry are fsync'd. */
  async spill(entry: AuditEntry): Promise<void> {
    this.sequence = (this.sequence + 1) % 1_000_000;
    const name = `${Date.now().toString().padStart(15, '0')}-${String(this.sequence).padStart(6, '0')}-${entry.id}${SUFFIX}`;
    const partial = join(this.dir, `${name}${PARTIAL}`);
    const file = await open(partial, 'wx', 0o600);
    try {
      await file.writeFile(JSON.stringify(entry));
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(partial, join(this.dir, name));
    const dir = await open(this.dir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  /** How many records wait in the spool. */
  async size(): Promise<number> {
    return (await this.names()).length;
  }

  /**
   * Publishes waiting records oldest first and deletes each once published. Stops at the first failure (the broker is
   * still away) and resolves with how many were published and how many are left. A file that is not a valid record
   * (cannot happen unless the disk is damaged) is renamed `*.invalid` and reported, never published or deleted.
   */
  async replay(publish: (entry: AuditEntry) => Promise<void>, onInvalid: (file: string, error: Error) => void = () => undefined): Promise<{ published: number; left: number }> {
    await this.removeStalePartials();
    const names = await this.names();
    let published = 0;
    for (const [index, name] of names.entries()) {
      const path = join(this.dir, name);
      let entry: AuditEntry;
      try {
        entry = AuditEntrySchema.parse(JSON.parse(await readFile(path, 'utf8')));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // another replayer took it
        await rename(path, `${path}.invalid`).catch(() => undefined);
        onInvalid(path, error as Error);
        continue;
      }
      try {
        await publish(entry);
      } catch {
        return { published, left: names.length - index };
      }
      await unlink(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      published += 1;
    }
    return { published, left: 0 };
  }

  private async names(): Promise<string[]> {
    return (await readdir(this.dir)).filter((name) => name.endsWith(SUFFIX)).sort();
  }

  private async removeStalePartials(): Promise<void> {
    for (const name of (await readdir(this.dir)).filter((n) => n.endsWith(PARTIAL))) {
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > STALE_PARTIAL_MS) await unlink(path).catch(() => undefined);
    }
  }
}
