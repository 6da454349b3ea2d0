import type { FieldError, MeetingStatus, TransitionMeetingInput } from '@rd/contracts';

/**
 * The meeting lifecycle:
 *
 *   draft ─► scheduled ─► held ─► closed
 *     │          │   ▲      ▲
 *     │          ▼   │      │
 *     │       postponed ────┘   (postponed ─► postponed moves the date again)
 *     ▼          │
 *  cancelled ◄───┘ (from draft, scheduled or postponed)
 *
 * Closed and cancelled are final.
 */
export const MEETING_TRANSITIONS: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> = {
  draft: ['scheduled', 'cancelled'],
  scheduled: ['postponed', 'held', 'cancelled'],
  postponed: ['scheduled', 'postponed', 'held', 'cancelled'],
  held: ['closed'],
  closed: [],
  cancelled: [],
};

export function allowedTransitions(status: MeetingStatus): MeetingStatus[] {
  return [...MEETING_TRANSITIONS[status]];
}

/** What the rules look at; a plain snapshot so they stay pure and testable. */
export interface MeetingFacts {
  status: MeetingStatus;
  startsAt: Date;
  heldAt: Date | null;
  /** When the minutes were approved (src/minutes/); absent or null while they are not. */
  minutesApprovedAt?: Date | null;
  /** When attendance was recorded (src/attendance/); absent or null while it is not. */
  attendanceRecordedAt?: Date | null;
}

/**
 * One condition for closing a held meeting. Returns the missing piece, or null when satisfied. Later parts
 * of the meetings service (attendance, approved minutes) add their rule to CLOSE_RULES; the service may also
 * pass extra rules that need data beyond the meeting row.
 */
export type CloseRule<F extends MeetingFacts = MeetingFacts> = (meeting: F) => FieldError | null;

export const CLOSE_RULES: CloseRule[] = [
  (meeting) => (meeting.heldAt ? null : { field: 'heldAt', message: 'the meeting has not been recorded as held' }),
  (meeting) => (meeting.minutesApprovedAt ? null : { field: 'minutes', message: 'the minutes have not been approved' }),
  (meeting) => (meeting.attendanceRecordedAt ? null : { field: 'attendance', message: 'the attendance has not been recorded' }),
];

/** All problems preventing a close; empty when it may be closed. */
export function closeBlockers<F extends MeetingFacts>(meeting: F, extra: readonly CloseRule<F>[] = []): FieldError[] {
  return [...CLOSE_RULES, ...extra].map((rule) => rule(meeting)).filter((e): e is FieldError => e !== null);
}

/** A meeting may be recorded as held from this long before its planned start (clock skew, an early start). */
export const HELD_EARLIEST_BEFORE_START_MS = 2 * 60 * 60 * 1000;

/** A real start given with "held" may be this far ahead of the server's clock (a phone's clock runs fast). */
export const STARTED_AT_CLOCK_SKEW_MS = 5 * 60 * 1000;

export type TransitionDecision =
  | { ok: true; newStartsAt: Date | null; heldAt?: Date }
  | { ok: false; message: string; errors?: FieldError[] };

/** Decides whether `input` may be applied to a meeting now; pure. */
export function decideTransition<F extends MeetingFacts>(
  meeting: F,
  input: TransitionMeetingInput,
  now: Date,
  extraCloseRules: readonly CloseRule<F>[] = [],
): TransitionDecision {
  const { status } = meeting;
  if (!MEETING_TRANSITIONS[status].includes(input.to)) {
    const allowed = MEETING_TRANSITIONS[status];
    return {
      ok: false,
      message: allowed.length
        ? `A ${status} meeting cannot become ${input.to}; allowed: ${allowed.join(', ')}`
        : `A ${status} meeting is final and cannot change`,
    };
  }
  if (input.newStartsAt !== undefined && input.to !== 'postponed') {
    return { ok: false, message: 'A new start is only given when postponing', errors: [{ field: 'newStartsAt', message: 'only when postponing' }] };
  }
  if (input.startedAt !== undefined && input.to !== 'held') {
    return { ok: false, message: 'A real start is only given when recording a meeting as held', errors: [{ field: 'startedAt', message: 'only with held' }] };
  }
  switch (input.to) {
    case 'postponed': {
      const errors: FieldError[] = [];
      if (!input.reason) errors.push({ field: 'reason', message: 'a reason is required to postpone' });
      if (!input.newStartsAt) errors.push({ field: 'newStartsAt', message: 'a new start is required to postpone' });
      if (errors.length) return { ok: false, message: 'Postponing needs a new start and a reason', errors };
      const newStartsAt = new Date(input.newStartsAt as string);
      if (newStartsAt.getTime() === meeting.startsAt.getTime()) {
        return { ok: false, message: 'The new start is the current start', errors: [{ field: 'newStartsAt', message: 'must differ from the current start' }] };
      }
      if (newStartsAt.getTime() <= now.getTime()) {
        return { ok: false, message: 'A meeting cannot be postponed into the past', errors: [{ field: 'newStartsAt', message: 'must be in the future' }] };
      }
      return { ok: true, newStartsAt };
    }
    case 'cancelled':
      if (!input.reason) {
        return { ok: false, message: 'A reason is required to cancel', errors: [{ field: 'reason', message: 'a reason is required to cancel' }] };
      }
      return { ok: true, newStartsAt: null };
    case 'held': {
      if (meeting.startsAt.getTime() - now.getTime() > HELD_EARLIEST_BEFORE_START_MS) {
        return { ok: false, message: 'A meeting cannot be recorded as held before it starts' };
      }
      if (input.startedAt === undefined) return { ok: true, newStartsAt: null, heldAt: now };
      const startedAt = new Date(input.startedAt);
      if (startedAt.getTime() > now.getTime() + STARTED_AT_CLOCK_SKEW_MS) {
        return { ok: false, message: 'The real start cannot be in the future', errors: [{ field: 'startedAt', message: 'must not be in the future' }] };
      }
      if (meeting.startsAt.getTime() - startedAt.getTime() > HELD_EARLIEST_BEFORE_START_MS) {
        return { ok: false, message: 'The real start is too long before the planned one', errors: [{ field: 'startedAt', message: 'at most 2 hours before the planned start' }] };
      }
      return { ok: true, newStartsAt: null, heldAt: startedAt };
    }
    case 'closed': {
      const errors = closeBlockers(meeting, extraCloseRules);
      if (errors.length) return { ok: false, message: `The meeting cannot be closed yet: ${errors.map((e) => e.message).join('; ')}`, errors };
      return { ok: true, newStartsAt: null };
    }
    default:
      return { ok: true, newStartsAt: null };
  }
}
