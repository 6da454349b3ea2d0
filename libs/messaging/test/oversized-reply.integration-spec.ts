import { Controller, Logger, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern } from '@nestjs/microservices';
import { defineRequest, ErrorCode } from '@rd/contracts';
import { testNatsUrl, testSubjectPrefix } from '@rd/testing';
import { z } from 'zod';
import { PrefixedNatsServer, RpcClient, RpcError } from '../src';

const LargeQry = defineRequest({
  name: 'meetings.qry.testreply.large.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'A reply of `bytes` characters',
  schema: z.object({ bytes: z.number().int() }).strict(),
  reply: z.object({ text: z.string() }).strict(),
});

@Controller()
class LargeController {
  @MessagePattern(LargeQry.name)
  large(raw: { data: { bytes: number } }): { text: string } {
    return { text: 'x'.repeat(raw.data.bytes) };
  }
}

@Module({ controllers: [LargeController] })
class LargeModule {}

/**
 * A reply over NATS max_payload (1 MiB on the shared server) used to be dropped by nats.js inside Nest's reply tick:
 * the caller waited out its timeout and the gateway answered 503 after 5 s, every time. The transport now answers
 * an INTERNAL error at once and logs the subject (ADR 0030).
 */
describe('a reply larger than NATS max_payload', () => {
  const prefix = testSubjectPrefix();
  let app: INestMicroservice;
  let rpc: RpcClient;
  const actor = { userId: 'u-test', username: 'test', roles: [], scope: { national: true, regions: [], districts: [] } };

  beforeAll(async () => {
    app = await NestFactory.createMicroservice(LargeModule, { strategy: new PrefixedNatsServer(prefix, { servers: testNatsUrl(), queue: 'large' }), logger: ['error'] });
    await app.listen();
    rpc = new RpcClient({ servers: testNatsUrl(), prefix, timeoutMs: 5000 });
    await rpc.connect();
  });

  afterAll(async () => {
    await rpc?.close();
    await app?.close();
  });

  it('should still answer a reply under the limit', async () => {
    const reply = await rpc.request(LargeQry, actor, { bytes: 512 * 1024 }, { correlationId: 'large-1' });
    expect(reply.text).toHaveLength(512 * 1024);
  });

  it('should fail fast with INTERNAL and an error log naming the subject, instead of a timeout', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error');
    const started = Date.now();
    const error = await rpc.request(LargeQry, actor, { bytes: 2 * 1024 * 1024 }, { correlationId: 'large-2' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const ms = Date.now() - started;
    process.stdout.write(`oversized reply answered in ${ms} ms\n`);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).payload.code).toBe(ErrorCode.Internal);
    expect(ms).toBeLessThan(1000);
    expect(logged.mock.calls.map((call) => String(call[0])).join('\n')).toMatch(/meetings\.qry\.testreply\.large\.v1 is about \d+ bytes, more than NATS max_payload/);
    logged.mockRestore();
  });
});
