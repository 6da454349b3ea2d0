import type { DataProvider, GetListParams, Identifier, RaRecord } from 'react-admin';
import type { HttpClient } from './httpClient';

// Path of each resource under the gateway's /api/v1. Reports are read one district at a time; audit is list-only.
const PATHS: Readonly<Record<string, string>> = {
  communities: 'communities',
  districts: 'districts',
  regions: 'regions',
  organisations: 'organisations',
  contacts: 'contacts',
  'officer-assignments': 'officer-assignments',
  reports: 'reports/districts',
  me: 'me',
  audit: 'audit',
  meetings: 'meetings',
  // The concerns register: the concerns one may read across meetings (the rest counted in X-Hidden-Concerns).
  concerns: 'concerns',
  // Follow-up actions of the concerns one may read, across meetings ("my actions", ADR 34).
  actions: 'actions',
  // Notifications and report exports: the resource name is the path.
  'notifications/inbox': 'notifications/inbox',
  'notifications/deliveries': 'notifications/deliveries',
  'notifications/templates': 'notifications/templates',
  'notifications/settings': 'notifications/settings',
  'report-exports': 'report-exports',
  // The legal briefing library: one row per version.
  briefings: 'briefings',
  // Handbook templates: one row per version (GET /templates lists them all).
  templates: 'templates',
  // Accounts of the realm (user administration) and the directory of people in scope that names them.
  users: 'users',
  directory: 'directory',
};

type Row = Record<string, unknown>;

// Lists that take `filter: { id: [...] }` (simple-rest), so getMany is one request instead of one per id. The
// directory is how user ids become names: every name on a screen is one request (useGetManyAggregate).
const FILTERS_BY_IDS = new Set(['organisations', 'contacts', 'users', 'directory']);

/** Regions, districts and reports are keyed by code; react-admin needs an `id`. */
function withId(resource: string, row: Row, id?: Identifier): RaRecord {
  const byCode = resource === 'districts' || resource === 'regions';
  const fallback = byCode ? row.code : resource === 'reports' ? row.districtCode : id;
  return { ...row, id: (row.id ?? fallback) as Identifier };
}

/** Total from `Content-Range: communities 0-24/42`. */
export function totalFromContentRange(header: string | null, resource: string): number {
  const total = header?.match(/\/(\d+)\s*$/)?.[1];
  if (total === undefined) {
    throw new Error(`The gateway sent no Content-Range for ${resource}; is it exposed in CORS?`);
  }
  return Number(total);
}

/** The gateway's actions beyond CRUD, called through useDataProvider(). */
export interface ConsoleDataProvider extends DataProvider {
  /** POST /communities/:id/transitions; answers the community in its new status. */
  transitionCommunity(id: Identifier, body: { to: string; reason?: string }): Promise<{ data: RaRecord }>;
  /** POST /contacts/:id/erase; answers the contact with its personal data blanked. */
  eraseContact(id: Identifier): Promise<{ data: RaRecord }>;
  /** A meeting sub-resource or action, e.g. ('PUT', id, 'attendance', counts) → its JSON answer. */
  meetingCall<T = Row>(method: string, id: Identifier, path: string, body?: unknown): Promise<T>;
  /** Any gateway path under /api/v1 (e.g. 'meetings/:id/concerns'), with the response headers. */
  apiCall<T = Row>(method: string, path: string, body?: unknown): Promise<{ json: T; headers: Headers }>;
  /**
   * The full URL of a gateway path, for an address handed to another app (a calendar feed). A promise, as every method
   * must be: react-admin's useDataProvider proxy calls `.then` on whatever a method returns.
   */
  absoluteUrl(path: string): Promise<string>;
  /** PUT of a file's raw bytes under /api/v1 (e.g. a sign-in sheet scan) as `contentType` → its JSON answer. */
  putFile<T = Row>(path: string, file: Blob, contentType: string): Promise<T>;
}

/** react-admin simple-rest conventions (sort, range, filter as JSON in the query string) against the gateway. */
export function createDataProvider(apiUrl: string, http: HttpClient): ConsoleDataProvider {
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
    // A list of concerns says how many it withholds per sensitivity (counts only); the list reads it from `meta`.
    const hiddenConcerns = headers.get('X-Hidden-Concerns');
    return {
      data: json.map((row) => withId(resource, row)),
      total: totalFromContentRange(headers.get('Content-Range'), resource),
      ...(hiddenConcerns ? { meta: { hiddenConcerns } } : {}),
    };
  };

  // The gateway lists districts all at once (in scope, unpaged): getMany picks from that one list.
  const allDistricts = async () =>
    (await getList('districts', { pagination: { page: 1, perPage: 500 }, sort: { field: 'code', order: 'ASC' } })).data;

  const getOne = async (resource: string, id: Identifier) => {
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
      if (FILTERS_BY_IDS.has(resource)) {
        const page = { page: 1, perPage: Math.max(ids.length, 1) };
        return { data: (await getList(resource, { pagination: page, filter: { id: ids } })).data as never[] };
      }
      return { data: (await Promise.all(ids.map((id) => getOne(resource, id)))) as never[] };
    },
    getManyReference: async (resource, { target, id, filter, ...rest }) =>
      (await getList(resource, { ...rest, filter: { ...filter, [target]: id } })) as never,
    create: async (resource, { data }) => {
      const { json } = await http<Row>(url(resource), { method: 'POST', body: JSON.stringify(data) });
      return { data: withId(resource, json) as never };
    },
    // The edit pages' transforms send exactly the contract's patch (absent = unchanged, null = cleared).
    update: async (resource, { id, data }) => {
      const { json } = await http<Row>(url(resource, id), { method: 'PATCH', body: JSON.stringify(data) });
      return { data: withId(resource, json, id) as never };
    },
    updateMany: unsupported,
    delete: unsupported,
    deleteMany: unsupported,
    transitionCommunity: async (id, body) => {
      const target = `${url('communities', id)}/transitions`;
      const { json } = await http<Row>(target, { method: 'POST', body: JSON.stringify(body) });
      return { data: withId('communities', json, id) };
    },
    eraseContact: async (id) => {
      // The gateway takes an empty JSON object: nothing to choose, erasure is all or nothing.
      const { json } = await http<Row>(`${url('contacts', id)}/erase`, { method: 'POST', body: '{}' });
      return { data: withId('contacts', json, id) };
    },
    meetingCall: async <T,>(method: string, id: Identifier, path: string, body?: unknown) => {
      const init: RequestInit = { method };
      if (body !== undefined) init.body = JSON.stringify(body);
      const { json } = await http<T>(`${url('meetings', id)}/${path}`, init);
      return json;
    },
    apiCall: async <T,>(method: string, path: string, body?: unknown) => {
      const init: RequestInit = { method };
      if (body !== undefined) init.body = JSON.stringify(body);
      const { json, headers } = await http<T>(`${apiUrl}/${path.replace(/^\/+/, '')}`, init);
      return { json, headers };
    },
    absoluteUrl: async (path: string) => `${apiUrl}/${path.replace(/^\/+/, '')}`,
    putFile: async <T,>(path: string, file: Blob, contentType: string) => {
      const init: RequestInit = { method: 'PUT', body: file, headers: { 'Content-Type': contentType } };
      const { json } = await http<T>(`${apiUrl}/${path.replace(/^\/+/, '')}`, init);
      return json;
    },
  };
}
