import { ClientNats, NatsRecordBuilder } from '@nestjs/microservices';
import {
  ErrorCode,
  isRpcErrorPayload,
  prefixedSubject,
  HEADER_CORRELATION_ID,
  HEADER_IDEMPOTENCY_KEY,
  type Actor,
  type DataOf,
  type ReplyOf,
  type RequestDef,
  type RpcErrorPayload,
} from '@rd/contracts';
import { headers as natsHeaders } from 'nats';
import { firstValueFrom, timeout } from 'rxjs';
import { natsConnectionOptions, type NatsAuth } from './nats-endpoint';

/** A coded error that came back from a service (or stands for one that did not answer). */
export class RpcError extends Error {
  constructor(readonly payload: RpcErrorPayload) {
    super(payload.message);
    this.name = 'RpcError';
  }
}

export interface RpcClientOptions {
  servers: string | string[];
  prefix: string;
  timeoutMs?: number;
  name?: string;
  /**
   * The NATS user of the deployable (e.g. `gateway`): replies come to its own inbox, `inboxPrefixFor(natsUser)`,
   * the only one production lets it subscribe to. Without it nats.js's shared `_INBOX` is used (dev broker, tests).
   */
  natsUser?: string;
  /** Credentials for a production NATS (their user also names the inbox); none on the dev broker and in tests. */
  natsAuth?: NatsAuth;
}

/** Typed request-reply over the NestJS NATS transport: payload and reply types come from the contract. */
export class RpcClient {
  private readonly client: ClientNats;
  private readonly timeoutMs: number;

  constructor(private readonly options: RpcClientOptions) {
    const deployable = options.natsAuth?.user ?? options.natsUser;
    const connection = deployable ? natsConnectionOptions(deployable, options.servers, options.natsAuth) : { servers: options.servers };
    this.client = new ClientNats({ ...connection, name: options.name });
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  connect(): Promise<unknown> {
    return this.client.connect();
  }

  close(): Promise<unknown> {
    return this.client.close() as Promise<unknown>;
  }

  async request<D extends RequestDef>(
    def: D,
    actor: Actor,
    data: DataOf<D>,
    context: { correlationId: string; timeoutMs?: number; idempotencyKey?: string },
  ): Promise<ReplyOf<D>> {
    const headers = natsHeaders();
    headers.set(HEADER_CORRELATION_ID, context.correlationId);
    if (context.idempotencyKey) headers.set(HEADER_IDEMPOTENCY_KEY, context.idempotencyKey);
    const record = new NatsRecordBuilder({ actor, data }).setHeaders(headers).build();
    let reply: unknown;
    try {
      reply = await firstValueFrom(
        this.client
          .send(prefixedSubject(this.options.prefix, def.name), record)
          .pipe(timeout(context.timeoutMs ?? this.timeoutMs)),
      );
    } catch (error) {
      if (isRpcErrorPayload(error)) throw new RpcError(error);
      throw new RpcError({ code: ErrorCode.ServiceUnavailable, message: `${def.owner} did not answer ${def.name}` });
    }
    const parsed = def.reply.safeParse(reply);
    if (!parsed.success) {
      throw new RpcError({ code: ErrorCode.Internal, message: `${def.owner} sent a reply that breaks ${def.name}` });
    }
    return parsed.data as ReplyOf<D>;
  }
}
