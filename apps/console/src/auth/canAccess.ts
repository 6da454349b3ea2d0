import type { Permission } from '@rd/auth-core';

/**
 * react-admin resource → action → the permission of the matrix in `@rd/auth-core` it needs.
 * Anything not listed (edit, delete, unknown resources) is denied: the gateway offers no such route.
 */
export const ACCESS_RULES: Readonly<Record<string, Readonly<Record<string, Permission>>>> = {
  communities: {
    list: 'community:read',
    show: 'community:read',
    create: 'community:create',
  },
  districts: { list: 'geography:read', show: 'geography:read' },
  reports: { list: 'report:read', show: 'report:read' },
};

export interface AccessRequest {
  resource: string;
  action: string;
}

/** Pure access decision for react-admin's `authProvider.canAccess`, from the user's permissions. */
export function canAccess(permissions: readonly Permission[], { resource, action }: AccessRequest): boolean {
  // hasOwn: a resource or action named like an Object.prototype member must not match anything.
  const rules = Object.hasOwn(ACCESS_RULES, resource) ? ACCESS_RULES[resource] : undefined;
  const needed = rules && Object.hasOwn(rules, action) ? rules[action] : undefined;
  return needed !== undefined && permissions.includes(needed);
}
