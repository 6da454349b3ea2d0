/**
 * The few calls of Keycloak's Admin REST API that user administration needs, made with the `rd-user-admin` service
 * account (client credentials; docs/adr/0033-user-administration.md). The token is cached until 30 s before it
 * expires. The service account has no `view-realm`, so `/roles/...` is closed to it: roles are read per user
 * (`role-mappings/realm`, and `.../available` for the ids of roles to give). Errors carry the status so the caller can map 404 and 409; nothing of Keycloak's body reaches a client.
 */
export interface KeycloakAdminSettings {
  /** Keycloak's base URL, e.g. `http://localhost:8180`. */
  baseUrl: string;
  realm: string;
  clientId: string;
  clientSecret: string;
  /** Per call. */
  timeoutMs: number;
}

export interface KcUser {
  id: string;
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  enabled: boolean;
  emailVerified?: boolean;
  createdTimestamp?: number;
  attributes?: Record<string, string[]>;
  requiredActions?: string[];
}

export interface KcGroup {
  id: string;
  name: string;
  path: string;
  subGroupCount?: number;
}

export interface KcRole {
  id: string;
  name: string;
}

export class KeycloakAdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Keycloak's answers are paged; this is the page size asked for and the most rows any one list reads. */
const PAGE = 500;
const MAX_ROWS = 20_000;
const EMAIL_TIMEOUT_MS = 30_000;

export class KeycloakAdmin {
  private token?: { value: string; expiresAt: number };

  constructor(private readonly settings: KeycloakAdminSettings) {}

  private get adminBase(): string {
    return `${this.settings.baseUrl}/admin/realms/${encodeURIComponent(this.settings.realm)}`;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    const response = await fetch(`${this.settings.baseUrl}/realms/${encodeURIComponent(this.settings.realm)}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.settings.clientId, client_secret: this.settings.clientSecret }),
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    });
    if (!response.ok) throw new KeycloakAdminError(response.status, `the ${this.settings.clientId} service account could not sign in (${response.status})`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    this.token = { value: body.access_token, expiresAt: Date.now() + Math.max(0, body.expires_in - 30) * 1000 };
    return body.access_token;
  }

  private async call(method: string, path: string, body?: unknown, timeoutMs = this.settings.timeoutMs): Promise<Response> {
    const token = await this.accessToken();
    const response = await fetch(`${this.adminBase}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status === 401) this.token = undefined;
    if (!response.ok) {
      await response.body?.cancel();
      throw new KeycloakAdminError(response.status, `Keycloak answered ${response.status} to ${method} ${path.split('?')[0]}`);
    }
    return response;
  }

  private async json<T>(path: string): Promise<T> {
    return (await (await this.call('GET', path)).json()) as T;
  }

