import { Module, type DynamicModule } from '@nestjs/common';
import { KeycloakAdmin, type KeycloakAdminSettings } from './keycloak-admin';
import { KEYCLOAK_ADMIN, USER_ADMIN_OPTIONS, UsersService, type UserAdminOptions } from './users.service';

/** Keycloak's Admin REST API with the gateway's service account, and the user rules on top (ADR 33). */
@Module({})
export class UsersModule {
  static forRoot(options: { keycloak: KeycloakAdminSettings; links: UserAdminOptions }): DynamicModule {
    return {
      module: UsersModule,
      global: true,
      providers: [{ provide: KEYCLOAK_ADMIN, useFactory: () => new KeycloakAdmin(options.keycloak) }, { provide: USER_ADMIN_OPTIONS, useValue: options.links }, UsersService],
      exports: [UsersService],
    };
  }
}
