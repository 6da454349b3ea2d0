import type { OrganisationKind, OrganisationView, UserView } from '@rd/contracts';
import { DemoSession, type DemoActivityOptions } from './demo-activity';

/**
 * Which organisation each demo user belongs to (the token claim `organisation`, docs/adr/0033-user-administration.md):
 * the Isfara ones are the demo organisations of services/communities/src/seeders/demo-people.ts; Batken's police
 * and Khujand's NGO are added here when missing.
 */
export const DEMO_MEMBERSHIPS: ReadonlyArray<{ username: string; organisation: { name: string; kind: OrganisationKind; districtCode: string } }> = [
  { username: 'police.isfara', organisation: { name: 'Isfara district police department', kind: 'district-police', districtCode: 'isfara' } },
  { username: 'ngo.isfara', organisation: { name: 'Isfara partner NGO (demo)', kind: 'ngo', districtCode: 'isfara' } },
  { username: 'gov.isfara', organisation: { name: 'Isfara district hukumat', kind: 'local-government', districtCode: 'isfara' } },
  { username: 'police.batken', organisation: { name: 'Batken district police department (demo)', kind: 'district-police', districtCode: 'batken' } },
  { username: 'ngo.khujand', organisation: { name: 'Khujand partner NGO (demo)', kind: 'ngo', districtCode: 'khujand' } },
];

/**
 * Gives the demo users their organisations through the gateway's user administration, as the coordinator would in
 * the console (and so the same rules and audit). Idempotent: a user already in the organisation is left alone.
 */
export async function seedDemoMemberships(options: Pick<DemoActivityOptions, 'gatewayUrl' | 'keycloakUrl' | 'password'>): Promise<{ summary: string }> {
  const session = new DemoSession({ gatewayUrl: options.gatewayUrl, keycloakUrl: options.keycloakUrl, password: options.password ?? 'demo-password-1' });
  let changed = 0;
  for (const { username, organisation } of DEMO_MEMBERSHIPS) {
    const existing = await session.list<OrganisationView>('coordinator', 'organisations', { districtCode: organisation.districtCode, kind: organisation.kind });
    const org =
      existing.find((o) => o.name === organisation.name) ?? (await session.call<OrganisationView>('coordinator', 'POST', '/organisations', organisation, 201));
    const [user] = (await session.list<UserView>('coordinator', 'users', { q: username })).filter((u) => u.username === username);
    if (!user) throw new Error(`the demo user ${username} is missing in Keycloak`);
    if (user.organisationId === org.id) continue;
    await session.call<UserView>('coordinator', 'PATCH', `/users/${user.id}`, { organisationId: org.id });
    changed += 1;
  }
  return { summary: changed ? `${changed} demo users given their organisation` : 'demo users already in their organisations' };
}
