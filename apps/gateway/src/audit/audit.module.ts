import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditInterceptor } from './audit.interceptor';
import { AUDIT_OPTIONS, AuditRecorder, type AuditOptions } from './audit.recorder';

/** The audit trail of the gateway: records every state-changing request and every 403 (docs/adr/0003-audit-trail.md). */
@Module({})
export class AuditModule {
  static forRoot(options: AuditOptions): DynamicModule {
    return {
      module: AuditModule,
      providers: [{ provide: AUDIT_OPTIONS, useValue: options }, AuditRecorder, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
      exports: [AuditRecorder],
    };
  }
}
