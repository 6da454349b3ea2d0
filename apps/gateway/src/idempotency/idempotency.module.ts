import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENCY_OPTIONS, IdempotencyStore, type IdempotencyOptions } from './idempotency.store';

/** `Idempotency-Key` on every write, recorded in a NATS KV bucket shared by the replicas (docs/adr/0029-idempotency-keys.md). */
@Module({})
export class IdempotencyModule {
  static forRoot(options: IdempotencyOptions): DynamicModule {
    return {
      module: IdempotencyModule,
      providers: [{ provide: IDEMPOTENCY_OPTIONS, useValue: options }, IdempotencyStore, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
    };
  }
}
