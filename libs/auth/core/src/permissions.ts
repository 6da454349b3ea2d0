import { ROLES, type Actor, type Role, type ServiceActorName } from '@rd/contracts';

/** Every permission of the platform, as `<resource>:<action>`. */
export const PERMISSIONS = [
  'geography:read',
  'community:read',
  'community:create',
  'community:update',
  'community:transition',
  'geography:manage',
  'organisation:read',
  'organisation:manage',
  'contact:read',
  'contact:manage',
  'contact:erase',
  'contact:publish',
  'officer:assign',
  'report:read',
  'report:drill-down',
  'audit:read',
  'concern:record',
  'concern:read',
  'action:read',
  'action:manage',
  'meeting:read',
  'meeting:plan',
  'meeting:hold',
  'minutes:read',
  'minutes:draft',
  'minutes:approve',
  'history:record',
  'briefing:manage',
  'template:manage',
  'inbox:read',
  'delivery:read',
  'delivery:resend',
  'notification-template:manage',
  'notification-settings:manage',
  'user:read',
  'user:manage',
  'directory:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_DESCRIPTIONS: Readonly<Record<Permission, string>> = {
  'geography:read': 'See regions and districts in scope',
  'community:read': 'List and open communities in scope',
  'community:create': 'Propose a new community in a district in scope',
  'community:update': 'Change a community in scope (location, pairing, organisations, focal points)',
  'community:transition': 'Move a community in scope through onboarding (proposed → onboarding → active → paused → archived)',
  'geography:manage': 'Add and rename regions and districts',
  'organisation:read': 'See organisations in scope',
  'organisation:manage': 'Add, change and remove organisations in scope',
  'contact:read': 'See contacts in scope (personal data)',
  'contact:manage': 'Add and change contacts in scope, including consent',
  'contact:publish':
    'Give or withdraw consent to print a work phone on the community contact card: for one’s own contact (linked login), or for any contact in scope with contact:manage',
  'contact:erase': 'Erase a contact’s personal data on request',
  'officer:assign': 'Assign the community police officer of a community in scope',
  'report:read': 'See aggregate reports for districts in scope',
  'report:drill-down': 'Open reports of single communities in scope and list the communities without a reporting day (not the regional reviewer)',
  'audit:read': 'Read the audit log',
  'meeting:read': 'List and open meetings (reporting days) in districts in scope, and their calendars; make, remake and revoke one’s own secret calendar feed URL',
  'meeting:plan': 'Create and change meetings in scope (title, venue, organisers; agenda items added, removed and moved until held); schedule, postpone and cancel them',
  'meeting:hold': 'Record a meeting in scope as held and close it',
  'minutes:read': 'Read the minutes of meetings in scope and their draft versions, on screen or as PDF (never confidential concern text)',
  'minutes:draft': 'Draft the minutes of held meetings in scope until they are approved',
  'minutes:approve': 'Approve (and so lock and distribute) the minutes of meetings in scope: organising police or facilitating NGO',
  'history:record': 'Record reporting days held before the software (with attendance, concern and survey counts, and the minutes as a file) for communities in scope, one by one or from a spreadsheet',
  'concern:record': 'Record and edit concerns raised at meetings in scope (sensitivity rules apply)',
  'concern:read': 'Read concerns in scope that the sensitivity rules allow (canReadConcern)',
  'action:read': 'See follow-up actions of concerns one may read',
  'action:manage': 'Assign follow-up actions on concerns one may read and move them on',
  'briefing:manage': 'Publish legal briefings and new versions of them (the library is national)',
  'template:manage': 'Publish new versions of the handbook templates (agenda and preparation checklist; national)',
  'inbox:read': 'Read one’s own console messages (addressed to one’s roles in districts of one’s scope) and mark them read or unread',
  'delivery:read': 'See the notification delivery log of districts in scope (recipient, channel, status, provider error)',
  'delivery:resend': 'Send a logged notification again to its recipient (current address and consent)',
  'notification-template:manage': 'Read, preview and write new versions of notification templates (national)',
  'notification-settings:manage': 'See and change the reminder settings of districts in scope',
  'user:read': 'See the user accounts in scope (the coordinator: all; an NGO admin: users of the own districts), with email',
  'user:manage': 'Invite, change, disable, re-enable and reset the password of users in scope (an NGO admin: police-officer and local-government users of the own districts only)',
  'directory:read': 'Look up enabled users in scope by name, role and organisation (pickers; never email or phone)',
};

