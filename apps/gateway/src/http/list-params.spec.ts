import { ProblemError } from '../problem/problem';
import { contentRange, parseListParams } from './list-params';

describe('parseListParams', () => {
  it('should read react-admin sort, range and filter', () => {
    expect(parseListParams({ sort: '["name","DESC"]', range: '[10,19]', filter: '{"districtCode":"isfara"}' })).toEqual({
      offset: 10,
      limit: 10,
      sort: 'name',
      order: 'DESC',
      filter: expect.objectContaining({ districtCode: 'isfara' }),
    });
  });

  it.each([
    ['range', { range: '[5,1]' }],
    ['range', { range: '[-1,3]' }],
    ['range', { range: 'nope' }],
    ['sort', { sort: '["name","SIDEWAYS"]' }],
    ['filter', { filter: '[1,2]' }],
  ])('should refuse a bad %s with a 400 naming it', (field, query) => {
    try {
      parseListParams(query);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).errors?.[0].field).toBe(field);
    }
  });

  it('should keep __proto__ keys in a filter inert', () => {
    const { filter } = parseListParams({ filter: '{"__proto__":{"polluted":true}}' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(filter)).toBeNull();
  });
});

describe('contentRange', () => {
  it('should format a page and an empty page', () => {
    expect(contentRange('communities', 0, 25, 42)).toBe('communities 0-24/42');
    expect(contentRange('communities', 50, 0, 42)).toBe('communities */42');
  });
});
