import { GeoCodeSchema } from '@rd/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ProblemError } from '../problem/problem';
import { parseInput } from './parse-body';

export interface RawListQuery {
  sort?: string;
  range?: string;
  filter?: string;
}

export interface ListParams {
  offset: number;
  limit: number;
  sort?: string;
  order?: 'ASC' | 'DESC';
  filter: Record<string, unknown>;
}

function parseJson(name: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new ProblemError('request.invalid', 'The request is invalid', [{ field: name, message: 'must be JSON' }]);
  }
}

/**
 * Reads react-admin simple-rest list parameters: sort=["name","ASC"], range=[0,24], filter={...}.
 * Values are checked again by the contract schema the result is fed into.
 */
export function parseListParams(query: RawListQuery): ListParams {
  const params: ListParams = { offset: 0, limit: 25, filter: {} };
  if (query.range !== undefined) {
    const range = parseJson('range', query.range);
    if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isInteger(n) && n >= 0) || range[1] < range[0]) {
      throw new ProblemError('request.invalid', 'The request is invalid', [{ field: 'range', message: 'must be [first, last] with 0 <= first <= last' }]);
    }
    params.offset = range[0];
    params.limit = range[1] - range[0] + 1;
  }
  if (query.sort !== undefined) {
    const sort = parseJson('sort', query.sort);
    if (!Array.isArray(sort) || sort.length !== 2 || typeof sort[0] !== 'string' || !['ASC', 'DESC'].includes(sort[1])) {
      throw new ProblemError('request.invalid', 'The request is invalid', [{ field: 'sort', message: 'must be [field, "ASC" | "DESC"]' }]);
    }
    params.sort = sort[0];
    params.order = sort[1];
  }
  if (query.filter !== undefined) {
    const filter = parseJson('filter', query.filter);
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
      throw new ProblemError('request.invalid', 'The request is invalid', [{ field: 'filter', message: 'must be a JSON object' }]);
    }
    // A null-prototype copy keeps `__proto__` keys inert.
    params.filter = Object.assign(Object.create(null), filter) as Record<string, unknown>;
  }
  return params;
}

/** `Content-Range: <resource> <first>-<last>/<total>` as react-admin's simple-rest provider reads it. */
export function contentRange(resource: string, offset: number, count: number, total: number): string {
  return count === 0 ? `${resource} */${total}` : `${resource} ${offset}-${offset + count - 1}/${total}`;
}

/** One page of a list query's answer; `offset` only when it is not the one asked for (a reference list comes whole). */
export interface ListPage<T> {
  items: T[];
  total: number;
  offset?: number;
}

/**
 * The one way a gateway list route answers: reads the react-admin list parameters, fetches the page and sets
 * `Content-Range` for it. Returns the page's items.
 */
export async function listResponse<T>(
  reply: FastifyReply,
  resource: string,
  query: RawListQuery,
  fetchPage: (params: ListParams) => Promise<ListPage<T>>,
): Promise<T[]> {
  const params = parseListParams(query);
  const page = await fetchPage(params);
  void reply.header('Content-Range', contentRange(resource, page.offset ?? params.offset, page.items.length, page.total));
  return page.items;
}

/** The paging, sorting and filter fields of a list query; react-admin sorts by `id` unless told otherwise, which means the default order. */
export function listQueryFields({ offset, limit, sort, order, filter }: ListParams): Record<string, unknown> {
  return { offset, limit, sort: sort === 'id' ? undefined : sort, order, ...filter };
}

const CodesFilter = z.object({ ids: z.array(GeoCodeSchema).max(500).optional() });

/**
 * A page of reference data keyed by code (regions, districts): it comes whole, whatever range was asked, and
 * react-admin's getMany sends filter `{ id: [...] }`, the codes to keep. `fetchAll` gets the rest of the filter.
 */
export async function codeListPage<T extends { code: string }>(
  filter: Record<string, unknown>,
  fetchAll: (rest: Record<string, unknown>) => Promise<{ items: T[] }>,
): Promise<ListPage<T>> {
  const { id, ...rest } = filter as { id?: unknown };
  const { ids } = parseInput(CodesFilter, { ids: id });
  const { items } = await fetchAll(rest);
  const kept = ids ? items.filter((item) => ids.includes(item.code)) : items;
  return { items: kept, total: kept.length, offset: 0 };
}
