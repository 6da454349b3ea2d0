import { scopeFromGroups } from './scope';

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
