/**
 * docker-compose.yml and the Dockerfiles, checked without Docker (none runs on the dev machines): the file is
 * parsed and held against the repository — projects, each deployable's config.ts, the files it mounts and copies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const exists = (path: string): boolean => existsSync(join(ROOT, path));

/**
 * Variables compose sets that a config.ts does not read yet, because the change belongs in that project.
 * Each entry must go once the config reads it (a test below fails then, as a reminder).
 */
const PENDING_CONFIG_VARS: Readonly<Record<string, readonly string[]>> = {
};

/** Where a deployable reads its environment; the console's config.ts reads /config.json, its server the env. */
const ENV_READER: Readonly<Record<string, string>> = { 'apps/console': 'infra/docker/console-server.ts' };
const envReaderOf = (dir: string): string => ENV_READER[dir] ?? `${dir}/src/config.ts`;

// mailpit: the mail catcher notifications sends to in compose (docs/adr/0015-notifications.md).
const INFRA = ['postgres', 'nats', 'keycloak', 'mailpit'] as const;

// ---------------------------------------------------------------------------------------------------------
// docker-compose.yml

type EnvValue = string | number | boolean | null;
interface LongPort {
  published?: string | number;
  target: number;
  host_ip?: string;
}
interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, EnvValue> | string[];
  ports?: (string | number | LongPort)[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  volumes?: (string | { type?: string; source?: string; target: string })[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

function loadCompose(): ComposeFile {
  // Compose understands YAML merge keys (`<<: *anchor`); the yaml package needs to be told.
  return parse(read('docker-compose.yml'), { merge: true }) as ComposeFile;
}

/** Compose's interpolation, with variables unset: `${X:-d}`/`${X-d}` give d, `$$` is `$`, `${X}` is an error. */
function interpolate(value: string): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, name, fallback) => {
    if (match === '$$') return '$';
    if (fallback !== undefined) return fallback;
    throw new Error(`${match} has no default: the stack would depend on the caller's shell`);
  });
}

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((item) => {
        const at = item.indexOf('=');
        return at < 0 ? [item, ''] : [item.slice(0, at), item.slice(at + 1)];
      })
    : Object.entries(env).map(([key, value]) => [key, value === null ? '' : String(value)]);
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(value)]));
}

function buildOf(service: ComposeService): { context: string; dockerfile: string } | undefined {
  if (service.build === undefined) return undefined;
  if (typeof service.build === 'string') return { context: service.build, dockerfile: 'Dockerfile' };
  return { context: service.build.context ?? '.', dockerfile: service.build.dockerfile ?? 'Dockerfile' };
}

/** The Dockerfile's path from the repository root. */
function dockerfileOf(service: ComposeService): string | undefined {
  const build = buildOf(service);
  return build && posix.normalize(posix.join(build.context, build.dockerfile));
}

function dependsOn(service: ComposeService): { target: string; condition: string }[] {
  const deps = service.depends_on ?? [];
  return Array.isArray(deps)
    ? deps.map((target) => ({ target, condition: 'service_started' }))
    : Object.entries(deps).map(([target, options]) => ({ target, condition: options?.condition ?? 'service_started' }));
}

interface PublishedPort {
  hostIp: string | undefined;
  published: number;
  target: number;
}

function portsOf(service: ComposeService): PublishedPort[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'object') return { hostIp: port.host_ip, published: Number(port.published ?? port.target), target: port.target };
    const parts = String(port).replace(/\/(tcp|udp)$/, '').split(':');
    const target = Number(parts.pop());
    const published = parts.length ? Number(parts.pop()) : target;
    return { hostIp: parts.pop(), published, target };
  });
}

function mountsOf(service: ComposeService): { source: string; target: string }[] {
  return (service.volumes ?? []).map((volume) => {
    if (typeof volume === 'object') return { source: volume.source ?? '', target: volume.target };
    const [source, target] = volume.split(':');
    return target === undefined ? { source: '', target: source } : { source, target };
  });
}

const isBindMount = (source: string): boolean => source.startsWith('.') || source.startsWith('/');

