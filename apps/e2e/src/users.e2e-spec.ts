import type { AuditEntryView, DirectoryEntry, OrganisationView, UserView } from '@rd/contracts';
import { eventually, getTokenResponse, TokenRequestError } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';
import { actionLink, mailTo, setPasswordFromEmail } from './support/invitation-email';
import { deleteKeycloakUsers, keycloakUserId } from './support/keycloak-users';

/**
 * User administration against the real Keycloak (docs/adr/0033-user-administration.md): the rules an NGO admin
 * meets, an invitation the coordinator sends that arrives in the message catcher and is followed in a real browser
 * to set a password, the token that user then gets (role, group scope, organisation claim), disabling and
 * re-enabling, the directory, and the audit trail. Every user made here is deleted afterwards.
 */

const hex = () => randomBytes(4).toString('hex');
const created = new Set<string>();
const emailOf = (name: string) => `e2e-${name}-${hex()}@reporting-days.test`;
const PASSWORD = `Invited-${hex()}-password`;

function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function organisation(kind: string, districtCode: string): Promise<OrganisationView> {
  const response = await api<OrganisationView>('coordinator', 'POST', '/organisations', { name: `Users e2e ${kind} ${hex()}`, kind, districtCode });
  expect(response.status).toBe(201);
  return response.body;
}

async function invite(as: string, body: Record<string, unknown>) {
  const response = await api<UserView>(as, 'POST', '/users', body);
  if (response.status === 201) created.add(response.body.id);
  return response;
}

