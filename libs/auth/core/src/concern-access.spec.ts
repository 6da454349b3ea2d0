import { ROLES, SENSITIVITIES, type Actor, type Role, type Sensitivity } from '@rd/contracts';
import { canChangeSensitivity, canManageHandlers, canReadConcern, type ConcernAccessFacts } from './concern-access';

const actor = (role: Role, districts: string[] = ['isfara'], userId = `u-${role}`): Actor => ({
  userId,
  username: role,
  roles: [role],
  scope: { national: role === 'national-coordinator', regions: role === 'regional-reviewer' ? ['sughd'] : [], districts },
});

const concern = (sensitivity: Sensitivity, handlerIds: string[] = []): ConcernAccessFacts => ({
  districtCode: 'isfara',
  regionCode: 'sughd',
  sensitivity,
  handlerIds,
});

// The expected table, written out by hand from docs/ (DOMAIN "Sensitivity and do-no-harm").
const EXPECTED: Record<Role, Record<Sensitivity, boolean>> = {
  'national-coordinator': { public: true, restricted: true, confidential: true },
  'ngo-admin': { public: true, restricted: true, confidential: false },
  'police-officer': { public: true, restricted: true, confidential: false },
  'local-government': { public: true, restricted: false, confidential: false },
  'regional-reviewer': { public: false, restricted: false, confidential: false },
};

describe('canReadConcern', () => {
  const cases = ROLES.flatMap((role) => SENSITIVITIES.map((sensitivity) => [role, sensitivity, EXPECTED[role][sensitivity]] as const));

  it.each(cases)('should let %s read a %s concern in scope: %s', (role, sensitivity, expected) => {
    expect(canReadConcern(actor(role), concern(sensitivity))).toBe(expected);
  });

  it.each(SENSITIVITIES)('should hide a %s concern from everyone outside the district (bar the coordinator)', (sensitivity) => {
    for (const role of ROLES.filter((r) => r !== 'national-coordinator')) {
      expect(canReadConcern(actor(role, ['khujand']), concern(sensitivity, [`u-${role}`]))).toBe(false);
    }
  });

  it('should let a named handler read a confidential concern, whatever their role', () => {
    expect(canReadConcern(actor('local-government', ['isfara'], 'handler-1'), concern('confidential', ['handler-1']))).toBe(true);
    expect(canReadConcern(actor('police-officer', ['isfara'], 'other'), concern('confidential', ['handler-1']))).toBe(false);
  });

  it('should never let a regional reviewer read a concern, even as a named handler', () => {
    expect(canReadConcern(actor('regional-reviewer', [], 'h'), concern('confidential', ['h']))).toBe(false);
  });
});

describe('canChangeSensitivity', () => {
  it('should always allow raising and allow lowering only to a handler', () => {
    const police = actor('police-officer', ['isfara'], 'p1');
    expect(canChangeSensitivity(police, concern('public'), 'confidential')).toBe(true);
    expect(canChangeSensitivity(police, concern('restricted'), 'public')).toBe(false);
    expect(canChangeSensitivity(police, concern('confidential', ['p1']), 'restricted')).toBe(true);
  });

  it('should let the national coordinator lower any concern, and nobody change one they cannot read', () => {
    expect(canChangeSensitivity(actor('national-coordinator', []), concern('confidential', ['someone']), 'public')).toBe(true);
    const police = actor('police-officer', ['isfara'], 'p2');
    // Not a handler: the confidential concern is unreadable, so not even raising-in-place is allowed.
    expect(canChangeSensitivity(police, concern('confidential', ['p1']), 'confidential')).toBe(false);
    expect(canChangeSensitivity(police, concern('confidential', ['p1']), 'public')).toBe(false);
    // Outside the district: nothing, in either direction.
    expect(canChangeSensitivity(actor('ngo-admin', ['khujand']), concern('public'), 'restricted')).toBe(false);
  });
});

describe('canManageHandlers', () => {
  it('should let confirmed handlers and the coordinator name handlers, never a reader or a provisional handler', () => {
    const police = actor('police-officer', ['isfara'], 'p1');
    expect(canManageHandlers(police, concern('restricted'))).toBe(false);
    expect(canManageHandlers(police, concern('confidential', ['p1']))).toBe(true);
    expect(canManageHandlers(actor('national-coordinator', []), concern('restricted'))).toBe(true);
    const provisional: ConcernAccessFacts = { ...concern('confidential', ['p1']), provisionalHandlerIds: ['p1'] };
    expect(canReadConcern(police, provisional)).toBe(true);
    expect(canManageHandlers(police, provisional)).toBe(false);
    expect(canChangeSensitivity(police, provisional, 'public')).toBe(false);
    expect(canChangeSensitivity(police, provisional, 'confidential')).toBe(true);
  });
});