function commandOf(service: ComposeService): string[] {
  const command = service.command ?? [];
  return Array.isArray(command) ? command.map(String) : command.split(/\s+/).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------------------
// config.ts: which variables a deployable reads

interface EnvSchema {
  /** Every variable the file reads. */
  keys: Set<string>;
  /** Variables without a default: the deployable fails to start without them. */
  required: Set<string>;
  /** The default's source text, e.g. `'127.0.0.1'` or `3000`. */
  defaults: Map<string, string>;
}

/** The text of the object literal opened by `opener` (default the `z.object({ ... })`), found by matching braces. */
function zodObjectBody(text: string, opener = 'z.object({'): string {
  const start = text.indexOf(opener);
  if (start < 0) return '';
  let depth = 0;
  for (let i = start + opener.length - 1; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    if (text[i] === '}') depth -= 1;
    if (depth === 0) return text.slice(start + opener.length, i);
  }
  throw new Error(`unbalanced ${opener}`);
}

/** Shapes of variables shared by every deployable and spread into its `z.object({ ...shape })`. */
const SHARED_ENV_SHAPES: Record<string, string> = { natsEnvShape: 'libs/messaging/src/nats-endpoint.ts' };

/** The body of the schema with each `...sharedShape` replaced by that shape's entries. */
function expandedBody(text: string): string {
  return zodObjectBody(text).replace(/\.\.\.(\w+)\s*,?/g, (spread, name: string) => {
    const file = SHARED_ENV_SHAPES[name];
    if (!file) throw new Error(`config spreads ${name}: add it to SHARED_ENV_SHAPES`);
    return `\n${zodObjectBody(read(file), `export const ${name} = {`)}\n`;
  });
}

/** Reads both styles used here: `z.object({ NAME: z....default(x) })` and `env.NAME ?? x`. */
function parseEnvSchema(text: string): EnvSchema {
  const schema: EnvSchema = { keys: new Set(), required: new Set(), defaults: new Map() };
  const body = expandedBody(text);
  const keyPattern = /^\s*([A-Z][A-Z0-9_]*)\s*:/gm;
  const starts = [...body.matchAll(keyPattern)];
  starts.forEach((match, index) => {
    const name = match[1];
    const entry = body.slice(match.index, starts[index + 1]?.index ?? body.length);
    schema.keys.add(name);
    const fallback = /\.default\(\s*([^()]*?|\[[^\]]*\])\s*\)/.exec(entry);
    if (fallback) schema.defaults.set(name, fallback[1]);
    else if (!/\.optional\(\)|\.catch\(/.test(entry)) schema.required.add(name);
  });
  for (const match of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])(\s*(?:\?\?|\|\|)\s*('[^']*'|"[^"]*"|[\w.]+))?/g)) {
    const name = match[1] ?? match[2];
    schema.keys.add(name);
    if (match[4] !== undefined) schema.defaults.set(name, match[4]);
    else schema.required.add(name);
  }
  return schema;
}

const readEnvSchema = (file: string): EnvSchema => parseEnvSchema(read(file));

const unquote = (literal: string): string => literal.replace(/^['"`]|['"`]$/g, '');

// ---------------------------------------------------------------------------------------------------------
// Dockerfiles and .dockerignore

interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}

function parseDockerfile(path: string): Instruction[] {
  const logical = read(path)
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  let stage = -1;
  return logical
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      if (keyword.toUpperCase() === 'FROM') stage += 1;
      return { keyword: keyword.toUpperCase(), args: rest.join(' '), stage };
    });
}

/** COPY/ADD sources from the build context (not `--from=` another stage). */
function copySources(instructions: Instruction[]): string[] {
  return instructions
    .filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
    .flatMap((i) => {
      const words = i.args.trim().startsWith('[') ? (JSON.parse(i.args) as string[]) : i.args.split(/\s+/);
      const flags = words.filter((word) => word.startsWith('--'));
      if (flags.some((flag) => flag.startsWith('--from='))) return [];
      const paths = words.filter((word) => !word.startsWith('--'));
      return paths.slice(0, -1).map((source) => posix.normalize(source).replace(/\/$/, ''));
    });
}

