import { MEETING_STATUSES, type MeetingStatus } from '@rd/contracts';
import { allowedTransitions, closeBlockers, decideTransition, MEETING_TRANSITIONS, type MeetingFacts } from './meeting-lifecycle';

const now = new Date('2026-11-24T10:00:00Z');
const facts = (over: Partial<MeetingFacts> = {}): MeetingFacts => ({ status: 'scheduled', startsAt: new Date('2026-11-24T09:00:00Z'), heldAt: null, ...over });

describe('meeting lifecycle', () => {
  describe('MEETING_TRANSITIONS', () => {
    it('should keep closed and cancelled final', () => {
      expect(allowedTransitions('closed')).toEqual([]);
      expect(allowedTransitions('cancelled')).toEqual([]);
    });

    it('should refuse every transition not in the table with the reason', () => {
      for (const from of MEETING_STATUSES) {
        for (const to of MEETING_STATUSES.filter((s) => !MEETING_TRANSITIONS[from].includes(s))) {
          const decision = decideTransition(facts({ status: from }), { to, reason: 'r', newStartsAt: '2027-01-01T00:00:00Z' }, now);
          expect(decision.ok).toBe(false);
          if (!decision.ok) expect(decision.message).toContain(from);
        }
      }
    });

    it('should never allow going back to draft', () => {
      expect(MEETING_STATUSES.filter((s: MeetingStatus) => MEETING_TRANSITIONS[s].includes('draft'))).toEqual([]);
    });
  });

  describe('postponed', () => {
    it('should need a new start and a reason', () => {
      const decision = decideTransition(facts(), { to: 'postponed' }, now);
      expect(decision).toMatchObject({ ok: false, errors: [{ field: 'reason' }, { field: 'newStartsAt' }] });
    });

    it('should refuse a new start in the past or equal to the current one', () => {
      expect(decideTransition(facts(), { to: 'postponed', reason: 'rain', newStartsAt: '2026-11-01T00:00:00Z' }, now)).toMatchObject({ ok: false });
      const future = facts({ startsAt: new Date('2026-12-01T05:00:00Z') });
      expect(decideTransition(future, { to: 'postponed', reason: 'rain', newStartsAt: '2026-12-01T10:00:00+05:00' }, now)).toMatchObject({ ok: false });
    });

    it('should return the new start', () => {
      const decision = decideTransition(facts(), { to: 'postponed', reason: 'harvest', newStartsAt: '2026-12-01T10:00:00+05:00' }, now);
      expect(decision).toEqual({ ok: true, newStartsAt: new Date('2026-12-01T05:00:00Z') });
    });

    it('should refuse a new start with any other target', () => {
      expect(decideTransition(facts({ status: 'draft' }), { to: 'scheduled', newStartsAt: '2026-12-01T00:00:00Z' }, now)).toMatchObject({ ok: false });
    });
  });

  describe('cancelled', () => {
    it('should need a reason', () => {
      expect(decideTransition(facts(), { to: 'cancelled' }, now)).toMatchObject({ ok: false, errors: [{ field: 'reason' }] });
      expect(decideTransition(facts({ status: 'draft' }), { to: 'cancelled', reason: 'flood' }, now)).toMatchObject({ ok: true });
    });
  });

  describe('held', () => {
    it('should refuse a meeting that starts more than two hours from now', () => {
      const decision = decideTransition(facts({ startsAt: new Date('2026-11-25T10:00:00Z') }), { to: 'held' }, now);
      expect(decision).toMatchObject({ ok: false, message: 'A meeting cannot be recorded as held before it starts' });
    });

    it('should allow a meeting that has started', () => {
      expect(decideTransition(facts(), { to: 'held' }, now)).toEqual({ ok: true, newStartsAt: null, heldAt: now });
      expect(decideTransition(facts({ status: 'postponed' }), { to: 'held' }, now)).toMatchObject({ ok: true });
    });

    // A phone in a field records "held" with the real start and sends it hours or days later (issue 16).
    it('should take the real start the recorder gave', () => {
      const later = new Date('2026-11-27T08:00:00Z');
      expect(decideTransition(facts(), { to: 'held', startedAt: '2026-11-24T09:20:00+00:00' }, later)).toEqual({ ok: true, newStartsAt: null, heldAt: new Date('2026-11-24T09:20:00Z') });
      expect(decideTransition(facts(), { to: 'held', startedAt: '2026-11-24T12:20:00+05:00' }, later)).toMatchObject({ heldAt: new Date('2026-11-24T07:20:00Z') });
    });

    it('should refuse a real start in the future, long before the planned one, or with another status', () => {
      expect(decideTransition(facts(), { to: 'held', startedAt: '2026-11-24T10:06:00Z' }, now)).toMatchObject({ ok: false, errors: [{ field: 'startedAt' }] });
      expect(decideTransition(facts(), { to: 'held', startedAt: '2026-11-24T10:04:00Z' }, now)).toMatchObject({ ok: true });
      expect(decideTransition(facts(), { to: 'held', startedAt: '2026-11-24T06:59:00Z' }, now)).toMatchObject({ ok: false, errors: [{ field: 'startedAt' }] });
      expect(decideTransition(facts(), { to: 'cancelled', reason: 'rain', startedAt: '2026-11-24T09:00:00Z' }, now)).toMatchObject({ ok: false, errors: [{ field: 'startedAt' }] });
    });
  });

  describe('closed', () => {
    it('should need the meeting to be recorded as held', () => {
      expect(decideTransition(facts({ status: 'held' }), { to: 'closed' }, now)).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.objectContaining({ field: 'heldAt' })]) });
      expect(decideTransition(facts({ status: 'held', heldAt: now }), { to: 'closed' }, now)).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.objectContaining({ field: 'minutes' })]) });
      expect(decideTransition(facts({ status: 'held', heldAt: now, minutesApprovedAt: now }), { to: 'closed' }, now)).toMatchObject({ ok: false, errors: [{ field: 'attendance' }] });
      expect(decideTransition(facts({ status: 'held', heldAt: now, minutesApprovedAt: now, attendanceRecordedAt: now }), { to: 'closed' }, now)).toMatchObject({ ok: true });
    });

    it('should apply extra close rules given by other parts', () => {
      type WithMinutes = MeetingFacts & { minutesApproved: boolean };
      const minutes = (m: WithMinutes) => (m.minutesApproved ? null : { field: 'minutes', message: 'minutes are not approved' });
      const meeting: WithMinutes = { ...facts({ status: 'held', heldAt: now, minutesApprovedAt: now, attendanceRecordedAt: now }), minutesApproved: false };
      expect(closeBlockers(meeting, [minutes])).toEqual([{ field: 'minutes', message: 'minutes are not approved' }]);
      expect(decideTransition(meeting, { to: 'closed' }, now, [minutes])).toMatchObject({ ok: false });
      expect(decideTransition({ ...meeting, minutesApproved: true }, { to: 'closed' }, now, [minutes])).toMatchObject({ ok: true });
    });
  });
});
