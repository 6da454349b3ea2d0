import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

/** What the console fetches from `/config.json` at boot (apps/console/src/config.ts). */
export interface ConsoleRuntimeConfig {
  apiUrl: string;
  keycloakUrl: string;
  realm: string;
  clientId: string;
  /**
   * Map tile URL template (`https://tile.example/{z}/{x}/{y}.png`); OpenStreetMap's public server when absent. The
   * console gets the resolved one in `/config.json`, and the CSP allows its origin in `img-src`.
   */
  mapTileUrl?: string;
}

/** The console's map tiles when the deployment names no tile server (as in apps/console/src/map/tileSource.ts). */
export const DEFAULT_MAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
/** Leaflet's default subdomains, which fill `{s}` in a template (the console sets no others). */
const TILE_SUBDOMAINS = ['a', 'b', 'c'] as const;

/** The config as served: the tile server resolved once, so `/config.json` and the CSP name the same one. */
export function resolveConsoleConfig(config: ConsoleRuntimeConfig): ConsoleRuntimeConfig & { mapTileUrl: string } {
  return { ...config, mapTileUrl: config.mapTileUrl || DEFAULT_MAP_TILE_URL };
}

/**
 * The origins a Leaflet tile URL template loads images from: one, or one per subdomain for `{s}`. Refuses a template
 * that is not http(s) or has another placeholder in its host (its origin could not be allowed exactly).
 */
export function tileImageOrigins(template: string): string[] {
  const urls = template.includes('{s}') ? TILE_SUBDOMAINS.map((subdomain) => template.replaceAll('{s}', subdomain)) : [template];
  return [
    ...new Set(
      urls.map((url) => {
        if (/^[a-z]+:\/\/[^/]*\{/i.test(url)) throw new Error(`mapTileUrl "${template}": only {s} may stand in the host`);
        const parsed = new URL(url.replace(/\{-?[a-z]+\}/gi, '0'));
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`mapTileUrl "${template}" must be an http(s) URL`);
        return parsed.origin;
      }),
    ),
  ];
}

export interface ConsoleServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The Vite build, normally dist/apps/console. */
  distDir: string;
  config: ConsoleRuntimeConfig;
}

export interface RunningConsoleServer {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Headers sent with every answer. The CSP lets the console talk to the gateway and Keycloak only, and load images
 * from itself and the one tile server it is configured with (the default one when none is named); MUI injects its
 * styles at run time, hence `style-src 'unsafe-inline'` (scripts stay 'self' only).
 */
export function consoleSecurityHeaders(config: ConsoleRuntimeConfig): Record<string, string> {
  const api = new URL(config.apiUrl).origin;
  const keycloak = new URL(config.keycloakUrl).origin;
  const tiles = tileImageOrigins(resolveConsoleConfig(config).mapTileUrl)
    .map((origin) => ` ${origin}`)
    .join('');
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles}`,
    "font-src 'self' data:",
    // The service worker (sw.js, workbox-*.js) and the web manifest of the installable console (ADR 44).
    "worker-src 'self'",
    "manifest-src 'self'",
    `connect-src 'self' ${api} ${keycloak}`,
    `frame-src ${keycloak}`,
    `form-action 'self' ${keycloak}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

/**
 * The service worker and the Workbox runtime it imports: not fingerprinted in their names, and the browser must see a
 * new build's worker at once, so they are revalidated on every request.
 */
export function isServiceWorkerScript(requestPath: string): boolean {
  return requestPath === '/sw.js' || /^\/workbox-[\w-]+\.js$/.test(requestPath);
}

/**
 * The request path as a file path inside the build, or null when it tries to leave it: `..` segments (also
 * percent-encoded or with backslashes), NUL bytes and dotfiles are refused before anything touches the disk.
 */
export function safeFilePath(root: string, requestUrl: string): string | null {
  const rawPath = requestUrl.split(/[?#]/, 1)[0];
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (!path.startsWith('/') || path.includes('\0')) return null;
  if (path.split(/[\\/]/).some((segment) => segment === '..' || (segment.startsWith('.') && segment !== '.'))) {
    return null;
  }
  const file = resolve(root, `.${path}`);
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string): void {
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Serves a console build with node:http only: static files, `/config.json` from `config`, and index.html for
 * client routes (paths without a file extension). For tests and the local stack, not an internet-facing server.
 */
export async function startConsoleServer({
  port,
  host = '127.0.0.1',
  distDir,
  config,
}: ConsoleServerOptions): Promise<RunningConsoleServer> {
  const root = resolve(distDir);
  const index = resolve(root, 'index.html');
  if (!(await isFile(index))) throw new Error(`No console build in ${root}: run nx build console first`);
  const served = resolveConsoleConfig(config);
  const securityHeaders = consoleSecurityHeaders(served);
  const configJson = JSON.stringify(served);

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const url = req.url ?? '/';
    if (url.split('?', 1)[0] === '/config.json') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : configJson);
      return;
    }
    const file = safeFilePath(root, url);
    if (file === null) {
      sendText(res, 400, 'Bad Request');
      return;
    }
    void (async () => {
      // Source maps stay on disk for operators (vite writes them 'hidden'); the public never gets the source.
      if (extname(file).toLowerCase() === '.map') {
        sendText(res, 404, 'Not Found');
      } else if (await isFile(file)) {
        // Vite fingerprints everything under assets/, so it never changes under the same name.
        // The rest (index.html, sw.js, workbox-*.js, registerSW.js, the manifest, icons) is revalidated each time.
        const immutable = file.startsWith(resolve(root, 'assets') + sep) && !isServiceWorkerScript(url.split(/[?#]/, 1)[0]);
        sendFile(req, res, file, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      } else if (extname(file) === '') {
        sendFile(req, res, index, 'no-cache');
      } else {
        sendText(res, 404, 'Not Found');
      }
    })().catch(() => sendText(res, 500, 'Internal Server Error'));
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}`,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
