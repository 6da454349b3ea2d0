import type { Actor } from '@rd/contracts';
import { intersectScopes, narrowActor, scopeFromGroups } from './scope';

describe('scopeFromGroups', () => {
  it('should grant one district for /region/district', () => {
    expect(scopeFromGroups(['/sughd/isfara'], ['ngo-admin'])).toEqual({
      national: false,
      regions: [],
      districts: ['isfara'],
    });
  });

  it('should grant a whole region for /region', () => {
    expect(scopeFromGroups(['/sughd'], ['regional-reviewer']).regions).toEqual(['sughd']);
  });

  it('should make the national coordinator national without groups', () => {
    expect(scopeFromGroups([], ['national-coordinator']).national).toBe(true);
  });

  it('should ignore malformed or deeper group paths', () => {
    expect(scopeFromGroups(['/Sughd/ISFARA', '/a/b/c', '', '/../x', '/sughd/isfara;drop'], ['ngo-admin'])).toEqual({
      national: false,
      regions: [],
      districts: [],
    });
  });
});

describe('intersectScopes', () => {
  const none = { national: false, regions: [], districts: [] };
  it('should keep what both hold, and the other side when one is national', () => {
    expect(intersectScopes({ national: false, regions: ['sughd'], districts: ['isfara', 'batken'] }, { national: false, regions: ['sughd', 'batken'], districts: ['isfara'] })).toEqual({
      national: false,
      regions: ['sughd'],
      districts: ['isfara'],
    });
    expect(intersectScopes({ national: true, regions: [], districts: [] }, { national: false, regions: [], districts: ['isfara'] })).toEqual({ ...none, districts: ['isfara'] });
    expect(intersectScopes({ ...none, districts: ['isfara'] }, { national: true, regions: [], districts: [] })).toEqual({ ...none, districts: ['isfara'] });
  });

  it('should drop a district held singly on one side and through its region on the other (never wider)', () => {
    expect(intersectScopes({ ...none, regions: ['sughd'] }, { ...none, districts: ['isfara'] })).toEqual(none);
  });
});

describe('narrowActor', () => {
  const actor = (over: Partial<Actor>): Actor => ({ userId: 'u1', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] }, ...over });

  it('should hold no more than the ceiling when the user gained roles or districts since', () => {
    const current = actor({ roles: ['ngo-admin', 'national-coordinator'], scope: { national: true, regions: [], districts: [] } });
    expect(narrowActor(current, actor({}))).toEqual(actor({}));
  });

  it('should hold no more than the user has now when roles or districts shrank', () => {
    const ceiling = actor({ roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } });
    expect(narrowActor(actor({}), ceiling)).toEqual({ ...actor({}), roles: [], scope: { national: false, regions: [], districts: [] } });
    const moved = narrowActor(actor({ scope: { national: false, regions: [], districts: ['batken'] } }), actor({}));
    expect(moved.scope).toEqual({ national: false, regions: [], districts: [] });
  });

  it('should keep the organisation only when it has not changed', () => {
    const org = '0b2a1f2f-1c11-4f59-9f55-7f1c0a4e6a55';
    expect(narrowActor(actor({ organisationId: org }), actor({ organisationId: org })).organisationId).toBe(org);
    expect(narrowActor(actor({ organisationId: org }), actor({})).organisationId).toBeUndefined();
  });
});
