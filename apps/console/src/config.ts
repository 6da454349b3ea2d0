import { z } from 'zod';

/** What the console learns at boot from `/config.json`, so one build runs in every environment. */
export const ConsoleConfigSchema = z.object({
  apiUrl: z.url().describe('Gateway base URL, e.g. http://localhost:3000/api/v1'),
  keycloakUrl: z.url().describe('Keycloak base URL, e.g. http://localhost:8180'),
  realm: z.string().min(1),
  clientId: z.string().min(1),
  // Background tiles of the communities map ({z}/{x}/{y} template); OpenStreetMap when absent.
  mapTileUrl: z.string().min(1).optional(),
});
export type ConsoleConfig = z.infer<typeof ConsoleConfigSchema>;

export async function loadConfig(url = '/config.json'): Promise<ConsoleConfig> {
  const response = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const config = ConsoleConfigSchema.parse(await response.json());
  // A trailing slash would double up in `${apiUrl}/communities`.
  return { ...config, apiUrl: config.apiUrl.replace(/\/+$/, '') };
}
