import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommandOnceInterceptor } from './command-once.interceptor';
import { NatsConnectionCloser, natsConnectionProvider } from './nats-connection.provider';
import { OutboxRelayHost } from './outbox-relay.host';
import { NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type ServiceRuntimeOptions } from './service-runtime.options';

/**
 * What every service needs around its domain modules: a NATS connection for JetStream, the
 * outbox relay and keyed commands applied once. Import once in the service's AppModule, after MikroOrmModule.
 */
@Module({})
export class ServiceRuntimeModule {
  static forRoot(options: ServiceRuntimeOptions): DynamicModule {
    return {
      module: ServiceRuntimeModule,
      global: true,
      providers: [
        { provide: SERVICE_RUNTIME_OPTIONS, useValue: options },
        natsConnectionProvider,
        NatsConnectionCloser,
        OutboxRelayHost,
        // A command sent with the gateway's idempotency key is applied once (ADR 29, "Keys reach the services").
        { provide: APP_INTERCEPTOR, useClass: CommandOnceInterceptor },
      ],
      exports: [SERVICE_RUNTIME_OPTIONS, NATS_CONNECTION],
    };
  }
}
