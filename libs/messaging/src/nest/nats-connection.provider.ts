import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import { natsConnectionOptions } from '../nats-endpoint';
import { NATS_CONNECTION, SERVICE_RUNTIME_OPTIONS, type ServiceRuntimeOptions } from './service-runtime.options';

export const natsConnectionProvider = {
  provide: NATS_CONNECTION,
  inject: [SERVICE_RUNTIME_OPTIONS],
  // Reconnect forever: a NATS restart must not take the service down; JetStream calls fail meanwhile.
  // Pulled messages, API answers and publish acks come to the service's own inbox.
  useFactory: (options: ServiceRuntimeOptions): Promise<NatsConnection> =>
    connect({
      ...natsConnectionOptions(options.service, options.natsUrl, options.natsAuth),
      name: `${options.service}-events`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    }),
};

/** Drains the JetStream connection when the application stops. */
@Injectable()
export class NatsConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
  }
}
