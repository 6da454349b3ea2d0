import { Logger, type DynamicModule, type INestMicroservice, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { inboxPrefixFor } from '../inbox-prefix';
import { PrefixedNatsServer } from '../prefixed-nats.server';
import { RpcDomainExceptionFilter } from '../rpc-exception.filter';

export interface ServiceBootstrapOptions {
  /** Also the service's queue group and NATS user (its inbox prefix is `inboxPrefixFor(service)`). */
  service: string;
  natsUrl: string;
  prefix: string;
  /** Log levels; tests pass ['error'] to keep their output readable. */
  logger?: LogLevel[];
}

/** Creates a service as a NATS microservice (queue group = service name) and starts listening. */
export async function createServiceApp(module: Type<unknown> | DynamicModule, options: ServiceBootstrapOptions): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(module, {
    strategy: new PrefixedNatsServer(options.prefix, {
      servers: options.natsUrl,
      queue: options.service,
      name: `${options.service}-rpc`,
      inboxPrefix: inboxPrefixFor(options.service),
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      gracefulShutdown: true,
      gracePeriod: 2000,
    }),
    bufferLogs: false,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  app.useGlobalFilters(new RpcDomainExceptionFilter());
  app.enableShutdownHooks();
  await app.listen();
  new Logger(options.service).log(`listening on ${options.natsUrl} with prefix "${options.prefix}"`);
  return app;
}
