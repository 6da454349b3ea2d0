import { readFileSync } from 'node:fs';
import { bootstrapAdmin } from './keycloak-bootstrap-admin';
import { expandRealmPlaceholders, isServiceAccount, type RealmRepresentation } from './realm';

type Log = (line: string) => void;

/**
 * Brings a running dev Keycloak's realm up to the realm file for what later changes of the file added: clients
 * (with their secrets and service accounts), protocol mappers of existing clients, the client roles of service
 * accounts and the declarative user profile. `--import-realm` only imports a realm that does not exist yet, and the
 * dev stack reuses a Keycloak that already serves the realm (another terminal's, a test run's): without this, a
 * realm change reaches nobody until that Keycloak is restarted. Nothing is removed or overwritten except the user
 * profile. Runs with the bootstrap admin of the master realm (loopback, dev only).
 */
export async function syncDevRealm(options: {
  baseUrl: string;
  realmFile: string;
  adminPassword: string;
  adminUser?: string;
  /** Resolves the file's `${NAME:default}` placeholders, as the Keycloak's own environment would have. */
  env?: Record<string, string | undefined>;
  log?: Log;
}): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const file = JSON.parse(expandRealmPlaceholders(readFileSync(options.realmFile, 'utf8'), options.env ?? {})) as RealmRepresentation;
  const admin = await bootstrapAdmin(options.baseUrl, options.adminUser ?? 'admin', options.adminPassword);
  const realmPath = `/admin/realms/${encodeURIComponent(file.realm)}`;
  const changes: string[] = [];

  const clients = await admin.json<Array<{ id: string; clientId: string }>>(`${realmPath}/clients?max=1000`);
  for (const wanted of file.clients ?? []) {
    const existing = clients.find((c) => c.clientId === wanted.clientId);
    if (!existing) {
      await admin.send('POST', `${realmPath}/clients`, wanted);
      changes.push(`client ${wanted.clientId} added`);
      continue;
    }
    const mappers = await admin.json<Array<{ name: string }>>(`${realmPath}/clients/${existing.id}/protocol-mappers/models`);
    for (const mapper of wanted.protocolMappers ?? []) {
      if (mappers.some((m) => m.name === mapper.name)) continue;
      await admin.send('POST', `${realmPath}/clients/${existing.id}/protocol-mappers/models`, mapper);
      changes.push(`mapper ${mapper.name} added to ${wanted.clientId}`);
    }
  }

  const allClients = await admin.json<Array<{ id: string; clientId: string }>>(`${realmPath}/clients?max=1000`);
  const clientUuid = (clientId: string) => allClients.find((c) => c.clientId === clientId)?.id;
  for (const account of (file.users ?? []).filter(isServiceAccount)) {
    const owner = clientUuid(account.serviceAccountClientId as string);
    if (!owner) continue;
    const user = await admin.json<{ id: string }>(`${realmPath}/clients/${owner}/service-account-user`);
    for (const [clientId, roleNames] of Object.entries(account.clientRoles ?? {})) {
      const roleClient = clientUuid(clientId);
      if (!roleClient) continue;
      const held = await admin.json<Array<{ name: string }>>(`${realmPath}/users/${user.id}/role-mappings/clients/${roleClient}`);
      const missing = roleNames.filter((name) => !held.some((r) => r.name === name));
      if (!missing.length) continue;
      const roles = await Promise.all(missing.map((name) => admin.json<{ id: string; name: string }>(`${realmPath}/clients/${roleClient}/roles/${encodeURIComponent(name)}`)));
      await admin.send('POST', `${realmPath}/users/${user.id}/role-mappings/clients/${roleClient}`, roles);
      changes.push(`${account.username} given ${clientId} ${missing.join(', ')}`);
    }
  }

  const profile = file.components?.['org.keycloak.userprofile.UserProfileProvider']?.[0]?.config?.['kc.user.profile.config']?.[0];
  if (profile !== undefined) {
    const current = await admin.json<unknown>(`${realmPath}/users/profile`);
    const wanted = JSON.parse(profile) as { attributes: Array<{ name: string }> };
    const names = (value: unknown) => ((value as { attributes?: Array<{ name: string }> }).attributes ?? []).map((a) => a.name).sort().join(',');
    if (names(current) !== names(wanted)) {
      await admin.send('PUT', `${realmPath}/users/profile`, wanted);
      changes.push('user profile replaced');
    }
  }
  for (const change of changes) log(`realm ${file.realm}: ${change}`);
  return changes;
}
