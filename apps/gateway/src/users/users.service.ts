import { Inject, Injectable, Logger } from '@nestjs/common';
import { canManageUser, canSeeUser, isRole, scopeFromGroups, seesInDirectory, userChangeDecision, type UserPlacement } from '@rd/auth-core';
import {
  ErrorCode,
  GeoCodeSchema,
  GetDistrictQryV1,
  GetOrganisationQryV1,
  GetRegionQryV1,
  ROLE_ORGANISATION_KINDS,
  ROLE_SCOPE_KIND,
  ROLES,
  type Actor,
  type CreateUserInput,
  type DirectoryEntry,
  type DirectoryFilter,
  type Role,
  type UpdateUserInput,
  type UserListFilter,
  type UserView,
} from '@rd/contracts';
import { RpcError, type RpcClient } from '@rd/messaging';
import type { ListPage, ListParams } from '../http/list-params';
import { ProblemError } from '../problem/problem';
import { RPC_CLIENT } from '../rpc/rpc.module';
import { KeycloakAdmin, KeycloakAdminError, type KcGroup, type KcRole, type KcUser } from './keycloak-admin';

export const KEYCLOAK_ADMIN = Symbol('KEYCLOAK_ADMIN');
export const USER_ADMIN_OPTIONS = Symbol('USER_ADMIN_OPTIONS');

export interface UserAdminOptions {
  /** Where the invitation and reset links lead after the user is done (the console). */
  consoleUrl: string;
  /** The client the links belong to (its redirect URIs must include `consoleUrl/`). */
  linkClientId: string;
  /** How long an invitation link works. */
  linkLifespanSeconds: number;
}

/** The user attribute naming the user's organisation (mapped to the token claim `organisation`). */
const ORGANISATION_ATTRIBUTE = 'organisation';
const INVITATION_ACTIONS = ['VERIFY_EMAIL', 'UPDATE_PASSWORD'];
/** Keycloak names every client's service account user like this; they are not people. */
const SERVICE_ACCOUNT_PREFIX = 'service-account-';

type Place = Pick<UserPlacement, 'regionCode' | 'districtCode'>;

/** The realm as user lists need it, read on each request (docs/adr/0033-user-administration.md, consequences). */
interface RealmView {
  users: KcUser[];
  roleOf: Map<string, Role>;
  placeOf: Map<string, Place>;
  regionDistricts: Map<string, string[]>;
}

/** The region and district groups: `/<region>` and `/<region>/<district>`. */
interface GeoGroups {
  regions: Map<string, KcGroup>;
  /** By district code. */
  districts: Map<string, { group: KcGroup; regionCode: string }>;
}

const NO_PLACE: Place = { regionCode: null, districtCode: null };
/** Keycloak calls in flight at once when reading every user's roles. */
const ROLE_LOOKUP_CONCURRENCY = 8;

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}

function placeOfPath(path: string): Place | undefined {
  const parts = path.split('/').filter(Boolean);
  if (parts.length < 1 || parts.length > 2 || !parts.every((p) => GeoCodeSchema.safeParse(p).success)) return undefined;
  return { regionCode: parts[0], districtCode: parts[1] ?? null };
}

/** The user's place from its groups: a district group wins over a region group. */
function placeOfGroups(groups: readonly KcGroup[]): Place {
  const places = groups.map((g) => placeOfPath(g.path)).filter((p): p is Place => p !== undefined);
  return places.find((p) => p.districtCode !== null) ?? places[0] ?? NO_PLACE;
}

