import { Controller, Injectable, Module, type BeforeApplicationShutdown, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern } from '@nestjs/microservices';
import { testNatsUrl, testSubjectPrefix } from '@rd/testing';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { PrefixedNatsServer } from '../src';

const json = JSONCodec<unknown>();
const events: string[] = [];
let release: () => void = () => undefined;

@Controller()
class SlowController {
  @MessagePattern('test.qry.slow.v1')
  async slow(): Promise<{ ok: boolean }> {
    events.push('request started');
    await new Promise<void>((resolve) => (release = resolve));
    events.push('request answered');
    return { ok: true };
  }
}

/** Stands for the services' background loops (senders, export workers), which stop in this hook. */
@Injectable()
class BackgroundWork implements BeforeApplicationShutdown {
  beforeApplicationShutdown(): void {
    events.push('background work stopped');
  }
}

@Module({ controllers: [SlowController], providers: [BackgroundWork] })
class SlowModule {}

/**
 * app.close() of a service closes its NATS transport before the shutdown hooks stop background work. The transport
 * waits for the requests in flight, not for a fixed grace period: with a grace period far longer than the test's
 * timeout, an idle close that waited it out would fail here.
 */
describe('closing a service', () => {
  let nc: NatsConnection;
  const prefix = testSubjectPrefix();

  async function startService(): Promise<INestMicroservice> {
    const app = await NestFactory.createMicroservice(SlowModule, {
      strategy: new PrefixedNatsServer(prefix, { servers: testNatsUrl(), queue: 'slow', gracefulShutdown: true, gracePeriod: 60_000 }),
      logger: ['error'],
    });
    await app.listen();
    return app;
  }

  beforeAll(async () => {
    nc = await connect({ servers: testNatsUrl() });
  });

  afterAll(async () => {
    await nc?.close();
  });

  beforeEach(() => {
    events.length = 0;
  });

  it('should answer the request in flight, then stop background work, without waiting out the grace period', async () => {
    const app = await startService();
    const reply = nc.request(`${prefix}.test.qry.slow.v1`, json.encode({ id: 'r1', pattern: 'test.qry.slow.v1', data: {} }), { timeout: 15_000 });
    while (!events.includes('request started')) await new Promise((resolve) => setTimeout(resolve, 10));
    const closed = app.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual(['request started']);
    release();
    expect(json.decode((await reply).data)).toMatchObject({ response: { ok: true } });
    await closed;
    expect(events).toEqual(['request started', 'request answered', 'background work stopped']);
  }, 20_000);

  it('should close an idle service at once', async () => {
    const app = await startService();
    await app.close();
    expect(events).toEqual(['background work stopped']);
  }, 20_000);
});