/**
 * The single role → permission matrix. Gateway guards, the console's canAccess and
 * docs/roles-and-permissions.md are all derived from it.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  'national-coordinator': PERMISSIONS,
  'ngo-admin': [
    'geography:read',
    'community:read',
    'community:create',
    'community:update',
    'community:transition',
    'organisation:read',
    'organisation:manage',
    'contact:read',
    'contact:manage',
    'contact:erase',
    'contact:publish',
    'officer:assign',
    'report:read',
    'report:drill-down',
    'concern:record',
    'concern:read',
    'action:read',
    'action:manage',
    'meeting:read',
    'meeting:plan',
    'meeting:hold',
    'minutes:read',
    'minutes:draft',
    'minutes:approve',
    'history:record',
    'briefing:manage',
    'inbox:read',
    'delivery:read',
    'delivery:resend',
    'notification-settings:manage',
    'user:read',
    'user:manage',
    'directory:read',
  ],
  'police-officer': ['geography:read', 'community:read', 'organisation:read', 'contact:read', 'contact:publish', 'officer:assign', 'report:read', 'report:drill-down', 'concern:record', 'concern:read', 'action:read', 'action:manage', 'meeting:read', 'meeting:plan', 'meeting:hold', 'minutes:read', 'minutes:draft', 'minutes:approve', 'inbox:read', 'delivery:read', 'delivery:resend', 'directory:read'],
  // Local government owns follow-up actions assigned to the administration.
  'local-government': ['geography:read', 'community:read', 'organisation:read', 'contact:read', 'report:read', 'report:drill-down', 'concern:read', 'action:read', 'action:manage', 'meeting:read', 'minutes:read', 'inbox:read', 'directory:read'],
  // Aggregates only: no lists of records, no personal data.
  'regional-reviewer': ['geography:read', 'report:read'],
};

/**
 * Services that act on their own (background work with no user behind it) and what they may ask other services.
 * Their actor carries `service` and no roles; only that service's NATS user may publish the subjects it needs
 * (docs/adr/0005-actor-trust-and-production-identity.md, docs/adr/0015-notifications.md).
 */
export const SERVICE_PERMISSIONS: Readonly<Record<ServiceActorName, readonly Permission[]>> = {
  // Resolves recipients at send time: meeting details and invitees, contacts with consent, organisations,
  // communities and districts (time zone), the approved minutes. Reads only; never concerns or actions.
  notifications: ['geography:read', 'community:read', 'organisation:read', 'contact:read', 'meeting:read', 'minutes:read'],
};

/** The actor a service uses for its own requests: national scope, no roles, its permissions from SERVICE_PERMISSIONS. */
export function serviceActor(service: ServiceActorName): Actor {
  return { userId: `service:${service}`, username: `service:${service}`, roles: [], scope: { national: true, regions: [], districts: [] }, service };
}

/** hasPermission for a whole actor: a user's roles, or a service actor's own list. */
export function actorHasPermission(actor: Actor, permission: Permission): boolean {
  if (actor.service !== undefined) return SERVICE_PERMISSIONS[actor.service].includes(permission);
  return hasPermission(actor.roles, permission);
}

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  'national-coordinator': 'National coordinator: all regions; sets up geography, sees everything, manages access',
  'ngo-admin': 'NGO admin or facilitator: assigned districts; onboards communities, plans and records meetings',
  'police-officer': 'District police or community inspector: own district; schedules and holds reporting days',
  'local-government': 'Local government official: own district; invited, receives minutes, owns actions',
  'regional-reviewer': 'Regional law-enforcement reviewer: a region; aggregates only',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/**
 * The permission that lets a role see objects of a kind at all, by the resource of a route's permission. A role
 * without it can never see such an object, so a route naming one answers it 404, like anything else out of its
 * reach (one answer for what is not yours, so nobody learns that it exists); kinds without an entry have no
 * object-level visibility.
 */
const OBJECT_READ_PERMISSION: Readonly<Partial<Record<string, Permission>>> = {
  geography: 'geography:read',
  community: 'community:read',
  officer: 'community:read',
  organisation: 'organisation:read',
  contact: 'contact:read',
  report: 'report:read',
  audit: 'audit:read',
  concern: 'concern:read',
  action: 'action:read',
  meeting: 'meeting:read',
  minutes: 'minutes:read',
  inbox: 'inbox:read',
  delivery: 'delivery:read',
  user: 'user:read',
};

/** Whether the roles may see objects of the kind `permission` acts on (see OBJECT_READ_PERMISSION). */
export function seesObjectsOf(roles: readonly Role[], permission: Permission): boolean {
  const read = OBJECT_READ_PERMISSION[permission.split(':')[0]];
  return read === undefined || hasPermission(roles, read);
}
