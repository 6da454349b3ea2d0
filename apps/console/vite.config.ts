import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));

// In production the static server writes /config.json; `vite serve` answers it from env (see .env.example).
function devRuntimeConfig(): Plugin {
  const config = {
    apiUrl: process.env.CONSOLE_API_URL ?? 'http://localhost:3000/api/v1',
    keycloakUrl: process.env.CONSOLE_KEYCLOAK_URL ?? 'http://localhost:8180',
    realm: process.env.CONSOLE_KEYCLOAK_REALM ?? 'reporting-days',
    clientId: process.env.CONSOLE_KEYCLOAK_CLIENT_ID ?? 'rd-console',
    ...(process.env.CONSOLE_MAP_TILE_URL ? { mapTileUrl: process.env.CONSOLE_MAP_TILE_URL } : {}),
  };
  return {
    name: 'rd-dev-runtime-config',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/config.json', (_req, res) => {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(config));
      });
    },
  };
}

/**
 * The console as an installable app (ADR 44): a Workbox service worker precaches the built shell so it starts with
 * no network, and `/config.json` is kept from the last answer. Nothing cross-origin (gateway, Keycloak, map tiles) is
 * ever cached: API answers belong to one signed-in user and must not outlive the session.
 */
const pwa = VitePWA({
  registerType: 'autoUpdate',
  // registerSW.js, a file: the console server's CSP refuses inline scripts.
  injectRegister: 'script',
  strategies: 'generateSW',
  // The glob below already takes the icons; listing them again would precache them twice.
  includeManifestIcons: false,
  manifest: {
    name: 'Reporting Days',
    short_name: 'Reporting Days',
    description: 'Plan, hold and report the reporting days of police and communities.',
    lang: 'en',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#1f5f8b',
    background_color: '#ffffff',
    icons: [
      { src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
      { src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png' },
      { src: '/maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,svg,png,ico,woff,woff2}'],
    // Every chunk, the lazily loaded pages too (ADR 45): all are far below Workbox's default 2 MiB cap per file.
    navigateFallback: '/index.html',
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        // Where Keycloak and the gateway are: fresh when the network answers, the last copy when it does not.
        urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/config.json',
        handler: 'NetworkFirst',
        options: {
          cacheName: 'rd-runtime-config',
          networkTimeoutSeconds: 5,
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 1 },
        },
      },
    ],
  },
});

export default defineConfig({
  root,
  // The console may import only these two libraries (scope:console → type:contracts, type:util).
  resolve: {
    alias: {
      '@rd/contracts': `${workspace}libs/contracts/src/index.ts`,
      '@rd/auth-core': `${workspace}libs/auth/core/src/index.ts`,
    },
  },
  plugins: [react(), devRuntimeConfig(), pwa],
  server: { port: Number(process.env.CONSOLE_PORT ?? 4200), strictPort: true },
  build: {
    outDir: `${workspace}dist/apps/console`,
    emptyOutDir: true,
    // Maps are written for debugging but not referenced from the bundle.
    sourcemap: 'hidden',
    // Read by the script budget (ADR 45): which chunks each screen loads.
    manifest: true,
    // Split by route (ADR 45): pages, languages and markdown-it are loaded when needed; Rolldown's automatic chunking
    // shares the rest (grouping node_modules into vendor chunks was measured heavier for sign-in and the meeting).
    rolldownOptions: {
      treeshake: {
        // The contracts only declare schemas and constants: a module the console does not use is left out entirely,
        // so signing in does not carry every domain's schemas.
        moduleSideEffects: (id: string) => !id.includes('/libs/contracts/'),
      },
    },
  },
});
