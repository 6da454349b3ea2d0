import helmet from '@fastify/helmet';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { RedactingLogger } from '@rd/messaging';
import { AppModule } from './app.module';
import { assertSignInSheetUploadType, isSignInSheetRoute, registerSignInSheetBody } from './attendance/sign-in-sheet-body';
import { assertUploadType, isUploadRoute, registerUploadBodies } from './community-imports/upload-bodies';
import type { GatewayConfig } from './config';
import { frameworkErrorHandler, sendProblem } from './problem/problem.filter';
import { ProblemError } from './problem/problem';

const CORRELATION_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** Builds the gateway: Fastify with body limit, JSON-only bodies, security headers, CORS and problem+json. */
export async function createGateway(config: GatewayConfig, options: { logger?: LogLevel[] } = {}): Promise<NestFastifyApplication> {
  const logger = new Logger('Gateway');
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // The router's own refusals (undecodable URL, over-long path parameter) are problem+json as well.
    frameworkErrors: frameworkErrorHandler(logger),
    // Reuse a sane incoming correlation id so a request can be followed across services.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = request.headers['x-correlation-id'];
      return typeof incoming === 'string' && CORRELATION_ID.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: false,
    logger: new RedactingLogger(options.logger),
  });
  const fastify = app.getHttpAdapter().getInstance();

  await app.register(helmet, { contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
  app.enableCors({
    origin: config.corsOrigins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Correlation-Id', 'Idempotency-Key'],
    exposedHeaders: ['Content-Range', 'X-Correlation-Id', 'Retry-After', 'X-Hidden-Concerns', 'Content-Disposition', 'Idempotent-Replayed', 'Location'],
    maxAge: 600,
  });
  app.setGlobalPrefix('api/v1');

  // Only JSON bodies are understood; anything else is 415 before a handler runs. The import routes take
  // CSV or XLSX files instead, with their own size limit (docs/adr/0004-community-import-uploads.md).
  registerUploadBodies(fastify);
  // The sign-in sheet scan of a meeting: JPEG, PNG or PDF up to 5 MiB (docs/adr/0013).
  registerSignInSheetBody(fastify);
  fastify.addHook('preValidation', async (request) => {
    if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return;
    if (isUploadRoute(request)) return assertUploadType(request);
    if (isSignInSheetRoute(request)) return assertSignInSheetUploadType(request);
    const type = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') throw new ProblemError('request.unsupported-media-type', 'Send application/json');
  });
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('X-Correlation-Id', String(request.id));
  });
  // Errors raised by Fastify itself (body parsing, limits) also leave as problem+json.
  fastify.setErrorHandler((error, request, reply) => sendProblem(request, reply, error, logger));

  app.enableShutdownHooks();
  return app;
}
