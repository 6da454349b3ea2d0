import { Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { RpcClient, type NatsAuth } from '@rd/messaging';

export const RPC_CLIENT = Symbol('RPC_CLIENT');

class RpcClientLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(RPC_CLIENT) private readonly client: RpcClient) {}

  async onModuleInit(): Promise<void> {
    await this.client.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

/** The gateway's one typed client to every service. */
@Module({})
export class RpcModule {
  static forRoot(options: { natsUrl: string; natsAuth?: NatsAuth; prefix: string; timeoutMs: number }): DynamicModule {
    return {
      module: RpcModule,
      global: true,
      providers: [
        {
          provide: RPC_CLIENT,
          useFactory: () =>
            new RpcClient({
              servers: options.natsUrl,
              prefix: options.prefix,
              timeoutMs: options.timeoutMs,
              name: 'gateway',
              natsUser: 'gateway',
              ...(options.natsAuth ? { natsAuth: options.natsAuth } : {}),
            }),
        },
        RpcClientLifecycle,
      ],
      exports: [RPC_CLIENT],
    };
  }
}
