import { permissionsOf, type Permission } from '@rd/auth-core';
import type { Role } from '@rd/contracts';
import { canAccess } from '../auth/canAccess';

const as = (...roles: Role[]): Permission[] => [...permissionsOf(roles)];

describe('programme history access in the console', () => {
  it.each([
    ['national-coordinator', true],
    ['ngo-admin', true],
    ['police-officer', false],
    ['local-government', false],
    ['regional-reviewer', false],
  ] as const)('should offer recording and importing past reporting days to %s: %s', (role, offered) => {
    expect(canAccess(as(role), { resource: 'past-reporting-days', action: 'create' })).toBe(offered);
    expect(canAccess(as(role), { resource: 'past-reporting-day-imports', action: 'list' })).toBe(offered);
  });
});
