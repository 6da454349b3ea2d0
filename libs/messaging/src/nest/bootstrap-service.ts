import { Logger, type DynamicModule, type INestMicroservice, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { natsConnectionOptions, natsServers, type NatsSettings } from '../nats-endpoint';
import { PrefixedNatsServer } from '../prefixed-nats.server';
import { RpcDomainExceptionFilter } from '../rpc-exception.filter';
import { RedactingLogger } from './redacting-logger';

export interface ServiceBootstrapOptions extends Pick<NatsSettings, 'natsUrl' | 'natsAuth'> {
  /** Also the service's queue group and NATS user (its inbox prefix is `inboxPrefixFor(service)`). */
  service: string;
  prefix: string;
  /** Log levels; tests pass ['error'] to keep their output readable. */
  logger?: LogLevel[];
}

/** Creates a service as a NATS microservice (queue group = service name) and starts listening. */
export async function createServiceApp(module: Type<unknown> | DynamicModule, options: ServiceBootstrapOptions): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(module, {
    strategy: new PrefixedNatsServer(options.prefix, {
      ...natsConnectionOptions(options.service, options.natsUrl, options.natsAuth),
      queue: options.service,
      name: `${options.service}-rpc`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      gracefulShutdown: true,
      gracePeriod: 2000,
    }),
    bufferLogs: false,
    logger: new RedactingLogger(options.logger),
  });
  app.useGlobalFilters(new RpcDomainExceptionFilter());
  app.enableShutdownHooks();
  await app.listen();
  const as = options.natsAuth ? ` as ${options.natsAuth.user}` : '';
  new Logger(options.service).log(`listening on nats at ${natsServers(options.natsUrl).join(', ')}${as} with prefix "${options.prefix}"`);
  return app;
}
