import { Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Actor, DataOf, ReplyOf, RequestDef } from '@rd/contracts';
import { RpcClient, type NatsAuth } from '@rd/messaging';
import { lateReplyScope, withLateReply } from '../idempotency/late-reply';

export const RPC_CLIENT = Symbol('RPC_CLIENT');

/**
 * Inside a write with an Idempotency-Key: waits longer for the services, whose late answer is still recorded, and
 * sends the key's record key with every command, so a service applies a retried command once.
 */
class GatewayRpcClient extends RpcClient {
  override request<D extends RequestDef>(def: D, actor: Actor, data: DataOf<D>, context: { correlationId: string; timeoutMs?: number }): Promise<ReplyOf<D>> {
    const idempotencyKey = def.kind === 'cmd' ? lateReplyScope.getStore()?.requestKey : undefined;
    return withLateReply(context.timeoutMs, (timeoutMs) => super.request(def, actor, data, { ...context, timeoutMs, idempotencyKey }));
  }
}

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
            new GatewayRpcClient({
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
