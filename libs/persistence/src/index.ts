export * from './outbox-message.entity';
export * from './inbox-message.entity';
export * from './messaging-tables.sql';
export * from './mikro-orm-config';
export * from './record-event';
export * from './outbox-relay';
export * from './apply-once';
export * from './run-migrations';