describe('user administration through the gateway and Keycloak', () => {
  let policeUnit: OrganisationView;
  let ngo: OrganisationView;
  let browser: Browser | undefined;

  beforeAll(async () => {
    policeUnit = await organisation('district-police', 'isfara');
    ngo = await organisation('ngo', 'isfara');
  });

  afterAll(async () => {
    await browser?.close();
    await deleteKeycloakUsers(created);
  });

  describe('rules an NGO admin meets', () => {
    it('should refuse an NGO admin creating a national coordinator, an NGO admin, or a police officer outside its districts (403), and create nothing', async () => {
      const cases = [
        { role: 'national-coordinator' },
        { role: 'ngo-admin', districtCode: 'isfara' },
        { role: 'police-officer', districtCode: 'batken' },
        { role: 'police-officer', districtCode: 'khujand' },
      ];
      for (const scope of cases) {
        const email = emailOf('refused');
        const response = await invite('ngo.isfara', { email, firstName: 'Refused', lastName: 'User', ...scope });
        expect({ scope, status: response.status }).toEqual({ scope, status: 403 });
        expect(await keycloakUserId(email)).toBeUndefined();
      }
    });

    it('should hide users outside the NGO admin’s districts (404) and list only users of its districts', async () => {
      const list = await api<UserView[]>('ngo.isfara', 'GET', '/users?range=[0,499]');
      expect(list.status).toBe(200);
      expect(list.body.length).toBeGreaterThan(0);
      expect(list.body.every((u) => u.districtCode === 'isfara')).toBe(true);
      const batken = await api<UserView[]>('coordinator', 'GET', `/users?filter=${encodeURIComponent(JSON.stringify({ q: 'police.batken' }))}`);
      const batkenId = batken.body[0].id;
      expect((await api('ngo.isfara', 'GET', `/users/${batkenId}`)).status).toBe(404);
      expect((await api('ngo.isfara', 'POST', `/users/${batkenId}/disable`, {})).status).toBe(404);
      expect((await api('police.isfara', 'GET', '/users')).status).toBe(403);
    });

    it('should refuse an organisation of the wrong kind (422), an unknown district (422), and a scope that does not fit the role (422)', async () => {
      const email = emailOf('wrong-kind');
      const wrongKind = await invite('coordinator', { email, firstName: 'Wrong', lastName: 'Kind', role: 'police-officer', districtCode: 'isfara', organisationId: ngo.id });
      expect(wrongKind.status).toBe(422);
      expect(wrongKind.body).toMatchObject({ code: 'user.organisation-invalid', errors: [{ field: 'organisationId' }] });
      const unknownDistrict = await invite('coordinator', { email, firstName: 'No', lastName: 'Where', role: 'police-officer', districtCode: 'atlantis' });
      expect(unknownDistrict.status).toBe(422);
      const coordinatorWithDistrict = await invite('coordinator', { email, firstName: 'Wrong', lastName: 'Scope', role: 'national-coordinator', districtCode: 'isfara' });
      expect(coordinatorWithDistrict.body).toMatchObject({ status: 422, code: 'user.scope-invalid' });
      expect(await keycloakUserId(email)).toBeUndefined();
    });

    it('should let an NGO admin invite a local government user of its district, and refuse a duplicate email (409)', async () => {
      const email = emailOf('hukumat');
      const response = await invite('ngo.isfara', { email, firstName: 'Hukumat', lastName: 'Official', role: 'local-government', districtCode: 'isfara' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ username: email, email, role: 'local-government', districtCode: 'isfara', regionCode: 'sughd', enabled: true, emailVerified: false, organisationId: null });
      const again = await invite('coordinator', { email, firstName: 'Hukumat', lastName: 'Again', role: 'local-government', districtCode: 'isfara' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'user.email-taken' });
      // Promoting them beyond what an NGO admin may give is refused, moving them within its scope is not.
      expect((await api('ngo.isfara', 'PATCH', `/users/${response.body.id}`, { role: 'ngo-admin' })).status).toBe(403);
      const moved = await api<UserView>('ngo.isfara', 'PATCH', `/users/${response.body.id}`, { role: 'police-officer', organisationId: policeUnit.id, lastName: 'Officer' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ role: 'police-officer', districtCode: 'isfara', organisationId: policeUnit.id, lastName: 'Officer' });
    });
  });

  describe('an invited user', () => {
    const email = emailOf('invited');
    let user: UserView;

    it('should be created by the coordinator with role, district and organisation, and get the invitation email', async () => {
      const response = await invite('coordinator', { email, firstName: 'Invited', lastName: 'Officer', role: 'police-officer', districtCode: 'isfara', organisationId: policeUnit.id });
      expect(response.status).toBe(201);
      user = response.body;
      expect(user).toMatchObject({ email, role: 'police-officer', districtCode: 'isfara', regionCode: 'sughd', organisationId: policeUnit.id, enabled: true });
      const mail = await mailTo(email);
      expect(actionLink(mail)).toContain('/realms/reporting-days/login-actions/action-token');
    });

    it('should set a password through the emailed link in a real browser, then sign in with the role, scope and organisation given', async () => {
      const link = actionLink(await mailTo(email));
      browser = await launchChromium();
      const page = await browser.newPage();
      await setPasswordFromEmail(page, link, PASSWORD);

      const token = await eventually(async () => (await getTokenResponse(email, PASSWORD, { keycloakUrl: e2eEnv().keycloakUrl })).access_token, 15_000, 500);
      const claims = decodeJwt(token);
      expect((claims.realm_access as { roles: string[] }).roles).toContain('police-officer');
      expect(claims.groups).toEqual(['/sughd/isfara']);
      expect(claims.organisation).toBe(policeUnit.id);
      const me = await fetch(`${e2eEnv().gatewayUrl}/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      const view = await api<UserView>('coordinator', 'GET', `/users/${user.id}`);
      expect(view.body.emailVerified).toBe(true);
    }, 120_000);

    it('should show in the directory by name with role and organisation, never the email', async () => {
      const directory = await api<DirectoryEntry[]>('police.isfara', 'GET', `/directory?filter=${encodeURIComponent(JSON.stringify({ id: [user.id] }))}`);
      expect(directory.status).toBe(200);
      expect(directory.body).toEqual([{ id: user.id, name: 'Invited Officer', role: 'police-officer', organisationId: policeUnit.id, districtCodes: ['isfara'] }]);
      const all = await api<DirectoryEntry[]>('police.isfara', 'GET', '/directory?range=[0,499]');
      expect(JSON.stringify(all.body)).not.toContain('@');
      expect(all.body.some((entry) => entry.districtCodes.includes('batken'))).toBe(false);
      expect((await api('reviewer.sughd', 'GET', '/directory')).status).toBe(403);
      const outside = await api<DirectoryEntry[]>('police.batken', 'GET', `/directory?filter=${encodeURIComponent(JSON.stringify({ id: [user.id] }))}`);
      expect(outside.body).toEqual([]);
    });

    it('should not let the coordinator disable themselves (409)', async () => {
      const me = await api<{ userId: string }>('coordinator', 'GET', '/me');
      const response = await api('coordinator', 'POST', `/users/${me.body.userId}/disable`, {});
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'user.self-disable' });
    });

    it('should stop a disabled user from getting a token, and let them in again once enabled; each change audited', async () => {
      const disabled = await api<UserView>('coordinator', 'POST', `/users/${user.id}/disable`, {});
      expect(disabled.status).toBe(200);
      expect(disabled.body.enabled).toBe(false);
      await expect(getTokenResponse(email, PASSWORD, { keycloakUrl: e2eEnv().keycloakUrl })).rejects.toBeInstanceOf(TokenRequestError);
      const directory = await api<DirectoryEntry[]>('police.isfara', 'GET', `/directory?filter=${encodeURIComponent(JSON.stringify({ id: [user.id] }))}`);
      expect(directory.body).toEqual([]);

      const enabled = await api<UserView>('coordinator', 'POST', `/users/${user.id}/enable`, {});
      expect(enabled.status).toBe(200);
      expect(enabled.body.enabled).toBe(true);
      expect((await getTokenResponse(email, PASSWORD, { keycloakUrl: e2eEnv().keycloakUrl })).access_token).toBeTruthy();

      const reset = await api<{ id: string }>('coordinator', 'POST', `/users/${user.id}/reset-credentials`, {});
      expect(reset.status).toBe(202);
      await mailTo(email, 2);

      const audit = await eventually(
        async () => {
          const query = new URLSearchParams({ filter: JSON.stringify({ username: 'coordinator', action: 'user:manage' }), range: '[0,99]', sort: '["occurredAt","DESC"]' });
          const entries = (await api<AuditEntryView[]>('coordinator', 'GET', `/audit?${query.toString()}`)).body.filter((e) => e.resourceId === user.id);
          if (entries.length < 4) throw new Error(`${entries.length} audit entries for ${user.id}`);
          return entries;
        },
        10_000,
        200,
      );
      expect(audit.map((e) => e.path).sort()).toEqual(
        expect.arrayContaining([`/api/v1/users`, `/api/v1/users/${user.id}/disable`, `/api/v1/users/${user.id}/enable`, `/api/v1/users/${user.id}/reset-credentials`]),
      );
      expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    });
  });
});
