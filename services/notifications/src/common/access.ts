import { actorHasPermission, type Permission } from '@rd/auth-core';
import { DomainException, type Actor, type ActorScope } from '@rd/contracts';

/** Services re-check the permission the gateway checked: a request from elsewhere gets no more. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actorHasPermission(actor, permission)) {
    throw new DomainException('auth.forbidden', `Your role does not allow ${permission}`);
  }
}

/** SQL condition (and its bindings) for rows with district_code/region_code inside a scope. */
export function scopeCondition(scope: ActorScope, alias = ''): { sql: string; params: unknown[] } {
  const col = (name: string) => (alias ? `${alias}."${name}"` : `"${name}"`);
  if (scope.national) return { sql: 'true', params: [] };
  return {
    sql: `(${col('region_code')} = any(?::text[]) or ${col('district_code')} = any(?::text[]))`,
    params: [pgArray(scope.regions), pgArray(scope.districts)],
  };
}

/** A text[] literal for a `?::text[]` binding (knex would expand a JS array into a list). */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}
