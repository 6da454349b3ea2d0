import { Logger } from '@nestjs/common';
import Fastify, { type FastifyInstance } from 'fastify';
import { frameworkErrorHandler } from './problem.filter';

/**
 * Regression cases from the fuzz suite (apps/e2e/src/fuzz): Fastify's router refused these URLs before any hook or
 * error handler ran and answered its own plain JSON (`{"code":"FST_ERR_MAX_PARAM_LENGTH",…}` with 414,
 * `FST_ERR_BAD_URL` with 400) instead of problem+json.
 */
describe('Fastify router errors as problem+json', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify({ frameworkErrors: frameworkErrorHandler(new Logger('test')) });
    app.get('/api/v1/meetings/:id/minutes', async () => ({ ok: true }));
    await app.ready();
  });

  afterAll(() => app.close());

  it('answers a path parameter over the length limit with a 414 problem', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/meetings/${'a'.repeat(2000)}/minutes` });
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 414, title: 'URI Too Long', detail: 'A path parameter is too long', type: expect.any(String) });
  });

  it('answers an undecodable URL (a lone surrogate) with a 400 problem that does not blame the body', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/meetings/%ED%A0%80/minutes' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400, title: 'Bad Request', detail: 'The URL is not valid' });
  });
});
