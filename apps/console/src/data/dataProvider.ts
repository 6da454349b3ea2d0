import type { DataProvider, GetListParams, Identifier, RaRecord } from 'react-admin';
import type { HttpClient } from './httpClient';

// Path of each resource under the gateway's /api/v1. Reports are read one district at a time.
const PATHS: Readonly<Record<string, string>> = {
  communities: 'communities',
  districts: 'districts',
  reports: 'reports/districts',
  me: 'me',
};

type Row = Record<string, unknown>;

/** Districts and reports are keyed by code; react-admin needs an `id`. */
function withId(resource: string, row: Row, id?: Identifier): RaRecord {
  const fallback = resource === 'districts' ? row.code : resource === 'reports' ? row.districtCode : id;
  return { ...row, id: (row.id ?? fallback) as Identifier };
}

/** What react-admin reads from an HttpError (message, status); built by hand so unit tests need no react-admin. */
function notFound(): Error & { status: number } {
  return Object.assign(new Error('ra.notification.item_doesnt_exist'), { status: 404 });
}

/** Total from `Content-Range: communities 0-24/42`. */
export function totalFromContentRange(header: string | null, resource: string): number {
  const total = header?.match(/\/(\d+)\s*$/)?.[1];
  if (total === undefined) {
    throw new Error(`The gateway sent no Content-Range for ${resource}; is it exposed in CORS?`);
  }
  return Number(total);
}

/** react-admin simple-rest conventions (sort, range, filter as JSON in the query string) against the gateway. */
export function createDataProvider(apiUrl: string, http: HttpClient): DataProvider {
  const url = (resource: string, id?: Identifier): string => {
    const path = PATHS[resource];
    if (!path) throw new Error(`Unknown resource ${resource}`);
    return id === undefined ? `${apiUrl}/${path}` : `${apiUrl}/${path}/${encodeURIComponent(String(id))}`;
  };

  const getList = async (resource: string, params: Partial<GetListParams>) => {
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    const { field, order } = params.sort ?? { field: 'id', order: 'ASC' };
    const query = new URLSearchParams({
      sort: JSON.stringify([field, order]),
      range: JSON.stringify([(page - 1) * perPage, page * perPage - 1]),
      filter: JSON.stringify(params.filter ?? {}),
    });
    const { headers, json } = await http<Row[]>(`${url(resource)}?${query}`);
    return {
      data: json.map((row) => withId(resource, row)),
      total: totalFromContentRange(headers.get('Content-Range'), resource),
    };
  };

  // The gateway lists districts (all in scope, unpaged) but has no per-district route: read them from the list.
  const allDistricts = async () =>
    (await getList('districts', { pagination: { page: 1, perPage: 500 }, sort: { field: 'code', order: 'ASC' } })).data;

  const getOne = async (resource: string, id: Identifier) => {
    if (resource === 'districts') {
      const district = (await allDistricts()).find((row) => row.id === id);
      if (!district) throw notFound();
      return district;
    }
    const target = resource === 'me' ? url(resource) : url(resource, id);
    const { json } = await http<Row>(target);
    return withId(resource, json, id);
  };

  const unsupported = async (): Promise<never> => {
    throw new Error('app.errors.unsupported');
  };

  return {
    getList: async (resource, params) => (await getList(resource, params)) as never,
    getOne: async (resource, { id }) => ({ data: (await getOne(resource, id)) as never }),
    getMany: async (resource, { ids }) => {
      if (resource === 'districts') {
        return { data: (await allDistricts()).filter((row) => ids.includes(row.id)) as never[] };
      }
      return { data: (await Promise.all(ids.map((id) => getOne(resource, id)))) as never[] };
    },
    getManyReference: async (resource, { target, id, filter, ...rest }) =>
      (await getList(resource, { ...rest, filter: { ...filter, [target]: id } })) as never,
    create: async (resource, { data }) => {
      const { json } = await http<Row>(url(resource), { method: 'POST', body: JSON.stringify(data) });
      return { data: withId(resource, json) as never };
    },
    update: unsupported,
    updateMany: unsupported,
    delete: unsupported,
    deleteMany: unsupported,
  };
}
