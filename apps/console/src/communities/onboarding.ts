import {
  CHECKLIST_ITEMS,
  COMMUNITY_TRANSITIONS,
  type ChecklistItem,
  type CommunityStatus,
  type OnboardingChecklist,
} from '@rd/contracts';

export interface ChecklistRow {
  item: ChecklistItem;
  done: boolean;
  /** Message key of the item's label. */
  label: string;
  /** Message key saying where to fill the item in (or that the meetings service does it). */
  hint: string;
}

export interface ChecklistModel {
  rows: ChecklistRow[];
  done: number;
  total: number;
  complete: boolean;
  /** Items still missing, in checklist order. */
  missing: ChecklistItem[];
}

/**
 * The onboarding checklist as the community page shows it: every item of the contract in its order, ticked or
 * missing. An item the server did not send counts as missing (the console never guesses that it is done).
 */
export function checklistModel(checklist: Partial<OnboardingChecklist> | null | undefined): ChecklistModel {
  const rows = CHECKLIST_ITEMS.map((item) => ({
    item,
    done: checklist?.[item] === true,
    label: `resources.communities.checklist.items.${item}`,
    hint: `resources.communities.checklist.hints.${item}`,
  }));
  const missing = rows.filter((row) => !row.done).map((row) => row.item);
  return { rows, done: rows.length - missing.length, total: rows.length, complete: missing.length === 0, missing };
}

export interface TransitionOption {
  to: CommunityStatus;
  /** Message key of the button. */
  label: string;
  /** Checklist items the server will ask for before this transition (only for `active`). */
  blockedBy: ChecklistItem[];
  /** Pausing and archiving are explained in the audit trail; the dialog asks for a reason. */
  asksReason: boolean;
}

interface TransitionFacts {
  status: CommunityStatus;
  allowedTransitions?: readonly CommunityStatus[] | null;
  checklist?: Partial<OnboardingChecklist> | null;
}

/**
 * The transition buttons for a community: the statuses the server says are reachable (it knows the rules),
 * else the contract's state machine. `active` stays offered with an incomplete checklist so the user sees the
 * server's reason, but it says which items are missing.
 */
export function transitionOptions({ status, allowedTransitions, checklist }: TransitionFacts): TransitionOption[] {
  const machine = COMMUNITY_TRANSITIONS[status] ?? [];
  const targets = allowedTransitions ? machine.filter((to) => allowedTransitions.includes(to)) : machine;
  const { missing } = checklistModel(checklist);
  return targets.map((to) => ({
    to,
    label: `resources.communities.transitions.${to}`,
    blockedBy: to === 'active' ? missing : [],
    asksReason: to === 'paused' || to === 'archived',
  }));
}

export interface TransitionRefusal {
  /** Checklist items the server named in errors[] (`checklist.<item>`). */
  missing: ChecklistItem[];
}

/** The checklist items a failed transition names (a react-admin HttpError built from problem+json); its reason is told by useFailureText. */
export function transitionRefusal(error: unknown): TransitionRefusal {
  const { body } = (error ?? {}) as {
    body?: { problem?: { errors?: { field?: string; message?: string }[] } };
  };
  const missing = (body?.problem?.errors ?? [])
    .map((entry) => entry.field?.match(/^checklist\.(\w+)$/)?.[1])
    .filter((item): item is ChecklistItem => (CHECKLIST_ITEMS as readonly string[]).includes(item ?? ''));
  return { missing };
}

/** What the transition dialog sends: the target, the reason when given, the day it took effect when not today. */
export interface TransitionBody {
  to: CommunityStatus;
  reason?: string;
  /** `YYYY-MM-DD` on the district's calendar; absent means today there. */
  effectiveOn?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Why a picked effective day cannot be sent, as a message key, or null when it can: a transition takes effect
 * today or on a past day (the day a community actually joined), never in the future and never before the current
 * status took effect. The server checks the same (422, field effectiveOn).
 */
export function effectiveOnProblem(effectiveOn: string, today: string, notBefore?: string | null): string | null {
  if (!DAY.test(effectiveOn) || Number.isNaN(Date.parse(`${effectiveOn}T00:00:00Z`))) return 'resources.communities.transitions.effectiveOnInvalid';
  if (effectiveOn > today) return 'resources.communities.transitions.effectiveOnFuture';
  if (notBefore && effectiveOn < notBefore) return 'resources.communities.transitions.effectiveOnBeforeCurrent';
  return null;
}

/** The request body of a transition from the dialog's fields (`today` is the district's day, the field's default). */
export function transitionBody(to: CommunityStatus, reason: string, effectiveOn: string, today: string): TransitionBody {
  const body: TransitionBody = { to };
  if (reason.trim()) body.reason = reason.trim();
  if (effectiveOn && effectiveOn !== today) body.effectiveOn = effectiveOn;
  return body;
}