  private async send(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<void> {
    const response = await this.call(method, path, body, timeoutMs);
    await response.body?.cancel();
  }

  /** Every row of a paged list (`first`/`max`), up to MAX_ROWS. */
  private async all<T>(path: string): Promise<T[]> {
    const rows: T[] = [];
    const join = path.includes('?') ? '&' : '?';
    for (let first = 0; first < MAX_ROWS; first += PAGE) {
      const page = await this.json<T[]>(`${path}${join}first=${first}&max=${PAGE}`);
      rows.push(...page);
      if (page.length < PAGE) break;
    }
    return rows;
  }

  listUsers(): Promise<KcUser[]> {
    return this.all<KcUser>('/users?briefRepresentation=false');
  }

  async findUser(id: string): Promise<KcUser | undefined> {
    try {
      return await this.json<KcUser>(`/users/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof KeycloakAdminError && error.status === 404) return undefined;
      throw error;
    }
  }

  userRealmRoles(id: string): Promise<KcRole[]> {
    return this.json<KcRole[]>(`/users/${encodeURIComponent(id)}/role-mappings/realm`);
  }

  /** Realm roles the user does not hold yet (with ids): how a role is found without `view-realm`. */
  availableRealmRoles(id: string): Promise<KcRole[]> {
    return this.json<KcRole[]>(`/users/${encodeURIComponent(id)}/role-mappings/realm/available`);
  }

  userGroups(id: string): Promise<KcGroup[]> {
    return this.json<KcGroup[]>(`/users/${encodeURIComponent(id)}/groups?briefRepresentation=true`);
  }

  topGroups(): Promise<KcGroup[]> {
    return this.all<KcGroup>('/groups?briefRepresentation=true');
  }

  childGroups(id: string): Promise<KcGroup[]> {
    return this.all<KcGroup>(`/groups/${encodeURIComponent(id)}/children?briefRepresentation=true`);
  }

  groupMembers(id: string): Promise<Array<{ id: string }>> {
    return this.all<{ id: string }>(`/groups/${encodeURIComponent(id)}/members?briefRepresentation=true`);
  }

  /** Creates a group (under `parentId` when given) and returns its id. */
  async createGroup(name: string, parentId?: string): Promise<string> {
    const path = parentId === undefined ? '/groups' : `/groups/${encodeURIComponent(parentId)}/children`;
    const response = await this.call('POST', path, { name });
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (location) return location.split('/').pop() as string;
    const created = (parentId === undefined ? await this.topGroups() : await this.childGroups(parentId)).find((g) => g.name === name);
    if (!created) throw new KeycloakAdminError(500, `group ${name} was not created`);
    return created.id;
  }

  /** Creates a user and returns the new id (409 when the username or email exists). */
  async createUser(user: Omit<KcUser, 'id'>): Promise<string> {
    const response = await this.call('POST', '/users', user);
    await response.body?.cancel();
    const id = response.headers.get('location')?.split('/').pop();
    if (!id) throw new KeycloakAdminError(500, 'Keycloak created a user without saying its id');
    return id;
  }

  /** Replaces the user's representation: pass the whole user as read, changed. */
  updateUser(user: KcUser): Promise<void> {
    return this.send('PUT', `/users/${encodeURIComponent(user.id)}`, user);
  }

  deleteUser(id: string): Promise<void> {
    return this.send('DELETE', `/users/${encodeURIComponent(id)}`);
  }

  addRealmRoles(id: string, roles: KcRole[]): Promise<void> {
    return this.send('POST', `/users/${encodeURIComponent(id)}/role-mappings/realm`, roles);
  }

  removeRealmRoles(id: string, roles: KcRole[]): Promise<void> {
    return this.send('DELETE', `/users/${encodeURIComponent(id)}/role-mappings/realm`, roles);
  }

  joinGroup(id: string, groupId: string): Promise<void> {
    return this.send('PUT', `/users/${encodeURIComponent(id)}/groups/${encodeURIComponent(groupId)}`);
  }

  leaveGroup(id: string, groupId: string): Promise<void> {
    return this.send('DELETE', `/users/${encodeURIComponent(id)}/groups/${encodeURIComponent(groupId)}`);
  }

  /** Ends the user's sessions (their refresh tokens stop working). */
  logout(id: string): Promise<void> {
    return this.send('POST', `/users/${encodeURIComponent(id)}/logout`);
  }

  /** Emails the user a link to perform the actions, coming back to `redirectUri` of `clientId` afterwards. */
  executeActionsEmail(id: string, actions: string[], options: { clientId: string; redirectUri: string; lifespanSeconds: number }): Promise<void> {
    const query = new URLSearchParams({ client_id: options.clientId, redirect_uri: options.redirectUri, lifespan: String(options.lifespanSeconds) });
    // Keycloak answers only once the SMTP server took the message: allow it more than a plain call.
    return this.send('PUT', `/users/${encodeURIComponent(id)}/execute-actions-email?${query.toString()}`, actions, Math.max(this.settings.timeoutMs, EMAIL_TIMEOUT_MS));
  }
}
