export * from './permissions';
export * from './scope';
export * from './concern-access';
export * from './user-admin';
