import { apiQueryKey } from './apiQueryKey';

describe('apiQueryKey', () => {
  it('should key a path by its segments under api, the query string last', () => {
    expect(apiQueryKey('meetings/7/concerns?range=[0,499]')).toEqual(['api', 'meetings', '7', 'concerns', 'range=[0,499]']);
  });

  it('should put every path below a prefix under the prefix key, so invalidating the prefix reaches them', () => {
    const prefix = apiQueryKey('notifications/inbox');
    expect(apiQueryKey('notifications/inbox/count').slice(0, prefix.length)).toEqual(prefix);
    expect(apiQueryKey('/report-exports?sort=x').slice(0, 2)).toEqual(apiQueryKey('report-exports'));
  });
});
