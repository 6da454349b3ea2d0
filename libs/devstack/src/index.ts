export * from './config';
export * from './java';
export * from './maven';
export * from './archive';
export * from './process';
export * from './keycloak';
