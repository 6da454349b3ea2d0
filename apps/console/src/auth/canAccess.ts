import type { Permission } from '@rd/auth-core';

/**
 * react-admin resource → action → the permission of the matrix in `@rd/auth-core` it needs.
 * Anything not listed (delete, unknown resources) is denied: the gateway offers no such route.
 */
export const ACCESS_RULES: Readonly<Record<string, Readonly<Record<string, Permission>>>> = {
  communities: {
    list: 'community:read',
    show: 'community:read',
    create: 'community:create',
    edit: 'community:update',
    // Custom action of the community page: the onboarding buttons.
    transition: 'community:transition',
  },
  'communities-map': { list: 'community:read' },
  // The import wizard is a page shown as the resource's list.
  'community-imports': { list: 'community:create' },
  regions: { list: 'geography:read', show: 'geography:read', create: 'geography:manage', edit: 'geography:manage' },
  districts: { list: 'geography:read', show: 'geography:read', create: 'geography:manage', edit: 'geography:manage' },
  organisations: {
    list: 'organisation:read',
    show: 'organisation:read',
    create: 'organisation:manage',
    edit: 'organisation:manage',
  },
  // Personal data: never for the regional reviewer, who lacks contact:read.
  contacts: {
    list: 'contact:read',
    show: 'contact:read',
    create: 'contact:manage',
    edit: 'contact:manage',
    erase: 'contact:erase',
    // Consent to print a work phone on the contact card: one's own contact, or any with contact:manage (ADR 49).
    publish: 'contact:publish',
  },
  // The officer roster: read with the community (as the gateway does), assigned with officer:assign.
  'officer-assignments': { list: 'community:read', show: 'community:read', create: 'officer:assign' },
  meetings: {
    list: 'meeting:read',
    show: 'meeting:read',
    create: 'meeting:plan',
    // PATCH /meetings/:id, offered while draft, scheduled or postponed (MeetingEditButton).
    edit: 'meeting:plan',
    // Adding, removing and moving agenda items before the meeting is held (AgendaPanel).
    editAgenda: 'meeting:plan',
    transition: 'meeting:plan',
    // Custom actions of the meeting page: the invitation list, and what is recorded at the meeting itself.
    invite: 'meeting:plan',
    hold: 'meeting:hold',
    // The minutes step's buttons, as the gateway guards PUT /minutes and POST /minutes/approve (approving distributes).
    draftMinutes: 'minutes:draft',
    approveMinutes: 'minutes:approve',
  },
  // The programme's history (ADR 35): a reporting day recorded afterwards (a create page) and their import (a page
  // shown as the list); the join date is part of the community's transition.
  'past-reporting-days': { create: 'history:record' },
  'past-reporting-day-imports': { list: 'history:record' },
  // Concerns live on the meeting page and in the register across meetings (the list); what each reader sees is decided
  // by the gateway.
  concerns: { list: 'concern:read', create: 'concern:record', edit: 'concern:record' },
  // The handbook templates: read by everyone who reads meetings; a new version is published nationally (template:manage).
  templates: { list: 'meeting:read', show: 'meeting:read', create: 'template:manage' },
  // The legal briefing library: read by everyone who reads meetings, published nationally (briefing:manage).
  briefings: { list: 'meeting:read', show: 'meeting:read', create: 'briefing:manage' },
  actions: { list: 'action:read', manage: 'action:manage' },
  // One's own secret calendar feed (ADR 37), from the user menu: as the gateway guards /calendar/feed.
  'calendar-feed': { manage: 'meeting:read' },
  reports: { list: 'report:read', show: 'report:read', drillDown: 'report:drill-down' },
  // The reporting dashboard (a page) and the export jobs behind its buttons; the gateway scopes both.
  reporting: { list: 'report:read' },
  'report-exports': { list: 'report:read', create: 'report:read' },
  // Notifications: one's own inbox, the delivery log with its resend button, templates, reminder settings.
  'notifications/inbox': { list: 'inbox:read', mark: 'inbox:read' },
  'notifications/deliveries': { list: 'delivery:read', show: 'delivery:read', resend: 'delivery:resend' },
  'notifications/templates': { list: 'notification-template:manage', show: 'notification-template:manage', edit: 'notification-template:manage' },
  'notifications/settings': { list: 'notification-settings:manage', edit: 'notification-settings:manage' },
  // Read-only, national coordinator only: no show, edit or delete.
  audit: { list: 'audit:read' },
  // User administration (the realm's accounts): who reads them, and who invites, changes, disables, re-enables and
  // resets them. Which roles and districts an NGO admin may manage is decided by the gateway.
  users: {
    list: 'user:read',
    show: 'user:read',
    create: 'user:manage',
    edit: 'user:manage',
    disable: 'user:manage',
    enable: 'user:manage',
    resetCredentials: 'user:manage',
  },
  // The people in scope, by name, for pickers and names; never a page of its own.
  directory: { list: 'directory:read' },
};

export interface AccessRequest {
  resource: string;
  action: string;
}

/** Pure access decision for react-admin's `authProvider.canAccess`, from the user's permissions. */
export function canAccess(permissions: readonly Permission[], { resource, action }: AccessRequest): boolean {
  // hasOwn: a resource or action named like an Object.prototype member must not match anything.
  const rules = Object.hasOwn(ACCESS_RULES, resource) ? ACCESS_RULES[resource] : undefined;
  const needed = rules && Object.hasOwn(rules, action) ? rules[action] : undefined;
  return needed !== undefined && permissions.includes(needed);
}
