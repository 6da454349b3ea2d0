export * from './permissions';
export * from './scope';
