import { PERMISSIONS } from '@rd/auth-core';
import { AUDIT_OUTCOMES } from '@rd/contracts';

// Actions are the permissions of the matrix, resources their first part; both shown as the codes they are.
export const actionChoices = PERMISSIONS.map((id) => ({ id, name: id }));
export const resourceTypeChoices = [...new Set(PERMISSIONS.map((permission) => permission.split(':')[0]))]
  .sort()
  .map((id) => ({ id, name: id }));
// Choice names are message keys; SelectInput and SelectField translate them.
export const outcomeChoices = AUDIT_OUTCOMES.map((id) => ({ id, name: `resources.audit.outcomes.${id}` }));

/** DateTimeInput holds a local "YYYY-MM-DDTHH:mm"; the query wants an instant. */
export function toInstant(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
