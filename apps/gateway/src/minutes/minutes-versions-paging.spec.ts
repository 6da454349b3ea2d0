import { ListMinutesVersionsQryV1, type Actor, type MinutesVersionView } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { ProblemError } from '../problem/problem';
import { MinutesController } from './minutes.controller';

const meetingId = '00000000-0000-4000-8000-000000000001';
const actor = { userId: 'u', username: 'gov.isfara', roles: ['local-government'], scope: { national: false, regions: [], districts: ['isfara'] } } as Actor;
const version = (n: number): MinutesVersionView => ({ version: n, body: 'x', language: 'en', createdBy: 'u', createdAt: new Date(0).toISOString() });

/** GET /meetings/{id}/minutes/versions asks the service for a page and says which versions came (ADR 0030). */
describe('minutes versions paging at the gateway', () => {
  function setup(sent: number) {
    const request = jest.fn(async (_def: unknown, _actor: Actor, data: { offset: number }) => ({
      items: Array.from({ length: sent }, (_, i) => version(40 - data.offset - i)),
      total: 40,
    }));
    const headers: Record<string, string> = {};
    const reply = { header: (name: string, value: string) => (headers[name] = value) } as unknown as FastifyReply;
    const controller = new MinutesController({ request } as unknown as RpcClient);
    return { request, headers, call: (query: { range?: string }) => controller.versions(actor, { id: meetingId }, query, 'c', reply) };
  }

  it('should ask for the default page without range, and say which versions came', async () => {
    const { request, headers, call } = setup(5);
    expect((await call({})).map((v) => v.version)).toEqual([40, 39, 38, 37, 36]);
    expect(request).toHaveBeenCalledWith(ListMinutesVersionsQryV1, actor, { meetingId, offset: 0, limit: 5 }, { correlationId: 'c' });
    expect(headers['Content-Range']).toBe('minutes-versions 0-4/40');
  });

  it('should pass range, cap it at 25, and report a shorter page when the bodies are large', async () => {
    const { request, headers, call } = setup(3);
    await call({ range: '[10,109]' });
    expect(request.mock.calls[0][2]).toEqual({ meetingId, offset: 10, limit: 25 });
    expect(headers['Content-Range']).toBe('minutes-versions 10-12/40');
  });

  it('should refuse a range that is not [first, last]', async () => {
    const { call } = setup(0);
    await expect(call({ range: '[5,1]' })).rejects.toBeInstanceOf(ProblemError);
  });
});
