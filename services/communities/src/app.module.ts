import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceRuntimeModule } from '@rd/messaging';
import { CommunitiesModule } from './communities/communities.module';
import { CommunityImportsModule } from './community-imports/community-imports.module';
import type { CommunitiesConfig } from './config';
import { ContactCardModule } from './contact-card/contact-card.module';
import { ContactsModule } from './contacts/contacts.module';
import { GeographyModule } from './geography/geography.module';
import { OfficerAssignmentsModule } from './officer-assignments/officer-assignments.module';
import { OrganisationsModule } from './organisations/organisations.module';
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
          natsAuth: config.natsAuth,
          streamReplicas: config.streamReplicas ?? 1,
          prefix: config.prefix,
          databaseUrl: config.databaseUrl,
          relayOutbox: true,
        }),
        GeographyModule,
        CommunitiesModule,
        OrganisationsModule,
        ContactsModule,
        OfficerAssignmentsModule,
        ContactCardModule,
        CommunityImportsModule,
      ],
    };
  }
}
