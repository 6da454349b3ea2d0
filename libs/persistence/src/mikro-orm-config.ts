import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import type { EntityClass } from '@mikro-orm/core';
import { CommandKeySubscriber } from './command-once';
import { InboxMessage } from './inbox-message.entity';
import { OutboxMessage } from './outbox-message.entity';

export interface ServiceOrmOptions {
  databaseUrl: string;
  entities: EntityClass<unknown>[];
  /** Migration classes, listed explicitly so they work the same from sources, tests and bundles. */
  migrations: { name: string; class: new (...args: never[]) => unknown }[];
  debug?: boolean;
  poolMax?: number;
}

/** The MikroORM config every service uses: its own database, the outbox/inbox entities, explicit migrations. */
export function createOrmConfig(options: ServiceOrmOptions): Options {
  return defineConfig({
    clientUrl: options.databaseUrl,
    entities: [OutboxMessage, InboxMessage, ...options.entities],
    // A keyed command's first change records its key in the same flush (ADR 29, "Keys reach the services").
    subscribers: [new CommandKeySubscriber()],
    extensions: [Migrator],
    migrations: {
      migrationsList: options.migrations as never,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    pool: { min: 0, max: options.poolMax ?? 10 },
    debug: options.debug ?? false,
    forceUtcTimezone: true,
    // Entities never leave a service: mappers decide what crosses a boundary.
    serialization: { forceObject: true },
    allowGlobalContext: false,
  });
}
