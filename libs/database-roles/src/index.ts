export * from './database-roles';
