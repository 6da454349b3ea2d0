import type { AuditEntry } from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { AuditPublisher, type AuditPublisherOptions } from './audit.publisher';

function entry(username = 'ngo.isfara'): AuditEntry {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'gateway',
    actor: { userId: 'u', username, roles: ['ngo-admin'] },
    action: 'community:create',
    resourceType: 'community',
    resourceId: null,
    outcome: 'success',
    httpStatus: 201,
    correlationId: 'corr-12345678',
    clientAddress: '127.0.0.1',
    method: 'POST',
    path: '/api/v1/communities',
  };
}

/** A publisher whose broker can be switched off and on; `published` is what the broker acknowledged. */
function setup(options: Partial<AuditPublisherOptions> = {}) {
  const published: AuditEntry[] = [];
  const broker = { up: true };
  const logger = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };
  const publish = jest.fn(async (e: AuditEntry) => {
    await new Promise((resolve) => setImmediate(resolve));
    if (!broker.up) throw new Error('no responders');
    published.push(e);
  });
  const sut = new AuditPublisher({ publish, logger, retryDelayMs: () => 5, ...options });
  return { sut, mocks: { publish, logger, broker, published } };
}

describe(AuditPublisher.name, () => {
  it('should return at once from submit and publish in the background', async () => {
    const { sut, mocks } = setup();
    const records = [entry(), entry(), entry()];
    records.forEach((r) => sut.submit(r));
    expect(mocks.published).toEqual([]);
    expect(await sut.flush(1000)).toBe(0);
    expect(mocks.published.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(sut.stats).toEqual({ submitted: 3, published: 3, lost: 0, buffered: 0 });
  });

  it('should keep records while the broker is down and publish them when it is back', async () => {
    const { sut, mocks } = setup();
    mocks.broker.up = false;
    const records = Array.from({ length: 40 }, () => entry());
    records.forEach((r) => sut.submit(r));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(mocks.published).toEqual([]);
    expect(sut.stats.buffered).toBe(40);
    expect(mocks.logger.error).toHaveBeenCalledWith(expect.stringContaining('publishing failed (no responders)'));
    mocks.broker.up = true;
    expect(await sut.flush(2000)).toBe(0);
    expect(new Set(mocks.published.map((r) => r.id))).toEqual(new Set(records.map((r) => r.id)));
    expect(sut.stats).toMatchObject({ published: 40, lost: 0 });
  });

  it('should drop the oldest record when the buffer is full, logging it whole', async () => {
    const { sut, mocks } = setup({ capacity: 3, batchSize: 1 });
    mocks.broker.up = false;
    const records = Array.from({ length: 6 }, (_, i) => entry(`user-${i}`));
    records.forEach((r) => sut.submit(r));
    const lost = mocks.logger.error.mock.calls.map(([line]) => String(line)).filter((line) => line.startsWith('AUDIT RECORD LOST'));
    expect(lost.length).toBeGreaterThanOrEqual(2);
    expect(lost[0]).toContain('buffer full (3 records)');
    expect(lost[0]).toContain(JSON.stringify(records[1]));
    mocks.broker.up = true;
    await sut.flush(2000);
    expect(sut.stats.lost + sut.stats.published).toBe(6);
    expect(mocks.published.map((r) => r.actor.username)).toEqual(expect.arrayContaining(['user-5', 'user-4']));
  });

  it('should log every record still buffered when it stops, and lose nothing silently', async () => {
    const { sut, mocks } = setup();
    mocks.broker.up = false;
    const records = [entry(), entry()];
    records.forEach((r) => sut.submit(r));
    expect(await sut.flush(30)).toBe(2);
    sut.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    sut.submit(entry());
    const lost = mocks.logger.error.mock.calls.map(([line]) => String(line)).filter((line) => line.startsWith('AUDIT RECORD LOST'));
    expect(lost).toHaveLength(3);
    expect(sut.stats).toMatchObject({ submitted: 3, published: 0, lost: 3, buffered: 0 });
  });
});