function dockerignoreMatchers(): RegExp[] {
  if (!exists('.dockerignore')) return [];
  return read('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'))
    .map((pattern) => {
      const source = pattern
        .replace(/^\/+|\/+$/g, '')
        .split(/(\*\*\/|\*\*|\*|\?)/)
        .map((part) =>
          part === '**/' ? '(?:.*/)?' : part === '**' ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
        )
        .join('');
      return new RegExp(`^${source}$`);
    });
}

/** True when .dockerignore keeps the path (or a folder above it) out of the build context. */
function ignoredByDocker(path: string, matchers: RegExp[]): boolean {
  const parts = path.split('/');
  return parts.some((_, index) => {
    const prefix = parts.slice(0, index + 1).join('/');
    return matchers.some((matcher) => matcher.test(prefix));
  });
}

/** `@rd/name` → the folder its index.ts lives in, from tsconfig.base.json. */
function libraryFolders(): Map<string, string> {
  const { compilerOptions } = JSON.parse(read('tsconfig.base.json')) as { compilerOptions: { paths: Record<string, string[]> } };
  return new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, posix.dirname(posix.normalize(target))]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(spec|integration-spec|e2e-spec)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The library folders a source folder needs at run time: its @rd/* imports and theirs. */
function libraryClosure(srcDir: string): string[] {
  const folders = libraryFolders();
  const needed = new Set<string>();
  const queue = [srcDir];
  while (queue.length) {
    const dir = queue.shift() as string;
    for (const file of sourceFiles(dir)) {
      for (const [, alias] of read(file).matchAll(/['"](@rd\/[a-z0-9-]+)['"]/g)) {
        const folder = folders.get(alias);
        if (!folder) throw new Error(`${file} imports ${alias}, which tsconfig.base.json does not map`);
        if (!needed.has(folder)) {
          needed.add(folder);
          queue.push(folder);
        }
      }
    }
  }
  return [...needed].sort();
}

// ---------------------------------------------------------------------------------------------------------

const compose = loadCompose();
const services = compose.services;
const serviceNames = Object.keys(services);

/** Every deployable: each folder under services/, the gateway and the console. */
const DEPLOYABLES = [
  ...readdirSync(join(ROOT, 'services'))
    .filter((name) => statSync(join(ROOT, 'services', name)).isDirectory())
    .map((name) => `services/${name}`),
  'apps/gateway',
  'apps/console',
];

/** Compose services built from one of our Dockerfiles, by the deployable folder they build. */
const built = serviceNames
  .filter((name) => buildOf(services[name]))
  .map((name) => ({ name, service: services[name], dockerfile: dockerfileOf(services[name]) as string }))
  .map((entry) => ({ ...entry, dir: posix.dirname(entry.dockerfile) }));

const byName = (name: string): ComposeService => {
  const service = services[name];
  if (!service) throw new Error(`docker-compose.yml has no service "${name}"`);
  return service;
};

const gatewaySchema = readEnvSchema('apps/gateway/src/config.ts');
const issuerDefault = new URL(unquote(gatewaySchema.defaults.get('KEYCLOAK_ISSUER_URL') ?? "''"));

describe('docker-compose.yml', () => {
  it('holds the infrastructure and exactly one service per deployable, named after its folder', () => {
    expect(serviceNames.sort()).toEqual([...INFRA, ...DEPLOYABLES.map((dir) => posix.basename(dir))].sort());
    for (const dir of DEPLOYABLES) {
      const matches = built.filter((entry) => entry.dir === dir);
      expect({ dir, services: matches.map((entry) => entry.name) }).toEqual({ dir, services: [posix.basename(dir)] });
    }
  });

  it('builds every image from the repository root with a Dockerfile that exists', () => {
    expect(built.length).toBe(DEPLOYABLES.length);
    for (const { name, service, dockerfile } of built) {
      const build = buildOf(service);
      expect({ name, context: build?.context }).toEqual({ name, context: '.' });
      expect({ name, dockerfile, exists: exists(dockerfile) }).toEqual({ name, dockerfile, exists: true });
    }
  });

  it('depends only on services that exist; service_healthy targets have a healthcheck', () => {
    for (const name of serviceNames) {
      for (const { target, condition } of dependsOn(services[name])) {
        expect({ name, target, exists: target in services }).toEqual({ name, target, exists: true });
        if (condition !== 'service_healthy') continue;
        const dockerfile = dockerfileOf(services[target]);
        const inImage = dockerfile !== undefined && parseDockerfile(dockerfile).some((i) => i.keyword === 'HEALTHCHECK' && !/^NONE\b/i.test(i.args));
        const inCompose = services[target].healthcheck?.test !== undefined && !services[target].healthcheck?.disable;
        expect({ name, target, hasHealthcheck: inCompose || inImage }).toEqual({ name, target, hasHealthcheck: true });
      }
    }
  });

  it('declares every named volume at the top level, and every bind-mounted file exists', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const name of serviceNames) {
      for (const { source } of mountsOf(services[name])) {
        if (!source) continue;
        if (isBindMount(source)) expect({ name, source, exists: exists(source) }).toEqual({ name, source, exists: true });
        else expect({ name, volume: source, declared: declared.includes(source) }).toEqual({ name, volume: source, declared: true });
      }
    }
  });

  it('mounts the realm the gateway trusts into Keycloak and imports it with the issuer the tokens carry', () => {
    const keycloak = byName('keycloak');
    const realmMount = mountsOf(keycloak).find((mount) => mount.target.startsWith('/opt/keycloak/data/import/'));
    expect(realmMount).toEqual({ source: './infra/keycloak/reporting-days-realm.json', target: '/opt/keycloak/data/import/reporting-days-realm.json' });
    expect(exists(realmMount?.source ?? '')).toBe(true);
    const realm = (JSON.parse(read(realmMount?.source ?? '')) as { realm: string }).realm;
    const issuer = environmentOf(byName('gateway')).KEYCLOAK_ISSUER_URL;
    expect(issuer).toBe(`${issuerDefault.origin}/realms/${realm}`);
    const command = commandOf(keycloak);
    expect(command).toEqual(expect.arrayContaining(['start-dev', '--import-realm', `--hostname=${issuerDefault.origin}`, '--health-enabled=true']));
  });

  describe('environment of our deployables', () => {
    it.each(DEPLOYABLES)('%s: sets only variables its config reads, every required one, and every 127.0.0.1 default', (dir) => {
      const service = byName(posix.basename(dir));
      const env = environmentOf(service);
      const schema = readEnvSchema(envReaderOf(dir));
      expect(schema.keys.size).toBeGreaterThan(0);
      const pending = PENDING_CONFIG_VARS[dir] ?? [];
      expect({ dir, unknown: Object.keys(env).filter((key) => !schema.keys.has(key) && !pending.includes(key)) }).toEqual({ dir, unknown: [] });
      expect({ dir, missing: [...schema.required].filter((key) => !(key in env)) }).toEqual({ dir, missing: [] });
      // A loopback default is right on a laptop and wrong in a container (it would talk to itself).
      const loopback = [...schema.defaults].filter(([, value]) => value.includes('127.0.0.1')).map(([key]) => key);
      expect({ dir, loopbackDefaultsLeft: loopback.filter((key) => !(key in env)) }).toEqual({ dir, loopbackDefaultsLeft: [] });
    });

    it('lists pending variables only while their config.ts does not read them (remove them once it does)', () => {
      for (const [dir, names] of Object.entries(PENDING_CONFIG_VARS)) {
        const schema = readEnvSchema(envReaderOf(dir));
        expect({ dir, alreadyRead: names.filter((name) => schema.keys.has(name)) }).toEqual({ dir, alreadyRead: [] });
        expect({ dir, setInCompose: names.filter((name) => name in environmentOf(byName(posix.basename(dir)))) }).toEqual({ dir, setInCompose: names });
      }
    });

    it('points each service at its own database, one that infra/postgres/init.sql creates', () => {
      const created = [...read('infra/postgres/init.sql').matchAll(/^\s*CREATE DATABASE\s+"?([a-z0-9_]+)"?/gim)].map((match) => match[1]).sort();
      const used = DEPLOYABLES.filter((dir) => dir.startsWith('services/')).map((dir) => {
        const env = environmentOf(byName(posix.basename(dir)));
        const url = new URL(env.DATABASE_URL);
        expect({ dir, host: url.hostname, port: url.port }).toEqual({ dir, host: 'postgres', port: '5432' });
        // The service as its application role, its migrations as the owner role, of the same database; never the superuser.
        const migration = new URL(env.DATABASE_MIGRATION_URL);
        expect({ dir, app: url.username, owner: migration.username, database: migration.pathname, host: migration.host }).toEqual({
          dir,
          app: `rd_${posix.basename(dir)}_app`,
          owner: `rd_${posix.basename(dir)}_owner`,
          database: url.pathname,
          host: url.host,
        });
        return url.pathname.slice(1);
      });
      expect(used).toEqual(DEPLOYABLES.filter((dir) => dir.startsWith('services/')).map((dir) => `rd_${posix.basename(dir)}`));
      expect(created).toEqual([...used].sort());
    });

    it('connects everyone to the nats service with one subject prefix', () => {
      const users = DEPLOYABLES.map((dir) => environmentOf(byName(posix.basename(dir)))).filter((env) => 'NATS_URL' in env);
      expect(users.length).toBe(DEPLOYABLES.length - 1);
      expect(new Set(users.map((env) => env.NATS_URL))).toEqual(new Set(['nats://nats:4222']));
      expect(new Set(users.map((env) => env.NATS_SUBJECT_PREFIX)).size).toBe(1);
    });

    it('gives the gateway the browser-facing issuer and a JWKS URL reachable inside the network', () => {
      const env = environmentOf(byName('gateway'));
      const issuer = new URL(env.KEYCLOAK_ISSUER_URL);
      const jwks = new URL(env.KEYCLOAK_JWKS_URL);
      expect(issuer.origin).toBe(issuerDefault.origin);
      expect(jwks.host).toBe(`keycloak:${issuer.port}`);
      expect(jwks.pathname).toBe(`${issuer.pathname}/protocol/openid-connect/certs`);
    });

    it('gives the console URLs the browser can reach, and the gateway lets that origin in', () => {
      const env = environmentOf(byName('console'));
      const gatewayPort = portsOf(byName('gateway'))[0].published;
      expect(new URL(env.CONSOLE_API_URL).origin).toBe(`http://localhost:${gatewayPort}`);
      expect(env.CONSOLE_KEYCLOAK_URL).toBe(issuerDefault.origin);
      expect(env.CONSOLE_KEYCLOAK_REALM).toBe(environmentOf(byName('gateway')).KEYCLOAK_ISSUER_URL.split('/realms/')[1]);
      const consoleOrigin = `http://localhost:${portsOf(byName('console'))[0].published}`;
      expect(environmentOf(byName('gateway')).CORS_ORIGINS.split(',')).toContain(consoleOrigin);
    });
  });

  describe('ports', () => {
    const published = serviceNames.flatMap((name) => portsOf(services[name]).map((port) => ({ name, ...port })));

    it('are published once each, on 127.0.0.1 only', () => {
      const numbers = published.map((port) => port.published);
      expect(numbers.filter((port, index) => numbers.indexOf(port) !== index)).toEqual([]);
      expect(published.filter((port) => port.hostIp !== '127.0.0.1')).toEqual([]);
    });

    it('match the defaults: gateway 3000, console 4200, keycloak 8180, inside and outside the container', () => {
      const gatewayPort = Number(gatewaySchema.defaults.get('GATEWAY_PORT'));
      const consolePort = Number(unquote(readEnvSchema(envReaderOf('apps/console')).defaults.get('CONSOLE_PORT') ?? "''"));
      const keycloakPort = Number(issuerDefault.port);
      expect([gatewayPort, consolePort, keycloakPort]).toEqual([3000, 4200, 8180]);
      expect(portsOf(byName('gateway'))).toEqual([{ hostIp: '127.0.0.1', published: gatewayPort, target: gatewayPort }]);
      expect(environmentOf(byName('gateway')).GATEWAY_PORT).toBe(String(gatewayPort));
      expect(portsOf(byName('console'))).toEqual([{ hostIp: '127.0.0.1', published: consolePort, target: consolePort }]);
      expect(environmentOf(byName('console')).CONSOLE_PORT).toBe(String(consolePort));
      expect(portsOf(byName('keycloak'))).toEqual([{ hostIp: '127.0.0.1', published: keycloakPort, target: keycloakPort }]);
      expect(commandOf(byName('keycloak'))).toContain(`--http-port=${keycloakPort}`);
    });
  });

  it('runs the images and versions the stack is built on', () => {
    expect(byName('postgres').image).toMatch(/^postgres:16(\b|$)/);
    expect(byName('nats').image).toMatch(/^nats:2\.10(\b|$)/);
    expect(commandOf(byName('nats'))).toEqual(expect.arrayContaining(['-js', '-c', '/etc/nats/nats.conf']));
    expect(mountsOf(byName('nats'))).toContainEqual({ source: './infra/nats/nats.conf', target: '/etc/nats/nats.conf' });
    expect(byName('keycloak').image).toBe('quay.io/keycloak/keycloak:26.7.3');
    expect(byName('mailpit').image).toMatch(/^axllent\/mailpit:v1\.\d+/);
  });
});