/** The user's one platform role (the first in ROLES order if Keycloak holds several). */
function roleOfNames(names: readonly string[]): Role | null {
  return ROLES.find((role) => names.includes(role)) ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const organisationOf = (user: KcUser): string | null => user.attributes?.[ORGANISATION_ATTRIBUTE]?.[0] ?? null;
const isPerson = (user: KcUser): boolean => !user.username.startsWith(SERVICE_ACCOUNT_PREFIX);
const fullName = (user: KcUser): string => [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;

function toView(user: KcUser, role: Role | null, place: Place): UserView {
  return {
    id: user.id,
    username: user.username,
    email: user.email ?? null,
    firstName: user.firstName ?? null,
    lastName: user.lastName ?? null,
    enabled: user.enabled,
    emailVerified: user.emailVerified ?? false,
    role,
    regionCode: place.regionCode,
    districtCode: place.districtCode,
    organisationId: organisationOf(user),
    createdAt: new Date(user.createdTimestamp ?? 0).toISOString(),
  };
}

/** Sorts and pages rows in memory (the realm is read whole; ADR 33). Nulls sort last. */
function page<T>(rows: T[], params: ListParams, sortable: readonly string[], defaultSort: string): ListPage<T> {
  const field = params.sort && sortable.includes(params.sort) ? params.sort : defaultSort;
  const direction = params.order === 'DESC' ? -1 : 1;
  const value = (row: T) => (row as Record<string, unknown>)[field];
  const sorted = [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return String(x).localeCompare(String(y)) * direction;
  });
  return { items: sorted.slice(params.offset, params.offset + params.limit), total: rows.length };
}

const contains = (needle: string | undefined, ...haystack: Array<string | null | undefined>): boolean =>
  needle === undefined || needle === '' || haystack.some((text) => text?.toLowerCase().includes(needle.toLowerCase()));

const scopeInvalid = (field: string, message: string) => new ProblemError('user.scope-invalid', 'The scope does not fit the role', [{ field, message }]);
const organisationInvalid = (message: string) => new ProblemError('user.organisation-invalid', 'The organisation does not fit', [{ field: 'organisationId', message }]);
/** Keycloak's user profile refused a value the contract let through (400 from Keycloak): the client's 400, not a 503. */
const refusedByProfile = (error: unknown): unknown =>
  error instanceof KeycloakAdminError && error.status === 400 ? new ProblemError('request.invalid', 'The request is invalid', [{ field: 'body', message: 'Keycloak’s user profile refused a value' }]) : error;
const userNotFound = () => new ProblemError('user.not-found', 'No such user');
const forbidden = (detail: string) => new ProblemError('auth.forbidden', detail);

/**
 * User administration and the directory over Keycloak's Admin REST API. Every rule is decided here from the
 * caller's actor (libs/auth/core/src/user-admin.ts); Keycloak only stores the result.
 */
@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    @Inject(KEYCLOAK_ADMIN) private readonly keycloak: KeycloakAdmin,
    @Inject(RPC_CLIENT) private readonly rpc: RpcClient,
    @Inject(USER_ADMIN_OPTIONS) private readonly options: UserAdminOptions,
  ) {}

  list(actor: Actor, filter: UserListFilter, params: ListParams): Promise<ListPage<UserView>> {
    return this.keycloakCall(async () => {
      const realm = await this.realm();
      const rows = realm.users
        .filter(isPerson)
        .map((user) => toView(user, realm.roleOf.get(user.id) ?? null, realm.placeOf.get(user.id) ?? NO_PLACE))
        .filter((view) => canSeeUser(actor, view))
        .filter(
          (view) =>
            contains(filter.q, view.firstName, view.lastName, view.username, view.email) &&
            (filter.role === undefined || view.role === filter.role) &&
            (filter.districtCode === undefined || view.districtCode === filter.districtCode) &&
            (filter.enabled === undefined || view.enabled === filter.enabled) &&
            (filter.id === undefined || filter.id.includes(view.id)),
        );
      return page(rows, params, ['lastName', 'firstName', 'email', 'username', 'role', 'districtCode', 'createdAt'], 'lastName');
    });
  }

  get(actor: Actor, id: string): Promise<UserView> {
    return this.keycloakCall(async () => (await this.visibleUser(actor, id)).view);
  }

  directory(actor: Actor, filter: DirectoryFilter, params: ListParams): Promise<ListPage<DirectoryEntry>> {
    return this.keycloakCall(async () => {
      const realm = await this.realm();
      const rows: DirectoryEntry[] = [];
      for (const user of realm.users) {
        const role = realm.roleOf.get(user.id) ?? null;
        if (!user.enabled || !isPerson(user) || role === null) continue;
        const place = realm.placeOf.get(user.id) ?? NO_PLACE;
        const regionDistricts = place.regionCode ? (realm.regionDistricts.get(place.regionCode) ?? []) : [];
        if (!seesInDirectory(actor, { role, ...place, regionDistricts })) continue;
        const districtCodes = place.districtCode !== null ? [place.districtCode] : role === 'regional-reviewer' ? regionDistricts : [];
        rows.push({ id: user.id, name: fullName(user), role, organisationId: organisationOf(user), districtCodes });
      }
      const kept = rows.filter(
        (entry) =>
          contains(filter.q, entry.name) &&
          (filter.role === undefined || entry.role === filter.role) &&
          (filter.districtCode === undefined || entry.districtCodes.includes(filter.districtCode)) &&
          (filter.id === undefined || filter.id.includes(entry.id)),
      );
      return page(kept, params, ['name', 'role'], 'name');
    });
  }

  create(actor: Actor, input: CreateUserInput, correlationId: string): Promise<UserView> {
    return this.keycloakCall(async () => {
      const target = await this.resolvePlacement(actor, input.role, input.districtCode, input.regionCode, correlationId);
      if (input.organisationId !== undefined) await this.checkOrganisation(actor, input.organisationId, input.role, correlationId);
      const group = await this.ensureGroup(target);
      let id: string;
      try {
        id = await this.keycloak.createUser({
          username: input.email,
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          enabled: true,
          emailVerified: false,
          attributes: input.organisationId ? { [ORGANISATION_ATTRIBUTE]: [input.organisationId] } : {},
        });
      } catch (error) {
        if (error instanceof KeycloakAdminError && error.status === 409) throw new ProblemError('user.email-taken', 'A user with this email exists', [{ field: 'email', message: 'already taken' }]);
        throw refusedByProfile(error);
      }
      try {
        await this.keycloak.addRealmRoles(id, [await this.realmRole(id, input.role)]);
        if (group) await this.keycloak.joinGroup(id, group.id);
        await this.sendActions(id, INVITATION_ACTIONS);
      } catch (error) {
        // Nothing half-made stays behind: the retry starts clean.
        await this.keycloak.deleteUser(id).catch((cleanup: unknown) => this.logger.error(`could not delete the half-created user ${id}: ${String(cleanup)}`));
        throw error;
      }
      return (await this.visibleUser(actor, id)).view;
    });
  }

  update(actor: Actor, id: string, patch: UpdateUserInput, correlationId: string): Promise<UserView> {
    return this.keycloakCall(async () => {
      const { user, view } = await this.manageableUser(actor, id);
      const placementChanges = patch.role !== undefined || patch.districtCode !== undefined || patch.regionCode !== undefined;
      const role = patch.role ?? view.role;
      let target: UserPlacement = view;
      if (placementChanges) {
        if (role === null) throw scopeInvalid('role', 'the user has no role: give one');
        const kind = ROLE_SCOPE_KIND[role];
        // A scope not given is kept when it fits the (new) role.
        const districtCode = patch.districtCode ?? (patch.regionCode === undefined && kind === 'district' ? (view.districtCode ?? undefined) : undefined);
        const regionCode = patch.regionCode ?? (patch.districtCode === undefined && kind === 'region' && view.districtCode === null ? (view.regionCode ?? undefined) : undefined);
        target = await this.resolvePlacement(actor, role, districtCode, regionCode, correlationId);
      }
      const organisationId = patch.organisationId !== undefined ? patch.organisationId : organisationOf(user);
      if (organisationId !== null && (patch.organisationId !== undefined || patch.role !== undefined)) {
        if (role === null) throw organisationInvalid('the user has no role: give one first');
        await this.checkOrganisation(actor, organisationId, role, correlationId);
      }
      const group = placementChanges ? await this.ensureGroup(target) : undefined;

      const attributes = { ...(user.attributes ?? {}) };
      if (organisationId === null) delete attributes[ORGANISATION_ATTRIBUTE];
      else attributes[ORGANISATION_ATTRIBUTE] = [organisationId];
      await this.keycloak.updateUser({ ...user, firstName: patch.firstName ?? user.firstName, lastName: patch.lastName ?? user.lastName, attributes }).catch((error: unknown) => {
        throw refusedByProfile(error);
      });
      if (placementChanges && target.role !== null) {
        const held = (await this.keycloak.userRealmRoles(id)).filter((r) => (ROLES as readonly string[]).includes(r.name) && r.name !== target.role);
        if (held.length) await this.keycloak.removeRealmRoles(id, held);
        if (view.role !== target.role) await this.keycloak.addRealmRoles(id, [await this.realmRole(id, target.role)]);
        for (const old of await this.keycloak.userGroups(id)) {
          if (placeOfPath(old.path) !== undefined && old.id !== group?.id) await this.keycloak.leaveGroup(id, old.id);
        }
        if (group) await this.keycloak.joinGroup(id, group.id);
      }
      return (await this.visibleUser(actor, id, { ignoreScope: true })).view;
    });
  }

  setEnabled(actor: Actor, id: string, enabled: boolean): Promise<UserView> {
    return this.keycloakCall(async () => {
      if (!enabled && id === actor.userId) throw new ProblemError('user.self-disable', 'You cannot disable your own account');
      const { user } = await this.manageableUser(actor, id);
      await this.keycloak.updateUser({ ...user, enabled });
      if (!enabled) await this.keycloak.logout(id);
      return (await this.visibleUser(actor, id)).view;
    });
  }

  resetCredentials(actor: Actor, id: string): Promise<{ id: string }> {
    return this.keycloakCall(async () => {
      const { view } = await this.manageableUser(actor, id);
      if (!view.enabled) throw new ProblemError('resource.conflict', 'The user is disabled: enable them first');
      await this.sendActions(id, ['UPDATE_PASSWORD']);
      return { id };
    });
  }

  /** The realm role to give the user, with its id (from the roles the user does not hold yet). */
  private async realmRole(userId: string, name: Role): Promise<KcRole> {
    const role = (await this.keycloak.availableRealmRoles(userId)).find((r) => r.name === name);
    if (!role) throw new KeycloakAdminError(500, `realm role ${name} is missing in Keycloak`);
    return role;
  }

  private async sendActions(id: string, actions: string[]): Promise<void> {
    try {
      await this.keycloak.executeActionsEmail(id, actions, {
        clientId: this.options.linkClientId,
        redirectUri: `${this.options.consoleUrl.replace(/\/$/, '')}/`,
        lifespanSeconds: this.options.linkLifespanSeconds,
      });
    } catch (error) {
      this.logger.error(`Keycloak could not send ${actions.join(', ')} to user ${id}: ${String(error)}`);
      throw new ProblemError('user.invitation-not-sent', 'The email could not be sent; try again');
    }
  }

  /** The user with role and place, or 404 when missing or (unless `ignoreScope`) outside what the actor may see. */
  private async visibleUser(actor: Actor, id: string, options: { ignoreScope?: boolean } = {}): Promise<{ user: KcUser; view: UserView }> {
    const user = await this.keycloak.findUser(id);
    if (!user || !isPerson(user)) throw userNotFound();
    const [roles, groups] = await Promise.all([this.keycloak.userRealmRoles(id), this.keycloak.userGroups(id)]);
    const view = toView(user, roleOfNames(roles.map((r) => r.name)), placeOfGroups(groups));
    if (!options.ignoreScope && !canSeeUser(actor, view)) throw userNotFound();
    return { user, view };
  }

  /** 404 when the actor may not see the user, 403 when it may see but not manage them. */
  private async manageableUser(actor: Actor, id: string): Promise<{ user: KcUser; view: UserView }> {
    const found = await this.visibleUser(actor, id);
    if (!canManageUser(actor, found.view)) throw forbidden('You may not manage this user');
    return found;
  }

  /**
   * Checks that the scope fits the role and exists, and that the actor may place a user there (403 otherwise).
   * The district's region comes from the realm's groups, or from the communities service for a district that has
   * no group yet (it is created when the user is placed).
   */
  private async resolvePlacement(actor: Actor, role: Role, districtCode: string | undefined, regionCode: string | undefined, correlationId: string): Promise<UserPlacement> {
    const kind = ROLE_SCOPE_KIND[role];
    let target: UserPlacement;
    if (kind === 'national') {
      if (districtCode !== undefined || regionCode !== undefined) throw scopeInvalid(districtCode ? 'districtCode' : 'regionCode', `a ${role} is national: no district or region`);
      target = { role, ...NO_PLACE };
    } else if (kind === 'region') {
      if (regionCode === undefined || districtCode !== undefined) throw scopeInvalid('regionCode', `a ${role} needs a region and no district`);
      target = { role, regionCode, districtCode: null };
    } else {
      if (districtCode === undefined || regionCode !== undefined) throw scopeInvalid('districtCode', `a ${role} needs a district (its region follows)`);
      target = { role, regionCode: await this.regionOfDistrict(actor, districtCode, correlationId), districtCode };
    }
    if (userChangeDecision(actor, null, target) !== 'allowed') throw forbidden(`You may not give the role ${role} in this scope`);
    if (kind === 'region' && !(await this.geoGroups()).regions.has(target.regionCode as string)) {
      await this.rpc.request(GetRegionQryV1, actor, { code: target.regionCode as string }, { correlationId }).catch((error: unknown) => {
        if (error instanceof RpcError && error.payload.code === ErrorCode.NotFound) throw scopeInvalid('regionCode', 'unknown region');
        throw error;
      });
    }
    return target;
  }

  private async regionOfDistrict(actor: Actor, districtCode: string, correlationId: string): Promise<string> {
    const known = (await this.geoGroups()).districts.get(districtCode);
    if (known) return known.regionCode;
    const district = await this.rpc.request(GetDistrictQryV1, actor, { code: districtCode }, { correlationId }).catch((error: unknown) => {
      if (!(error instanceof RpcError && error.payload.code === ErrorCode.NotFound)) throw error;
      // Unknown, or outside the caller's scope: the coordinator sees every district, so for others it is a refusal.
      if (actor.scope.national) throw scopeInvalid('districtCode', 'unknown district');
      throw forbidden('You may not give a role in this district');
    });
    return district.regionCode;
  }

  /** The group of a placement, created (with its region's group) when the district or region has none yet. */
  private async ensureGroup(target: UserPlacement): Promise<KcGroup | undefined> {
    if (target.regionCode === null) return undefined;
    const groups = await this.geoGroups();
    let region = groups.regions.get(target.regionCode);
    if (!region) {
      const id = await this.keycloak.createGroup(target.regionCode);
      region = { id, name: target.regionCode, path: `/${target.regionCode}` };
    }
    if (target.districtCode === null) return region;
    const district = groups.districts.get(target.districtCode);
    if (district) return district.group;
    const id = await this.keycloak.createGroup(target.districtCode, region.id);
    return { id, name: target.districtCode, path: `/${target.regionCode}/${target.districtCode}` };
  }

  private async checkOrganisation(actor: Actor, organisationId: string, role: Role, correlationId: string): Promise<void> {
    const organisation = await this.rpc.request(GetOrganisationQryV1, actor, { id: organisationId }, { correlationId }).catch((error: unknown) => {
      if (error instanceof RpcError && error.payload.code === ErrorCode.NotFound) return null;
      throw error;
    });
    if (!organisation) throw organisationInvalid('unknown organisation');
    const kinds = ROLE_ORGANISATION_KINDS[role];
    if (!kinds.includes(organisation.kind)) throw organisationInvalid(`a ${role} belongs to an organisation of kind ${kinds.join(' or ')}, not ${organisation.kind}`);
  }

  private async geoGroups(): Promise<GeoGroups> {
    const regions = new Map<string, KcGroup>();
    const districts = new Map<string, { group: KcGroup; regionCode: string }>();
    for (const top of await this.keycloak.topGroups()) {
      if (!GeoCodeSchema.safeParse(top.name).success) continue;
      regions.set(top.name, top);
      for (const child of await this.keycloak.childGroups(top.id)) {
        if (GeoCodeSchema.safeParse(child.name).success) districts.set(child.name, { group: child, regionCode: top.name });
      }
    }
    return { regions, districts };
  }

  /**
   * Users, each one's platform role (one call per user: the service account may not list a role's members without
   * `view-realm`) and the members of each region and district group.
   */
  private async realm(): Promise<RealmView> {
    const [users, groups] = await Promise.all([this.keycloak.listUsers(), this.geoGroups()]);
    const people = users.filter(isPerson);
    const roleOf = new Map<string, Role>();
    await inBatches(people, ROLE_LOOKUP_CONCURRENCY, async (user) => {
      const role = roleOfNames((await this.keycloak.userRealmRoles(user.id)).map((r) => r.name));
      if (role !== null) roleOf.set(user.id, role);
    });
    const placeOf = new Map<string, Place>();
    const regionDistricts = new Map<string, string[]>();
    for (const [regionCode, group] of groups.regions) {
      regionDistricts.set(regionCode, []);
      for (const { id } of await this.keycloak.groupMembers(group.id)) if (!placeOf.has(id)) placeOf.set(id, { regionCode, districtCode: null });
    }
    for (const [districtCode, { group, regionCode }] of groups.districts) {
      regionDistricts.get(regionCode)?.push(districtCode);
      for (const { id } of await this.keycloak.groupMembers(group.id)) {
        if (placeOf.get(id)?.districtCode == null) placeOf.set(id, { regionCode, districtCode });
      }
    }
    for (const list of regionDistricts.values()) list.sort();
    return { users: people, roleOf, placeOf, regionDistricts };
  }

  /** Keycloak unreachable or refusing the service account: 503, never its message. */
  /**
   * The user as Keycloak has them now, as the token would say: roles, scope from the groups, organisation; undefined
   * when the user no longer exists or is disabled. For what is served without a token (calendar feeds, ADR 37).
   */
  currentActor(userId: string): Promise<Actor | undefined> {
    return this.keycloakCall(async () => {
      const user = await this.keycloak.findUser(userId);
      if (!user || !user.enabled || !isPerson(user)) return undefined;
      const [roles, groups] = await Promise.all([this.keycloak.userRealmRoles(userId), this.keycloak.userGroups(userId)]);
      const names = roles.map((r) => r.name).filter(isRole);
      const organisationId = organisationOf(user);
      return {
        userId: user.id,
        username: user.username,
        roles: names,
        scope: scopeFromGroups(groups.map((g) => g.path), names),
        ...(organisationId && UUID.test(organisationId) ? { organisationId: organisationId.toLowerCase() } : {}),
      };
    });
  }

  private async keycloakCall<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ProblemError || error instanceof RpcError) throw error;
      const name = (error as Error | undefined)?.name;
      if (error instanceof KeycloakAdminError || name === 'TimeoutError' || name === 'AbortError' || (error instanceof TypeError && /fetch failed/.test(error.message))) {
        this.logger.error(`Keycloak admin API: ${String(error)}`);
        throw new ProblemError('user.directory-unavailable', 'User administration is unavailable; try again');
      }
      throw error;
    }
  }
}
