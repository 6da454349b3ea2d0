/**
 * A crawler over every GET operation of the gateway's OpenAPI description, as several users. Nothing in here knows
 * a route: path parameters are filled from ids and codes collected from earlier responses (a breadth-first walk over
 * responses), required query parameters are learned from the 400 answers (`errors[]` names the field; enum options
 * and examples are quoted in the message), and list operations are paged lightly. A route added to the gateway is
 * crawled without editing this file or the spec.
 */

export interface CrawlResponse {
  user: string;
  /** `GET /meetings/{id}` as in the OpenAPI description. */
  operation: string;
  /** Path and query below the API base, e.g. `/meetings/…?range=[0,99]`. */
  url: string;
  status: number;
  headers: Headers;
  bytes: Buffer;
}

export interface CrawlOptions {
  /** Base URL of the API (`http://…/api/v1`); operation paths are appended to it. */
  baseUrl: string;
  users: readonly string[];
  token(user: string): Promise<string>;
  /** Values known before the walk, by pool key (`id:meetings`, `code:districts`, `field:quarter`): tried first. */
  seeds?: Record<string, readonly string[]>;
  /** Hard cap on HTTP requests. */
  maxRequests: number;
  /** Requests in flight at once (per user). */
  concurrency?: number;
  /** Most parameter combinations (and learned query variants) per user and operation. */
  perOperation?: number;
  /** Walk rounds (each round can use what the previous ones collected). */
  rounds?: number;
  /** Called for every response, in a deterministic order. */
  inspect(response: CrawlResponse): void;
}

export interface OperationStats {
  operation: string;
  /** Per user: requests, and how many answered each status. */
  users: Record<string, { requests: number; statuses: Record<string, number> }>;
  /** Path parameters that no collected value could fill (the operation was then not called). */
  unresolved: string[];
  /** Query variants learned from 400 answers. */
  learnedQueries: Record<string, string>[];
}

export interface CrawlResult {
  operations: OperationStats[];
  requests: number;
  capped: boolean;
  durationMs: number;
  /** What the walk collected, by pool key (first values only): where the path parameters came from. */
  pool: Record<string, string[]>;
}

interface Operation {
  key: string;
  path: string;
  params: string[];
  queryNames: string[];
  isList: boolean;
}

type Query = Record<string, string>;

const PAGE = 100;
const FIELD_VALUE = /^[\w.:@+-]{1,80}$/;