describe('Dockerfiles', () => {
  const ignore = dockerignoreMatchers();
  const dockerfiles = DEPLOYABLES.map((dir) => ({ dir, path: `${dir}/Dockerfile` }));

  it.each(dockerfiles)('$path copies only files that exist and that .dockerignore lets through', ({ path }) => {
    const sources = copySources(parseDockerfile(path));
    expect(sources.length).toBeGreaterThan(0);
    expect({ path, missing: sources.filter((source) => !exists(source)) }).toEqual({ path, missing: [] });
    expect({ path, ignored: sources.filter((source) => ignoredByDocker(source, ignore)) }).toEqual({ path, ignored: [] });
  });

  it.each(dockerfiles)('$path copies its own sources and every library they import', ({ dir, path }) => {
    const sources = copySources(parseDockerfile(path));
    const covers = (folder: string) => sources.some((source) => folder === source || folder.startsWith(`${source}/`));
    const needed = [`${dir}/src`, ...libraryClosure(`${dir}/src`)];
    expect({ path, notCopied: needed.filter((folder) => !covers(folder)) }).toEqual({ path, notCopied: [] });
  });

  it.each(dockerfiles)('$path builds on node:24-bookworm-slim and runs as a non-root user in production mode', ({ path }) => {
    const instructions = parseDockerfile(path);
    const froms = instructions.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(/\s+/)[0]);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(new Set(froms)).toEqual(new Set(['node:24-bookworm-slim']));
    const last = instructions.filter((i) => i.stage === froms.length - 1);
    const user = last.filter((i) => i.keyword === 'USER').pop()?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    expect(last.some((i) => i.keyword === 'ENV' && /\bNODE_ENV=production\b/.test(i.args))).toBe(true);
  });

  it.each(DEPLOYABLES.filter((dir) => dir.startsWith('services/')))('%s/Dockerfile migrates and starts its own service', (dir) => {
    const instructions = parseDockerfile(`${dir}/Dockerfile`);
    const entrypoint = JSON.parse(instructions.filter((i) => i.keyword === 'ENTRYPOINT').pop()?.args ?? '[]') as string[];
    expect(entrypoint).toEqual(['/bin/sh', '/app/infra/docker/service-entrypoint.sh', posix.basename(dir)]);
    const script = read('infra/docker/service-entrypoint.sh');
    expect(script).toContain('services/${service}/src/migrate.ts');
    expect(script).toContain('exec node --enable-source-maps -r @swc-node/register "services/${service}/src/main.ts"');
    expect(exists(`${dir}/src/migrate.ts`) && exists(`${dir}/src/main.ts`)).toBe(true);
  });

  it.each(['apps/gateway', 'apps/console'])('%s/Dockerfile has a HEALTHCHECK on its HTTP port', (dir) => {
    const healthcheck = parseDockerfile(`${dir}/Dockerfile`).find((i) => i.keyword === 'HEALTHCHECK');
    expect(healthcheck?.args).toMatch(dir === 'apps/gateway' ? /GATEWAY_PORT:-3000\}\/api\/v1\/health/ : /CONSOLE_PORT:-4200\}\/config\.json/);
  });
});

