import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  consoleSecurityHeaders,
  DEFAULT_MAP_TILE_URL,
  isServiceWorkerScript,
  startConsoleServer,
  safeFilePath,
  tileImageOrigins,
  type RunningConsoleServer,
} from './console-server';

const config = {
  apiUrl: 'http://localhost:3000/api/v1',
  keycloakUrl: 'http://localhost:8180',
  realm: 'reporting-days',
  clientId: 'rd-console',
};

/** A raw request: fetch() would normalise `/../` away before sending it. */
function rawGet(baseUrl: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe(startConsoleServer.name, () => {
  let workDir: string;
  let server: RunningConsoleServer;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'rd-console-server-'));
    const distDir = join(workDir, 'dist');
    await mkdir(join(distDir, 'assets'), { recursive: true });
    await writeFile(join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(distDir, 'assets', 'index-abc123.js'), 'console.log("app")');
    await writeFile(join(distDir, 'assets', 'index-abc123.js.map'), '{"version":3,"sourcesContent":["const secret = 1"]}');
    await writeFile(join(distDir, 'sw.js'), 'importScripts("./workbox-d516be7f.js")');
    await writeFile(join(distDir, 'workbox-d516be7f.js'), 'self.workbox = {}');
    await writeFile(join(distDir, 'manifest.webmanifest'), '{"name":"Reporting Days"}');
    await writeFile(join(workDir, 'secret.txt'), 'root:x:0:0');
    server = await startConsoleServer({ port: 0, distDir, config });
  });

  afterAll(async () => {
    await server?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('should serve index.html with the security headers', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<div id="root">');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self' http://localhost:3000 http://localhost:8180");
    expect(csp).toContain('frame-src http://localhost:8180');
    expect(csp).toContain("script-src 'self';");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('should serve /config.json from the given config with the tile server resolved, uncached', async () => {
    const response = await fetch(`${server.url}/config.json`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ ...config, mapTileUrl: DEFAULT_MAP_TILE_URL });
  });

  // The defect: without RD_MAP_TILE_URL the console drew OpenStreetMap's tiles while its own CSP allowed images from
  // 'self' only, so every tile was blocked and the map always fell back to the list.
  it('should allow in img-src the origin of the tile server that /config.json gives the console', async () => {
    const response = await fetch(`${server.url}/`);
    const imgSrc = (response.headers.get('content-security-policy') ?? '').split('; ').find((directive) => directive.startsWith('img-src '));
    const served = (await (await fetch(`${server.url}/config.json`)).json()) as { mapTileUrl: string };
    expect(imgSrc).toBe(`img-src 'self' data: blob: ${new URL(served.mapTileUrl.replace(/[{}]/g, '')).origin}`);
  });

  it('should serve fingerprinted assets with their content type, cached for good', async () => {
    const response = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe('console.log("app")');
  });

  // The build writes hidden source maps for operators to debug with; served, they would hand anyone the console's
  // whole source with its comments. The server answers them as if they were not there.
  it('should not serve source maps', async () => {
    const response = await fetch(`${server.url}/assets/index-abc123.js.map`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('sourcesContent');
  });

  // The installable console (ADR 44): without worker-src/manifest-src the CSP's default-src governed them implicitly,
  // and a worker cached for a year would keep an old build's shell after a deploy.
  it('should allow the service worker and the web manifest from the console itself', async () => {
    const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp.split('; ')).toEqual(expect.arrayContaining(["worker-src 'self'", "manifest-src 'self'"]));
  });

  it.each(['/sw.js', '/workbox-d516be7f.js'])('should serve %s revalidated on every request, so a new build is picked up', async (path) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('should serve the web manifest as application/manifest+json, revalidated', async () => {
    const response = await fetch(`${server.url}/manifest.webmanifest`);
    expect(response.headers.get('content-type')).toBe('application/manifest+json');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.json()).toEqual({ name: 'Reporting Days' });
  });

  it('should fall back to index.html for client routes but 404 for missing files', async () => {
    const route = await fetch(`${server.url}/communities/create?x=1`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  });

  it.each(['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fsecret.txt', '/..\\secret.txt', '/assets/%00.js'])(
    'should refuse the traversal %s',
    async (path) => {
      const { status, body } = await rawGet(server.url, path);
      expect(status).toBe(400);
      expect(body).not.toContain('root:');
    },
  );

  it('should refuse other methods', async () => {
    const response = await fetch(`${server.url}/`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe(safeFilePath.name, () => {
  it('should keep paths inside the root and refuse dotfiles', () => {
    expect(safeFilePath('/srv/app', '/assets/a.js?v=1')).toBe('/srv/app/assets/a.js');
    expect(safeFilePath('/srv/app', '/.env')).toBeNull();
    expect(safeFilePath('/srv/app', '/%E0%A4%A')).toBeNull();
  });
});

describe(isServiceWorkerScript.name, () => {
  it('should name the worker and the Workbox runtime, not the fingerprinted assets', () => {
    expect(isServiceWorkerScript('/sw.js')).toBe(true);
    expect(isServiceWorkerScript('/workbox-d516be7f.js')).toBe(true);
    expect(isServiceWorkerScript('/assets/index-abc123.js')).toBe(false);
    expect(isServiceWorkerScript('/registerSW.js')).toBe(false);
  });
});

describe(consoleSecurityHeaders.name, () => {
  const base = { apiUrl: 'http://localhost:3000/api/v1', keycloakUrl: 'http://localhost:8180', realm: 'r', clientId: 'c' };

  it('should allow map tiles only from the configured tile server', () => {
    const csp = consoleSecurityHeaders({ ...base, mapTileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png' })['Content-Security-Policy'];
    expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.org;");
    expect(csp).not.toContain('openstreetmap');
    expect(csp).not.toMatch(/img-src[^;]*\*/);
  });

  it('should allow the default tile server when none is configured, the one the console then draws', () => {
    expect(consoleSecurityHeaders(base)['Content-Security-Policy']).toContain("img-src 'self' data: blob: https://tile.openstreetmap.org;");
  });

  it('should allow a loopback tile server with its port', () => {
    const csp = consoleSecurityHeaders({ ...base, mapTileUrl: 'http://127.0.0.1:4312/tiles/{z}/{x}/{y}.png' })['Content-Security-Policy'];
    expect(csp).toContain("img-src 'self' data: blob: http://127.0.0.1:4312;");
  });
});

describe(tileImageOrigins.name, () => {
  it('should give one origin per subdomain of {s}, as Leaflet fills it', () => {
    expect(tileImageOrigins('https://{s}.tile.example.org/{z}/{x}/{-y}{r}.png')).toEqual([
      'https://a.tile.example.org',
      'https://b.tile.example.org',
      'https://c.tile.example.org',
    ]);
  });

  it.each(['https://{z}.tiles.example.org/{x}/{y}.png', 'ftp://tiles.example.org/{z}/{x}/{y}.png', 'tiles/{z}/{x}/{y}.png'])(
    'should refuse %s, whose origin cannot be allowed exactly',
    (template) => {
      expect(() => tileImageOrigins(template)).toThrow();
    },
  );
});