function plural(stem: string): string {
  if (/[^aeiou]y$/.test(stem)) return `${stem.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(stem)) return `${stem}es`;
  return `${stem}s`;
}

/** Literal segments right before the parameter at `index` (back to the previous parameter): the collection it names. */
function collectionBefore(path: string, param: string): string {
  const segments = path.split('/').filter(Boolean);
  const at = segments.indexOf(`{${param}}`);
  const literal: string[] = [];
  for (let i = at - 1; i >= 0 && !segments[i].startsWith('{'); i -= 1) literal.unshift(segments[i]);
  return literal.join('/');
}

/** What a GET of `path` returns items of: literal segments after the last parameter, or the collection of that parameter. */
function collectionOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const last = segments.length - 1;
  if (segments[last].startsWith('{')) return collectionBefore(path, segments[last].slice(1, -1));
  const literal: string[] = [];
  for (let i = last; i >= 0 && !segments[i].startsWith('{'); i -= 1) literal.unshift(segments[i]);
  return literal.join('/');
}

/** Pool keys a path parameter takes values from, most specific first. */
function poolKeysFor(path: string, param: string): string[] {
  const keys: string[] = [];
  const collection = collectionBefore(path, param);
  if (param === 'id') keys.push(`id:${collection}`);
  else if (param === 'code') keys.push(`code:${collection}`);
  else if (param.endsWith('Id')) keys.push(`id:${plural(param.slice(0, -2))}`);
  else if (param.endsWith('Code')) keys.push(`code:${plural(param.slice(0, -4))}`);
  keys.push(`field:${param}`);
  return keys;
}

/** Ordered sets of values by pool key: what the walk has collected. */
class Pool {
  private readonly values = new Map<string, string[]>();

  add(key: string, value: string): void {
    if (!FIELD_VALUE.test(value)) return;
    const list = this.values.get(key) ?? [];
    if (list.includes(value) || list.length >= 200) return;
    list.push(value);
    this.values.set(key, list);
  }

  get(key: string): readonly string[] {
    return this.values.get(key) ?? [];
  }

  keys(): string[] {
    return [...this.values.keys()];
  }

  /** Collects from a JSON body returned by a GET of `path`. */
  ingest(path: string, body: unknown): void {
    const collection = collectionOf(path);
    const items = Array.isArray(body) ? body : [body];
    for (const item of items) {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const record = item as Record<string, unknown>;
        if (typeof record.id === 'string') this.add(`id:${collection}`, record.id);
        if (typeof record.code === 'string') this.add(`code:${collection}`, record.code);
      }
    }
    this.walk(body, 0);
  }

  private walk(node: unknown, depth: number): void {
    if (depth > 8 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node.slice(0, 200)) this.walk(child, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const strings = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : [];
      for (const text of strings.slice(0, 50)) {
        if (key.endsWith('Id') && key.length > 2) this.add(`id:${plural(key.slice(0, -2))}`, text);
        if (key.endsWith('Ids') && key.length > 3) this.add(`id:${plural(key.slice(0, -3))}`, text);
        if (key.endsWith('Code') && key.length > 4) this.add(`code:${plural(key.slice(0, -4))}`, text);
        this.add(`field:${key}`, text);
      }
      if (typeof value === 'object') this.walk(value, depth + 1);
    }
  }
}

function operationsOf(document: { paths?: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    const get = methods.get;
    if (!get) continue;
    const parameters = get.parameters ?? [];
    const queryNames = parameters.filter((p) => p.in === 'query').map((p) => p.name);
    operations.push({
      key: `GET ${path}`,
      path,
      params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
      queryNames,
      isList: queryNames.includes('range'),
    });
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key));
}

function fieldErrors(bytes: Buffer): { field: string; message: string }[] {
  try {
    const body = JSON.parse(bytes.toString('utf8')) as { errors?: { field?: unknown; message?: unknown }[] };
    return (body.errors ?? []).filter((e) => typeof e.field === 'string').map((e) => ({ field: String(e.field), message: String(e.message ?? '') }));
  } catch {
    return [];
  }
}

const quoted = (message: string) => [...message.matchAll(/"([^"]{1,80})"/g)].map((match) => match[1]);
const queryString = (query: Query) =>
  Object.entries(query)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
const withQuery = (path: string, query: Query) => (Object.keys(query).length ? `${path}?${queryString(query)}` : path);

/** Walks every GET operation of `/openapi.json` as every user; see the file comment. */
export async function crawlOpenApi(options: CrawlOptions): Promise<CrawlResult> {
  const started = Date.now();
  const concurrency = options.concurrency ?? 4;
  const perOperation = options.perOperation ?? 4;
  const pool = new Pool();
  const seeds = new Pool();
  for (const [key, values] of Object.entries(options.seeds ?? {})) for (const value of values) seeds.add(key, value);
  const documentResponse = await fetch(`${options.baseUrl}/openapi.json`);
  if (documentResponse.status !== 200) throw new Error(`GET /openapi.json answered ${documentResponse.status}`);
  const operations = operationsOf((await documentResponse.json()) as never);
  const stats = new Map<string, OperationStats>(operations.map((op) => [op.key, { operation: op.key, users: {}, unresolved: [], learnedQueries: [] }]));
  const learned = new Map<string, Promise<Query[]>>();
  const goodValues = new Map<string, string[]>();
  const done = new Map<string, Set<string>>(options.users.map((user) => [user, new Set<string>()]));
  let requests = 0;
  let capped = false;

  const call = async (user: string, op: Operation, url: string): Promise<CrawlResponse | null> => {
    if (requests >= options.maxRequests) {
      capped = true;
      return null;
    }
    requests += 1;
    done.get(user)?.add(url);
    const response = await fetch(`${options.baseUrl}${url}`, {
      headers: { Authorization: `Bearer ${await options.token(user)}` },
      signal: AbortSignal.timeout(20_000),
    });
    const result: CrawlResponse = { user, operation: op.key, url, status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
    const entry = (stats.get(op.key)!.users[user] ??= { requests: 0, statuses: {} });
    entry.requests += 1;
    entry.statuses[response.status] = (entry.statuses[response.status] ?? 0) + 1;
    return result;
  };

  /** Candidate values of a query field, from the 400 message, what passed before, and the pools; a placeholder last. */
  const queryCandidates = (field: string, message: string): string[] => {
    const fromPools = pool.keys().filter((key) => key === `field:${field}` || (field === 'code' && key.startsWith('code:')) || (field === 'id' && key.startsWith('id:')));
    const fromSeeds = seeds.keys().filter((key) => key === `field:${field}` || (field === 'code' && key.startsWith('code:')));
    const values = [...(goodValues.get(field) ?? []), ...quoted(message), ...fromSeeds.flatMap((key) => seeds.get(key)), ...fromPools.flatMap((key) => pool.get(key))];
    return [...new Set([...values, 'x'])];
  };

  /**
   * Learns valid query strings of an operation from its 400 answers: one variant per option of the first enum-like
   * field (its options are quoted in the message), each completed field by field until the answer is not a 400.
   */
  const learn = async (user: string, op: Operation, path: string, errors: { field: string; message: string }[], collected: CrawlResponse[]): Promise<Query[]> => {
    const queryErrors = (list: { field: string; message: string }[]) => list.filter((e) => !op.params.includes(e.field) && e.field !== '(body)');
    const first = queryErrors(errors);
    if (!first.length) return [];
    const enumField = first.find((e) => quoted(e.message).length >= 2);
    const options = enumField ? quoted(enumField.message).slice(0, perOperation) : [undefined];
    const variants: Query[] = [];
    for (const option of options) {
      const query: Query = enumField && option !== undefined ? { [enumField.field]: option } : {};
      const tried = new Map<string, Set<string>>();
      let pending = first.filter((e) => e.field !== enumField?.field);
      for (let attempt = 0; attempt < 6 && pending.length; attempt += 1) {
        for (const error of pending) {
          const seen = tried.get(error.field) ?? new Set<string>();
          tried.set(error.field, seen);
          if (query[error.field] !== undefined) seen.add(query[error.field]);
          const next = queryCandidates(error.field, error.message).find((value) => !seen.has(value));
          if (next === undefined) delete query[error.field];
          else query[error.field] = next;
        }
        const response = await call(user, op, withQuery(path, query));
        if (!response) return variants;
        collected.push(response);
        if (response.status !== 400) {
          for (const [name, value] of Object.entries(query)) goodValues.set(name, [...new Set([value, ...(goodValues.get(name) ?? [])])]);
          variants.push({ ...query });
          break;
        }
        pending = queryErrors(fieldErrors(response.bytes));
      }
    }
    return variants;
  };

  /** The requests one user makes for one operation this round (those not made before). */
  const visit = async (user: string, op: Operation, collected: CrawlResponse[]): Promise<void> => {
    const candidates = op.params.map((param) => {
      const keys = poolKeysFor(op.path, param);
      return [...new Set([...keys.flatMap((key) => seeds.get(key)), ...keys.flatMap((key) => pool.get(key))])].slice(0, perOperation);
    });
    const missing = op.params.filter((_, i) => candidates[i].length === 0);
    const entry = stats.get(op.key)!;
    entry.unresolved = missing;
    if (missing.length) return;
    // Combinations in order, the i-th value of each parameter together first, so every value is used early.
    const combos: string[][] = [];
    const longest = Math.max(1, ...candidates.map((c) => c.length));
    for (let i = 0; i < longest && combos.length < perOperation; i += 1) combos.push(candidates.map((c) => c[i % c.length]));
    for (const combo of combos) {
      const path = op.params.reduce((acc, param, i) => acc.replace(`{${param}}`, encodeURIComponent(combo[i])), op.path);
      const base: Query = op.isList ? { range: `[0,${PAGE - 1}]` } : {};
      const queries = learned.has(op.key) ? await learned.get(op.key)! : [base];
      for (const query of queries.length ? queries : [base]) {
        const url = withQuery(path, { ...base, ...query });
        if (done.get(user)?.has(url)) continue;
        const response = await call(user, op, url);
        if (!response) return;
        collected.push(response);
        if (response.status === 400 && !learned.has(op.key)) {
          const errors = fieldErrors(response.bytes);
          const learning = learn(user, op, path, errors, collected);
          learned.set(op.key, learning);
          const variants = await learning;
          entry.learnedQueries = variants;
          continue;
        }
        // Light pagination: one more page when the Content-Range says there is more.
        const range = /(\d+)-(\d+)\/(\d+)/.exec(response.headers.get('content-range') ?? '');
        if (op.isList && response.status === 200 && range && Number(range[3]) > Number(range[2]) + 1) {
          const nextUrl = withQuery(path, { ...query, range: `[${PAGE},${2 * PAGE - 1}]` });
          if (!done.get(user)?.has(nextUrl)) {
            const next = await call(user, op, nextUrl);
            if (next) collected.push(next);
          }
        }
      }
    }
  };

  const rounds = options.rounds ?? 4;
  for (let round = 0; round < rounds && !capped; round += 1) {
    const before = requests;
    for (const user of options.users) {
      const perOp: CrawlResponse[][] = operations.map(() => []);
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < operations.length) {
            const index = next;
            next += 1;
            await visit(user, operations[index], perOp[index]);
          }
        }),
      );
      // In operation order, whatever order the answers came in: the walk stays deterministic.
      for (const responses of perOp) {
        for (const response of responses) {
          options.inspect(response);
          if (response.status >= 200 && response.status < 300 && (response.headers.get('content-type') ?? '').includes('json')) {
            try {
              pool.ingest(operations.find((op) => op.key === response.operation)!.path, JSON.parse(response.bytes.toString('utf8')));
            } catch {
              // not JSON after all
            }
          }
        }
      }
    }
    if (requests === before) break;
  }
  const collected = Object.fromEntries(pool.keys().filter((key) => !key.startsWith('field:')).map((key) => [key, pool.get(key).slice(0, 8)]));
  return { operations: [...stats.values()], requests, capped, durationMs: Date.now() - started, pool: collected };
}