describe('the config.ts reader this test relies on', () => {
  it('tells read, required and defaulted variables apart in both styles', () => {
    const schema = parseEnvSchema(`
      const EnvSchema = z.object({
        DATABASE_URL: z.string().url(),
        PORT: z.coerce.number().int().default(3000),
        LIST: list.default(['a', 'b']),
        TOKEN: z
          .string()
          .optional(),
      });
      const host = env.HOST ?? '127.0.0.1';
      const secret = env.SECRET;
    `);
    expect([...schema.keys].sort()).toEqual(['DATABASE_URL', 'HOST', 'LIST', 'PORT', 'SECRET', 'TOKEN']);
    expect([...schema.required].sort()).toEqual(['DATABASE_URL', 'SECRET']);
    expect(Object.fromEntries(schema.defaults)).toEqual({ PORT: '3000', LIST: "['a', 'b']", HOST: "'127.0.0.1'" });
  });

  it('reads the real config files', () => {
    const meetings = readEnvSchema('services/meetings/src/config.ts');
    expect([...meetings.keys].sort()).toEqual(['DATABASE_MIGRATION_URL', 'DATABASE_URL', 'NATS_PASSWORD', 'NATS_STREAM_REPLICAS', 'NATS_SUBJECT_PREFIX', 'NATS_TLS_CA', 'NATS_URL', 'NATS_USER']);
    // The shared NATS shape: the URL has a loopback default, the credentials are optional.
    expect(meetings.defaults.get('NATS_URL')).toBe("'nats://127.0.0.1:4222'");
    expect(meetings.required.has('NATS_USER')).toBe(false);
    expect([...gatewaySchema.keys]).toEqual(expect.arrayContaining(['GATEWAY_HOST', 'GATEWAY_PORT', 'KEYCLOAK_ISSUER_URL', 'CORS_ORIGINS']));
    expect(gatewaySchema.defaults.get('GATEWAY_HOST')).toBe("'127.0.0.1'");
  });

  it('follows @rd/* imports through the libraries', () => {
    expect(libraryClosure('apps/gateway/src')).toEqual(expect.arrayContaining(['libs/auth/nest/src', 'libs/contracts/src', 'libs/persistence/src']));
    expect(libraryClosure('apps/console/src')).toEqual(['libs/auth/core/src', 'libs/contracts/src']);
  });
});

