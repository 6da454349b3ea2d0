import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { chromium, type Browser, type Page } from 'playwright-core';
import { devstackConfig } from '../src/config';
import { ensureKeycloak, type KeycloakHandle } from '../src/keycloak';
import { expandRealmPlaceholders, type RealmRepresentation } from '../src/realm';
import { PRODUCTION_REALM_FILE } from '../src/realm-production';
import { rolesThatReadProtectedConcerns, TWO_FACTOR_BROWSER_FLOW, TWO_FACTOR_ROLE } from '../src/two-factor';

// The committed production realm in a real Keycloak (26.7.3): imported through the admin REST API under a throwaway
// name, users created there, and the browser sign-in of rd-console driven with chromium. Keycloak is reused on :8180
// or started from the cached dist (30-120 s).
// Stands in for the console: the page Keycloak sends the browser back to with the code (set in beforeAll).
let CONSOLE_URL = '';
const redirectUri = () => `${CONSOLE_URL}/`;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const suffix = randomBytes(4).toString('hex');
const REALM = `rd-two-factor-${suffix}`;
const DEFAULTS_REALM = `rd-defaults-${suffix}`;
const PASSWORD = `Tw0-factor-${randomBytes(6).toString('hex')}`;
const USERS = {
  police: { username: `police.${suffix}`, role: 'police-officer' },
  reviewer: { username: `reviewer.${suffix}`, role: 'regional-reviewer' },
  enrolledReviewer: { username: `reviewer2.${suffix}`, role: 'regional-reviewer' },
} as const;
/** Secret of an authenticator app the second reviewer set up of their own accord (Keycloak stores it as text). */
const REVIEWER_OTP_SECRET = randomBytes(10).toString('hex');

/** The master realm's admin through admin-cli, with a fresh token per call (they live 60 s). */
class KeycloakAdmin {
  constructor(
    private readonly url: string,
    private readonly password: string,
  ) {}

