import { permissionsOf, type Permission } from '@rd/auth-core';
import { addQuarters, quarterIndex, type ActionView, type ReportMeasures, type Role } from '@rd/contracts';

type ReportingRate = ReportMeasures['reportingRate'];

/** The cards of the home page, in the order they are shown: what needs the reader first, the overview last. */
export const HOME_CARDS = ['upcoming', 'minutes', 'actions', 'missing', 'inbox', 'rate'] as const;
export type HomeCard = (typeof HOME_CARDS)[number];

/**
 * What each card reads, by the permission matrix the gateway enforces: a card is only shown to a role that may
 * read what it lists, so nobody is offered a card the gateway would refuse. The rate card is for those who see
 * aggregates only (the regional reviewer): everyone else has the lists above, and the reporting dashboard.
 */
const CARD_NEEDS: Readonly<Record<HomeCard, (can: (permission: Permission) => boolean) => boolean>> = {
  upcoming: (can) => can('meeting:read'),
  minutes: (can) => can('meeting:read') && can('minutes:approve'),
  actions: (can) => can('action:read'),
  missing: (can) => can('report:drill-down'),
  inbox: (can) => can('inbox:read'),
  rate: (can) => can('report:read') && !can('meeting:read'),
};

/** The home cards the roles get. */
export function homeCards(roles: readonly Role[]): HomeCard[] {
  const permissions = permissionsOf(roles);
  const can = (permission: Permission) => permissions.has(permission);
  return HOME_CARDS.filter((card) => CARD_NEEDS[card](can));
}

/** How far ahead the home looks for reporting days, and how soon an action counts as due soon. */
export const UPCOMING_DAYS = 30;
export const DUE_SOON_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The window of GET /meetings for the reporting days coming up: from now to UPCOMING_DAYS ahead (ISO 8601). */
export function upcomingWindow(now: Date, days = UPCOMING_DAYS): { from: string; to: string } {
  return { from: now.toISOString(), to: new Date(now.getTime() + days * DAY_MS).toISOString() };
}

/**
 * Of the reader's actions that are not overdue (the gateway's flag, on the district's day), those still to do (open
 * or in progress) and due within DUE_SOON_DAYS of `today` (YYYY-MM-DD), soonest first.
 */
export function dueSoon(actions: readonly ActionView[], today: string, days = DUE_SOON_DAYS): ActionView[] {
  const last = new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  return actions
    .filter((action) => !action.overdue && (action.status === 'open' || action.status === 'in-progress') && action.dueDate <= last)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

/** This quarter and the one before, for the rate card. */
export function rateQuarters(current: string): { previous: string; current: string } {
  return { previous: addQuarters(current, -1), current };
}

export type RateDirection = 'up' | 'down' | 'same';

/**
 * This quarter's reporting rate against last quarter's, in whole percentage points; null when either quarter
 * expected nothing (no rate to compare). A quarter in progress usually starts low: the card says so.
 */
export function rateChange(current: ReportingRate | undefined, previous: ReportingRate | undefined): { points: number; direction: RateDirection } | null {
  if (current?.rate == null || previous?.rate == null) return null;
  const points = Math.round(current.rate * 100) - Math.round(previous.rate * 100);
  return { points: Math.abs(points), direction: points > 0 ? 'up' : points < 0 ? 'down' : 'same' };
}

/** The point of a time series for a quarter, if the answer has it. */
export function pointOf<T extends { quarter: string }>(points: readonly T[] | undefined, quarter: string): T | undefined {
  return points?.find((point) => quarterIndex(point.quarter) === quarterIndex(quarter));
}

/**
 * The console route of a resource's list with a filter and sort, as react-admin reads them from the URL (the full
 * list a card links to).
 */
export function listRoute(resource: string, filter: Record<string, unknown>, sort?: { field: string; order: 'ASC' | 'DESC' }): string {
  const query = new URLSearchParams({ filter: JSON.stringify(filter) });
  if (sort) {
    query.set('sort', sort.field);
    query.set('order', sort.order);
  }
  return `/${resource}?${query.toString()}`;
}
