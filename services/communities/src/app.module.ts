import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceRuntimeModule } from '@rd/messaging';
import { CommunitiesModule } from './communities/communities.module';
import type { CommunitiesConfig } from './config';
import { GeographyModule } from './geography/geography.module';
import { communitiesOrmConfig } from './orm.config';

@Module({})
export class AppModule {
  static forRoot(config: CommunitiesConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MikroOrmModule.forRoot({ ...communitiesOrmConfig(config.databaseUrl), registerRequestContext: false }),
        ServiceRuntimeModule.forRoot({
          service: 'communities',
          natsUrl: config.natsUrl,
          prefix: config.prefix,
          databaseUrl: config.databaseUrl,
          relayOutbox: true,
        }),
        GeographyModule,
        CommunitiesModule,
      ],
    };
  }
}
