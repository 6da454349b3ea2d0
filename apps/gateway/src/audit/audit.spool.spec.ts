import type { AuditEntry } from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditSpool } from './audit.spool';

function entry(username = 'reviewer.sughd'): AuditEntry {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'gateway',
    actor: { userId: 'u', username, roles: ['regional-reviewer'] },
    action: 'community:create',
    resourceType: 'community',
    resourceId: null,
    outcome: 'denied',
    httpStatus: 403,
    correlationId: 'corr-12345678',
    clientAddress: '127.0.0.1',
    method: 'POST',
    path: '/api/v1/communities',
  };
}

/** A spool in a fresh directory and a broker that can be switched off. */
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'rd-audit-spool-'));
  const published: AuditEntry[] = [];
  const broker = { up: true };
  const publish = jest.fn(async (e: AuditEntry) => {
    if (!broker.up) throw new Error('no responders');
    published.push(e);
  });
  return { sut: new AuditSpool(dir), mocks: { dir, published, broker, publish } };
}

describe(AuditSpool.name, () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('should keep spilled records on disk and publish them oldest first, deleting each once published', async () => {
    const { sut, mocks } = setup();
    dirs.push(mocks.dir);
    const records = [entry('a'), entry('b'), entry('c')];
    for (const record of records) await sut.spill(record);
    expect(await sut.size()).toBe(3);

    // A new spool on the same directory (the gateway after a restart) finds them.
    const restarted = new AuditSpool(mocks.dir);
    await expect(restarted.replay(mocks.publish)).resolves.toEqual({ published: 3, left: 0 });
    expect(mocks.published).toEqual(records);
    expect(readdirSync(mocks.dir)).toEqual([]);
  });

  it('should stop at the first refusal and keep that record and the later ones', async () => {
    const { sut, mocks } = setup();
    dirs.push(mocks.dir);
    const records = [entry('a'), entry('b')];
    for (const record of records) await sut.spill(record);
    mocks.broker.up = false;
    await expect(sut.replay(mocks.publish)).resolves.toEqual({ published: 0, left: 2 });
    expect(await sut.size()).toBe(2);
    mocks.broker.up = true;
    await expect(sut.replay(mocks.publish)).resolves.toEqual({ published: 2, left: 0 });
    expect(mocks.published.map((r) => r.actor.username)).toEqual(['a', 'b']);
  });

  it('should set aside a file that is not a valid record and drop a stale partial write', async () => {
    const { sut, mocks } = setup();
    dirs.push(mocks.dir);
    await sut.spill(entry('a'));
    writeFileSync(join(mocks.dir, '000000000000000-000000-broken.json'), '{"id":');
    const partial = join(mocks.dir, '999999999999999-000001-x.json.tmp');
    writeFileSync(partial, '{');
    utimesSync(partial, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    const invalid = jest.fn();
    await expect(sut.replay(mocks.publish, invalid)).resolves.toEqual({ published: 1, left: 0 });
    expect(invalid).toHaveBeenCalledWith(expect.stringContaining('broken.json'), expect.any(Error));
    expect(readdirSync(mocks.dir)).toEqual(['000000000000000-000000-broken.json.invalid']);
  });
});
