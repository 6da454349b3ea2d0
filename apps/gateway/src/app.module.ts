import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from '@rd/auth-nest';
import { CommunitiesController } from './communities/communities.controller';
import type { GatewayConfig } from './config';
import { DistrictsController } from './districts/districts.controller';
import { HealthController } from './health/health.controller';
import { MeController } from './me/me.controller';
import { ProblemFilter } from './problem/problem.filter';
import { ReportsController } from './reports/reports.controller';
import { RpcModule } from './rpc/rpc.module';

/** Every HTTP route of the platform; the route table the access tests walk comes from here. */
export const GATEWAY_CONTROLLERS = [HealthController, MeController, DistrictsController, CommunitiesController, ReportsController];

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AuthModule.forRoot({ issuerUrl: config.issuerUrl, jwksUrl: config.jwksUrl, audience: config.audience, allowedClients: config.allowedClients }),
        RpcModule.forRoot({ natsUrl: config.natsUrl, prefix: config.prefix, timeoutMs: config.rpcTimeoutMs }),
      ],
      controllers: GATEWAY_CONTROLLERS,
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
