import { ProblemError } from '../problem/problem';
import type { FastifyReply } from 'fastify';
import { codeListPage, contentRange, listQueryFields, listResponse, parseListParams } from './list-params';

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

describe('listResponse', () => {
  const replyMock = () => {
    const header = jest.fn();
    return { reply: { header } as unknown as FastifyReply, header };
  };

  it('should fetch the asked page, set its Content-Range and return its items', async () => {
    const { reply, header } = replyMock();
    const fetchPage = jest.fn().mockResolvedValue({ items: ['a', 'b'], total: 12 });
    await expect(listResponse(reply, 'meetings', { range: '[10,11]', filter: '{"status":"held"}' }, fetchPage)).resolves.toEqual(['a', 'b']);
    expect(fetchPage).toHaveBeenCalledWith(expect.objectContaining({ offset: 10, limit: 2 }));
    expect(header).toHaveBeenCalledWith('Content-Range', 'meetings 10-11/12');
  });

  it('should start the range where the page says when it comes whole', async () => {
    const { reply, header } = replyMock();
    await listResponse(reply, 'regions', { range: '[25,49]' }, async () => ({ items: ['sughd'], total: 1, offset: 0 }));
    expect(header).toHaveBeenCalledWith('Content-Range', 'regions 0-0/1');
  });

  it('should refuse bad list parameters before fetching', async () => {
    const fetchPage = jest.fn();
    await expect(listResponse(replyMock().reply, 'meetings', { range: 'nope' }, fetchPage)).rejects.toBeInstanceOf(ProblemError);
    expect(fetchPage).not.toHaveBeenCalled();
  });
});

describe('listQueryFields', () => {
  it('should read a sort by id as the default order and spread the filter last', () => {
    expect(listQueryFields(parseListParams({ sort: '["id","ASC"]', range: '[0,9]', filter: '{"status":"held"}' }))).toEqual({
      offset: 0,
      limit: 10,
      sort: undefined,
      order: 'ASC',
      status: 'held',
    });
  });
});

describe('codeListPage', () => {
  const all = [{ code: 'isfara' }, { code: 'batken' }, { code: 'leilek' }];

  it('should keep the codes asked by id and pass on the rest of the filter', async () => {
    const fetchAll = jest.fn().mockResolvedValue({ items: all, total: 3 });
    await expect(codeListPage({ id: ['batken', 'leilek'], q: 'ba' }, fetchAll)).resolves.toEqual({ items: all.slice(1), total: 2, offset: 0 });
    expect(fetchAll).toHaveBeenCalledWith({ q: 'ba' });
  });

  it('should refuse ids that are not codes', async () => {
    await expect(codeListPage({ id: ['Not a code!'] }, jest.fn())).rejects.toBeInstanceOf(ProblemError);
  });
});