  private async token(): Promise<string> {
    const response = await fetch(`${this.url}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'admin-cli', username: 'admin', password: this.password, grant_type: 'password' }),
    });
    if (!response.ok) throw new Error(`master admin token: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  async call<T = unknown>(method: string, path: string, body?: unknown, expected: number[] = [200, 201, 204]): Promise<T> {
    const response = await fetch(`${this.url}/admin/realms${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.token()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expected.includes(response.status)) throw new Error(`${method} /admin/realms${path}: ${response.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async createUser(realm: string, username: string, role: string, otpSecret?: string): Promise<string> {
    const otp = otpSecret && {
      type: 'otp',
      userLabel: 'own phone',
      secretData: JSON.stringify({ value: otpSecret }),
      credentialData: JSON.stringify({ subType: 'totp', digits: 6, period: 30, algorithm: 'HmacSHA1', counter: 0 }),
    };
    await this.call('POST', `/${realm}/users`, {
      username,
      email: `${username}@example.org`,
      firstName: 'Test',
      lastName: role,
      enabled: true,
      emailVerified: true,
      credentials: [{ type: 'password', value: PASSWORD, temporary: false }, ...(otp ? [otp] : [])],
    });
    const [user] = await this.call<Array<{ id: string }>>('GET', `/${realm}/users?exact=true&username=${encodeURIComponent(username)}`);
    const roleRep = await this.call('GET', `/${realm}/roles/${role}`);
    await this.call('POST', `/${realm}/users/${user.id}/role-mappings/realm`, [roleRep]);
    return user.id;
  }
}

/** The production file as an operator imports it, placeholders filled, under a throwaway name. */
function productionRealmForTest(): RealmRepresentation {
  if (!CONSOLE_URL) throw new Error('the stand-in console is not listening yet');
  const text = expandRealmPlaceholders(readFileSync(PRODUCTION_REALM_FILE, 'utf8'), {
    RD_CONSOLE_URL: CONSOLE_URL,
    RD_SMTP_HOST: '127.0.0.1',
    RD_SMTP_PORT: '2525',
    RD_SMTP_FROM: 'reporting-days@example.org',
    RD_SMTP_USER: 'reporting-days',
    RD_SMTP_PASSWORD: 'not-used',
  });
  const realm = JSON.parse(text) as RealmRepresentation;
  // Test copy only: the production file says `all`, which refuses the plain HTTP of a loopback Keycloak.
  return { ...realm, realm: REALM, sslRequired: 'none' };
}

/** RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s) from the key Keycloak shows in manual mode (base32, grouped by 4). */
function totp(base32Key: string, atMs = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of base32Key.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  return totpWithKey(Buffer.from(bits.match(/.{8}/g)?.map((byte) => parseInt(byte, 2)) ?? []), atMs);
}

function totpWithKey(key: Buffer, atMs: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

interface SignIn {
  page: Page;
  verifier: string;
  /** The Keycloak page shown after the password (`data-page-id`), or `redirected` when it sent the browser back. */
  next: string;
}

describe('production realm: two-factor sign-in in a real Keycloak', () => {
  let keycloak: KeycloakHandle;
  let admin: KeycloakAdmin;
  let browser: Browser;
  const userIds: Record<keyof typeof USERS, string> = { police: '', reviewer: '', enrolledReviewer: '' };
  let totpKey = '';
  let consoleStandIn: Server | undefined;

  beforeAll(async () => {
    consoleStandIn = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('console'));
    await new Promise<void>((resolve) => consoleStandIn?.listen(0, '127.0.0.1', resolve));
    CONSOLE_URL = `http://127.0.0.1:${(consoleStandIn.address() as AddressInfo).port}`;
    keycloak = await ensureKeycloak();
    admin = new KeycloakAdmin(keycloak.url, devstackConfig().adminPassword);
    await admin.call('POST', '', productionRealmForTest());
    await admin.call('POST', '', { realm: DEFAULTS_REALM, enabled: true });
    for (const key of Object.keys(USERS) as Array<keyof typeof USERS>) {
      userIds[key] = await admin.createUser(REALM, USERS[key].username, USERS[key].role, key === 'enrolledReviewer' ? REVIEWER_OTP_SECRET : undefined);
    }
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    for (const realm of [REALM, DEFAULTS_REALM]) await admin?.call('DELETE', `/${realm}`, undefined, [204, 404]).catch(() => undefined);
    if (keycloak?.startedHere) await keycloak.stop();
    await new Promise((resolve) => (consoleStandIn ? consoleStandIn.close(resolve) : resolve(undefined)));
  });

  /** Opens rd-console's authorization request (code + PKCE S256) in a fresh browser context and submits the password. */
  async function signIn(username: string): Promise<SignIn> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const verifier = randomBytes(32).toString('base64url');
    const query = new URLSearchParams({
      client_id: 'rd-console',
      redirect_uri: redirectUri(),
      response_type: 'code',
      scope: 'openid',
      state: randomBytes(8).toString('hex'),
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    await page.goto(`${keycloak.url}/realms/${REALM}/protocol/openid-connect/auth?${query}`);
    await page.fill('#username', username);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForLoadState(), page.click('#kc-login')]);
    return { page, verifier, next: await whereNow(page) };
  }

  async function whereNow(page: Page): Promise<string> {
    await page.waitForLoadState();
    if (page.url().startsWith(CONSOLE_URL)) return 'redirected';
    return (await page.getAttribute('body', 'data-page-id')) ?? `unknown page ${page.url()}`;
  }

  /** Trades the code the browser came back with for tokens, as keycloak-js does. */
  async function tokensFor({ page, verifier }: SignIn): Promise<Record<string, unknown>> {
    const code = new URL(page.url()).searchParams.get('code');
    expect(code).toEqual(expect.any(String));
    const response = await fetch(`${keycloak.url}/realms/${REALM}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'rd-console', code: code ?? '', redirect_uri: redirectUri(), code_verifier: verifier }),
    });
    expect(response.status).toBe(200);
    return decodeJwt(((await response.json()) as { access_token: string }).access_token);
  }

  it('should import with the two-factor browser flow bound and every flow Keycloak creates by itself kept', async () => {
    const realm = await admin.call<RealmRepresentation>('GET', `/${REALM}`);
    expect(realm.browserFlow).toBe(TWO_FACTOR_BROWSER_FLOW);
    const flows = async (name: string) =>
      (await admin.call<{ authenticationFlows: Array<{ alias: string }> }>('POST', `/${name}/partial-export`)).authenticationFlows.map((f) => f.alias);
    const builtIn = await flows(DEFAULTS_REALM);
    expect(builtIn).toContain('browser');
    expect(await flows(REALM)).toEqual(expect.arrayContaining(builtIn));
    const bindings = await admin.call<Record<string, unknown>>('GET', `/${DEFAULTS_REALM}`);
    for (const binding of ['registrationFlow', 'directGrantFlow', 'resetCredentialsFlow', 'clientAuthenticationFlow', 'dockerAuthenticationFlow', 'firstBrokerLoginFlow']) {
      expect({ binding, flow: (realm as unknown as Record<string, unknown>)[binding] }).toEqual({ binding, flow: bindings[binding] });
    }
    const actions = await admin.call<Array<{ alias: string; enabled: boolean }>>('GET', `/${REALM}/authentication/required-actions`);
    expect(actions.find((a) => a.alias === 'CONFIGURE_TOTP')?.enabled).toBe(true);
  });

  it('should give two-factor-required to every role that reads restricted or confidential concerns, not to the reviewer', async () => {
    const holders: string[] = [];
    for (const role of ['national-coordinator', 'ngo-admin', 'police-officer', 'local-government', 'regional-reviewer']) {
      const composites = await admin.call<Array<{ name: string }>>('GET', `/${REALM}/roles/${role}/composites`);
      if (composites.some((c) => c.name === TWO_FACTOR_ROLE)) holders.push(role);
    }
    expect(holders.sort()).toEqual(rolesThatReadProtectedConcerns().sort());
    expect(holders).not.toContain('regional-reviewer');
  });

  it('should send a police officer to set up an authenticator app after the password, then back to the console', async () => {
    const signIn1 = await signIn(USERS.police.username);
    expect(signIn1.next).toBe('login-login-config-totp');
    const { page } = signIn1;
    await Promise.all([page.waitForLoadState(), page.click('#mode-manual')]);
    totpKey = ((await page.textContent('#kc-totp-secret-key')) ?? '').trim();
    expect(totpKey).toMatch(/^[A-Z2-7 ]{16,}$/);
    await page.fill('#totp', totp(totpKey));
    await page.fill('#userLabel', 'test phone');
    await Promise.all([page.waitForURL((url) => url.href.startsWith(CONSOLE_URL)), page.click('#kc-totp-settings-form [type=submit]')]);
    const claims = await tokensFor(signIn1);
    expect((claims.realm_access as { roles: string[] }).roles).toEqual(expect.arrayContaining(['police-officer', TWO_FACTOR_ROLE]));
    const credentials = await admin.call<Array<{ type: string; userLabel?: string }>>('GET', `/${REALM}/users/${userIds.police}/credentials`);
    expect(credentials.map((c) => c.type).sort()).toEqual(['otp', 'password']);
    await page.context().close();
  });

  it('should ask the enrolled police officer for a one-time code at the next sign-in, and refuse a wrong one', async () => {
    expect(totpKey).not.toBe(''); // set up by the test before
    const signIn2 = await signIn(USERS.police.username);
    expect(signIn2.next).toBe('login-login-otp');
    const { page } = signIn2;
    const wrong = totp(totpKey, Date.now() - 10 * 60_000);
    await page.fill('#otp', wrong === totp(totpKey) ? '000000' : wrong);
    await Promise.all([page.waitForLoadState(), page.click('#kc-login')]);
    expect(await whereNow(page)).toBe('login-login-otp');
    // A wrong code counts toward brute-force protection like a wrong password (the runbook says so).
    const attacks = await admin.call<{ numFailures: number }>('GET', `/${REALM}/attack-detection/brute-force/users/${userIds.police}`);
    expect(attacks.numFailures).toBeGreaterThanOrEqual(1);
    // The code of the next 30 s step: the one just used at set-up may not be used twice (look-ahead window 1).
    await page.fill('#otp', totp(totpKey, Date.now() + 30_000));
    await Promise.all([page.waitForURL((url) => url.href.startsWith(CONSOLE_URL)), page.click('#kc-login')]);
    const claims = await tokensFor(signIn2);
    expect((claims.realm_access as { roles: string[] }).roles).toContain('police-officer');
    await page.context().close();
  });

  it('should send a police officer whose OTP credential an admin deleted (lost phone) to set up a new app', async () => {
    const credentials = await admin.call<Array<{ id: string; type: string }>>('GET', `/${REALM}/users/${userIds.police}/credentials`);
    const otp = credentials.find((c) => c.type === 'otp');
    expect(otp).toBeDefined();
    // What the runbook tells an admin to do (admin console: Users → user → Credentials → Delete on the OTP row).
    await admin.call('DELETE', `/${REALM}/users/${userIds.police}/credentials/${otp?.id}`);
    const signIn4 = await signIn(USERS.police.username);
    expect(signIn4.next).toBe('login-login-config-totp');
    await signIn4.page.context().close();
  });

  it('should sign a regional reviewer in with the password alone', async () => {
    const signIn3 = await signIn(USERS.reviewer.username);
    expect(signIn3.next).toBe('redirected');
    const claims = await tokensFor(signIn3);
    expect((claims.realm_access as { roles: string[] }).roles).toContain('regional-reviewer');
    expect((claims.realm_access as { roles: string[] }).roles).not.toContain(TWO_FACTOR_ROLE);
    const credentials = await admin.call<Array<{ type: string }>>('GET', `/${REALM}/users/${userIds.reviewer}/credentials`);
    expect(credentials.map((c) => c.type)).toEqual(['password']);
    await signIn3.page.context().close();
  });

  it('should ask a reviewer who set up an authenticator app anyway for its code', async () => {
    const credentials = await admin.call<Array<{ type: string }>>('GET', `/${REALM}/users/${userIds.enrolledReviewer}/credentials`);
    expect(credentials.map((c) => c.type).sort()).toEqual(['otp', 'password']);
    const signIn5 = await signIn(USERS.enrolledReviewer.username);
    expect(signIn5.next).toBe('login-login-otp');
    const { page } = signIn5;
    await page.fill('#otp', totpWithKey(Buffer.from(REVIEWER_OTP_SECRET, 'utf8'), Date.now()));
    await Promise.all([page.waitForURL((url) => url.href.startsWith(CONSOLE_URL)), page.click('#kc-login')]);
    expect(((await tokensFor(signIn5)).realm_access as { roles: string[] }).roles).toContain('regional-reviewer');
    await page.context().close();
  });
});
