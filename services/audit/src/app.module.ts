import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceRuntimeModule } from '@rd/messaging';
import { AuditEntriesModule } from './audit-entries/audit-entries.module';
import type { AuditConfig } from './config';
import { auditOrmConfig } from './orm.config';

@Module({})
export class AppModule {
  static forRoot(config: AuditConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MikroOrmModule.forRoot({ ...auditOrmConfig(config.databaseUrl), registerRequestContext: false }),
        // The audit service emits no events; it only stores what others submit.
        ServiceRuntimeModule.forRoot({
          service: 'audit',
          natsUrl: config.natsUrl,
          natsAuth: config.natsAuth,
          streamReplicas: config.streamReplicas ?? 1,
          prefix: config.prefix,
          databaseUrl: config.databaseUrl,
          relayOutbox: false,
        }),
        AuditEntriesModule,
      ],
    };
  }
}
