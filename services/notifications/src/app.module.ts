import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceRuntimeModule } from '@rd/messaging';
import type { NotificationsConfig } from './config';
import { NotificationsModule } from './notifications.module';
import { notificationsOrmConfig } from './orm.config';

@Module({})
export class AppModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MikroOrmModule.forRoot({ ...notificationsOrmConfig(config.databaseUrl), registerRequestContext: false }),
        ServiceRuntimeModule.forRoot({
          service: 'notifications',
          natsUrl: config.natsUrl,
          natsAuth: config.natsAuth,
          streamReplicas: config.streamReplicas ?? 1,
          prefix: config.prefix,
          databaseUrl: config.databaseUrl,
          relayOutbox: true,
        }),
        NotificationsModule.forRoot(config),
      ],
    };
  }
}
