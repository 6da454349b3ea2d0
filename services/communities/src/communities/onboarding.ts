import {
  CHECKLIST_ITEMS,
  COMMUNITY_TRANSITIONS,
  type ChecklistItem,
  type CommunityStatus,
  type FieldError,
  type OnboardingChecklist,
} from '@rd/contracts';

/** The facts the checklist is computed from (a community entity fits). */
export interface ChecklistFacts {
  focalPointContactIds: readonly string[];
  localGovernmentContactId: string | null;
  policeUnitId: string | null;
  officerContactId: string | null;
  firstMeetingId: string | null;
}

const CHECKLIST_LABELS: Record<ChecklistItem, string> = {
  focalPoint: 'name at least one focal point',
  localGovernmentContact: 'name a local government contact',
  policeUnit: 'assign a police unit',
  officer: 'assign a community police officer',
  firstReportingDayPlanned: 'plan the first reporting day (the meetings service schedules it)',
};

export function checklistOf(facts: ChecklistFacts): OnboardingChecklist {
  return {
    focalPoint: facts.focalPointContactIds.length > 0,
    localGovernmentContact: facts.localGovernmentContactId !== null,
    policeUnit: facts.policeUnitId !== null,
    officer: facts.officerContactId !== null,
    firstReportingDayPlanned: facts.firstMeetingId !== null,
  };
}

export function missingChecklistItems(checklist: OnboardingChecklist): ChecklistItem[] {
  return CHECKLIST_ITEMS.filter((item) => !checklist[item]);
}

export type TransitionDecision =
  | { ok: true }
  | { ok: false; reason: 'not-allowed' | 'checklist-incomplete' | 'same-status'; message: string; errors: FieldError[] };

/**
 * Decides whether a community may move from one status to another. Pure: the service applies the
 * result. Becoming active needs the full checklist, whichever status it comes from.
 */
export function decideTransition(from: CommunityStatus, to: CommunityStatus, facts: ChecklistFacts): TransitionDecision {
  if (from === to) {
    const message = `The community is already ${to}`;
    return { ok: false, reason: 'same-status', message, errors: [{ field: 'to', message }] };
  }
  const allowed = COMMUNITY_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    const message =
      allowed.length === 0
        ? `${from} is final: the community cannot change status`
        : `Cannot go from ${from} to ${to}; allowed: ${allowed.join(', ')}`;
    return { ok: false, reason: 'not-allowed', message, errors: [{ field: 'to', message }] };
  }
  if (to === 'active') {
    const missing = missingChecklistItems(checklistOf(facts));
    if (missing.length > 0) {
      return {
        ok: false,
        reason: 'checklist-incomplete',
        message: `The onboarding checklist is incomplete: ${missing.map((item) => CHECKLIST_LABELS[item]).join('; ')}`,
        errors: missing.map((item) => ({ field: `checklist.${item}`, message: CHECKLIST_LABELS[item] })),
      };
    }
  }
  return { ok: true };
}

/** Statuses reachable now (for the view; `active` is listed even while the checklist is incomplete). */
export function allowedTransitions(from: CommunityStatus): CommunityStatus[] {
  return [...COMMUNITY_TRANSITIONS[from]];
}

export type EffectiveDayDecision = { ok: true; effectiveOn: string; backdated: boolean } | { ok: false; message: string };

/**
 * The day a transition takes effect (docs/adr/0035): the day given, or today in the district. Never after today,
 * never before the previous transition's day (the same day is allowed); before the community was created is allowed,
 * since that is what bringing in a programme's history means. Pure: `today` is the district's day.
 */
export function decideEffectiveDay(requested: string | undefined, today: string, previousEffectiveOn: string | null): EffectiveDayDecision {
  const effectiveOn = requested ?? today;
  // YYYY-MM-DD strings compare as the days they name.
  if (effectiveOn > today) return { ok: false, message: `The effective date ${effectiveOn} is in the future (today is ${today} in the district)` };
  if (previousEffectiveOn !== null && effectiveOn < previousEffectiveOn) {
    return { ok: false, message: `The effective date ${effectiveOn} is before the previous status change, effective ${previousEffectiveOn}` };
  }
  return { ok: true, effectiveOn, backdated: effectiveOn < today };
}

/** A `date` column as `YYYY-MM-DD`, whether the driver gave a string or a Date (UTC midnight). */
export function dayOf(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
