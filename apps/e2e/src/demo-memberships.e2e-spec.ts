import type { OrganisationView, UserView } from '@rd/contracts';
import { DEMO_MEMBERSHIPS, seedDemoMemberships } from '@rd/devstack';
import { demoPassword, getTokenResponse } from '@rd/testing';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const byName = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,499]`;

/**
 * `npm start` gives the demo users their organisations through the gateway's user administration; their tokens then
 * carry the claim `organisation`. The demo users are shared with other suites: each one's organisation is put back
 * as it was afterwards.
 */
describe('the demo users’ organisations of npm start', () => {
  const before = new Map<string, { id: string; organisationId: string | null }>();
  const options = () => ({ gatewayUrl: e2eEnv().gatewayUrl, keycloakUrl: e2eEnv().keycloakUrl, password: demoPassword() });

  beforeAll(async () => {
    for (const { username } of DEMO_MEMBERSHIPS) {
      const [user] = (await api<UserView[]>('coordinator', 'GET', `/users?${byName({ q: username })}`)).body.filter((u) => u.username === username);
      before.set(username, { id: user.id, organisationId: user.organisationId });
      if (user.organisationId !== null) await api('coordinator', 'PATCH', `/users/${user.id}`, { organisationId: null });
    }
  });

  afterAll(async () => {
    for (const { id, organisationId } of before.values()) await api('coordinator', 'PATCH', `/users/${id}`, { organisationId });
  });

  it('should put each demo user in its organisation once, and the token should say which', async () => {
    expect((await seedDemoMemberships(options())).summary).toBe(`${DEMO_MEMBERSHIPS.length} demo users given their organisation`);
    expect((await seedDemoMemberships(options())).summary).toBe('demo users already in their organisations');
    for (const { username, organisation } of DEMO_MEMBERSHIPS) {
      const organisations = await api<OrganisationView[]>('coordinator', 'GET', `/organisations?${byName({ districtCode: organisation.districtCode, kind: organisation.kind })}`);
      const expected = organisations.body.find((o) => o.name === organisation.name);
      expect({ username, found: expected !== undefined }).toEqual({ username, found: true });
      const token = (await getTokenResponse(username, demoPassword(), { keycloakUrl: e2eEnv().keycloakUrl })).access_token;
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { organisation?: string };
      expect({ username, organisation: claims.organisation }).toEqual({ username, organisation: expected?.id });
    }
  });
});
