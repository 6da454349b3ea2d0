import { permissionsOf, type Permission } from '@rd/auth-core';
import {
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  EXPORT_STATUSES,
  MISSING_REASONS,
  NOTIFICATION_TYPES,
  REPORT_LEVELS,
  SKIP_REASONS,
  type Role,
} from '@rd/contracts';
import { canAccess } from '../auth/canAccess';
import { en } from '../i18n/en';
import { PERIOD_PRESETS } from '../reporting/period';

const as = (...roles: Role[]): Permission[] => [...permissionsOf(roles)];

describe('notification and reporting screens: who sees which buttons', () => {
  it('should give every role but the regional reviewer an inbox', () => {
    for (const role of ['national-coordinator', 'ngo-admin', 'police-officer', 'local-government'] as const) {
      expect(canAccess(as(role), { resource: 'notifications/inbox', action: 'list' })).toBe(true);
    }
    expect(canAccess(as('regional-reviewer'), { resource: 'notifications/inbox', action: 'list' })).toBe(false);
  });

  it('should show the delivery log and resend to organisers, not to local government or reviewers', () => {
    for (const role of ['national-coordinator', 'ngo-admin', 'police-officer'] as const) {
      expect(canAccess(as(role), { resource: 'notifications/deliveries', action: 'list' })).toBe(true);
      expect(canAccess(as(role), { resource: 'notifications/deliveries', action: 'resend' })).toBe(true);
    }
    for (const role of ['local-government', 'regional-reviewer'] as const) {
      expect(canAccess(as(role), { resource: 'notifications/deliveries', action: 'list' })).toBe(false);
      expect(canAccess(as(role), { resource: 'notifications/deliveries', action: 'resend' })).toBe(false);
    }
  });

  it('should let only the national coordinator edit templates, and coordinator and NGOs the reminder settings', () => {
    expect(canAccess(as('national-coordinator'), { resource: 'notifications/templates', action: 'edit' })).toBe(true);
    expect(canAccess(as('ngo-admin'), { resource: 'notifications/templates', action: 'list' })).toBe(false);
    expect(canAccess(as('ngo-admin'), { resource: 'notifications/settings', action: 'edit' })).toBe(true);
    expect(canAccess(as('police-officer'), { resource: 'notifications/settings', action: 'list' })).toBe(false);
  });

  it('should show the reporting dashboard and exports to every role, the missing list only with drill-down', () => {
    for (const role of ['national-coordinator', 'ngo-admin', 'police-officer', 'local-government', 'regional-reviewer'] as const) {
      expect(canAccess(as(role), { resource: 'reporting', action: 'list' })).toBe(true);
      expect(canAccess(as(role), { resource: 'report-exports', action: 'create' })).toBe(true);
    }
    expect(canAccess(as('regional-reviewer'), { resource: 'reports', action: 'drillDown' })).toBe(false);
    expect(canAccess(as('police-officer'), { resource: 'reports', action: 'drillDown' })).toBe(true);
  });
});

describe('labels of the contracts enums', () => {
  const flat = (tree: object, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' ? flat(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]));
  const keys = new Set(flat(en));

  it('should label every notification type, channel, status and skip reason, and every reporting enum', () => {
    const needed = [
      ...NOTIFICATION_TYPES.map((type) => `notifications.types.${type}`),
      ...DELIVERY_CHANNELS.map((channel) => `notifications.channels.${channel}`),
      ...DELIVERY_STATUSES.map((status) => `notifications.statuses.${status}`),
      ...SKIP_REASONS.map((reason) => `notifications.skipReasons.${reason}`),
      ...EXPORT_STATUSES.map((status) => `reporting.exports.statuses.${status}`),
      ...MISSING_REASONS.map((reason) => `reporting.missing.reasons.${reason}`),
      ...REPORT_LEVELS.map((level) => `reporting.levels.${level}`),
      ...PERIOD_PRESETS.map((preset) => `reporting.period.presets.${preset}`),
    ];
    expect(needed.filter((key) => !keys.has(key))).toEqual([]);
  });
});