describe('infra/docker/console-server.ts (not in a project: checked here, in child processes)', () => {
  const run = (command: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', ...env } });

  it('type-checks the way the console image compiles it', () => {
    const result = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'infra/docker/tsconfig.console-server.json', '--noEmit']);
    expect({ status: result.status, output: result.stdout + result.stderr }).toEqual({ status: 0, output: '' });
  }, 60_000);

  it.each([
    [{ CONSOLE_API_URL: 'localhost:3000' }, 'CONSOLE_API_URL'],
    [{ CONSOLE_KEYCLOAK_URL: 'ftp://keycloak' }, 'CONSOLE_KEYCLOAK_URL'],
    [{ CONSOLE_PORT: '70000' }, 'CONSOLE_PORT'],
    [{ CONSOLE_KEYCLOAK_REALM: ' ' }, 'CONSOLE_KEYCLOAK_REALM'],
    [{ CONSOLE_MAP_TILE_URL: 'https://{z}.tiles.example.org/{x}/{y}.png' }, 'CONSOLE_MAP_TILE_URL'],
    [{ CONSOLE_DIST_DIR: '/nonexistent' }, 'No console build'],
  ])('refuses to start with %j', (env, message) => {
    const result = run(process.execPath, ['-r', '@swc-node/register', 'infra/docker/console-server.ts'], {
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
      CONSOLE_PORT: '0',
      ...env,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  }, 60_000);
});

// A deployable's Dockerfile sits in its folder: that is how the tests above find it.
test('every Dockerfile in the repository belongs to a deployable', () => {
  const found = [...DEPLOYABLES.map((dir) => `${dir}/Dockerfile`)].filter(exists);
  const stray = ['services', 'apps', 'libs', 'tools']
    .flatMap((top) => readdirSync(join(ROOT, top)).map((name) => `${top}/${name}/Dockerfile`))
    .filter((path) => exists(path) && !found.includes(path));
  expect({ stray, found: found.length }).toEqual({ stray: [], found: DEPLOYABLES.length });
});
