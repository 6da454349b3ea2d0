import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  root,
  // The console may import only these two libraries (scope:console → type:contracts, type:util).
  resolve: {
    alias: {
      '@rd/contracts': `${workspace}libs/contracts/src/index.ts`,
      '@rd/auth-core': `${workspace}libs/auth/core/src/index.ts`,
    },
  },
  plugins: [react(), devRuntimeConfig()],
  server: { port: Number(process.env.CONSOLE_PORT ?? 4200), strictPort: true },
  build: {
    outDir: `${workspace}dist/apps/console`,
    emptyOutDir: true,
    // Maps are written for debugging but not referenced from the bundle.
    sourcemap: 'hidden',
    // react-admin with MUI is one large vendor chunk; that is expected for a back-office app.
    chunkSizeWarningLimit: 2500,
  },
});
