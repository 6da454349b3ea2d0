export * from './test-database';
export * from './test-nats';
export * from './eventually';
export * from './tokens';
export * from './keycloak-demo-users';
export * from './private-nats';
export * from './private-postgres';
export * from './test-infrastructure';
