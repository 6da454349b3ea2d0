import { Module, type DynamicModule } from '@nestjs/common';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

/** Registers token verification; the app registers AuthGuard as a global guard where it fits in its guard order. */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, TokenVerifier, AuthGuard],
      exports: [TokenVerifier, AuthGuard],
    };
  }
}
