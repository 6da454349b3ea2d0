import { COMMUNITY_STATUSES, COMMUNITY_TRANSITIONS, type CommunityStatus } from '@rd/contracts';
import { allowedTransitions, checklistOf, decideEffectiveDay, decideTransition, missingChecklistItems, type ChecklistFacts } from './onboarding';

const EMPTY: ChecklistFacts = {
  focalPointContactIds: [],
  localGovernmentContactId: null,
  policeUnitId: null,
  officerContactId: null,
  firstMeetingId: null,
};
const COMPLETE: ChecklistFacts = {
  focalPointContactIds: ['5d1f4d3e-0000-4000-8000-000000000001'],
  localGovernmentContactId: '5d1f4d3e-0000-4000-8000-000000000002',
  policeUnitId: '5d1f4d3e-0000-4000-8000-000000000003',
  officerContactId: '5d1f4d3e-0000-4000-8000-000000000004',
  firstMeetingId: '5d1f4d3e-0000-4000-8000-000000000005',
};

describe('onboarding', () => {
  describe('checklistOf', () => {
    it('should tick nothing for a new community', () => {
      expect(missingChecklistItems(checklistOf(EMPTY))).toEqual([
        'focalPoint',
        'localGovernmentContact',
        'policeUnit',
        'officer',
        'firstReportingDayPlanned',
      ]);
    });

    it('should tick each item from its own fact', () => {
      expect(checklistOf({ ...EMPTY, firstMeetingId: COMPLETE.firstMeetingId })).toEqual({
        focalPoint: false,
        localGovernmentContact: false,
        policeUnit: false,
        officer: false,
        firstReportingDayPlanned: true,
      });
      expect(missingChecklistItems(checklistOf(COMPLETE))).toEqual([]);
    });
  });

  describe('decideTransition', () => {
    it.each([
      ['proposed', 'onboarding'],
      ['proposed', 'archived'],
      ['onboarding', 'paused'],
      ['onboarding', 'archived'],
      ['active', 'paused'],
      ['active', 'archived'],
      ['paused', 'onboarding'],
      ['paused', 'archived'],
    ] as [CommunityStatus, CommunityStatus][])('should allow %s → %s without a checklist', (from, to) => {
      expect(decideTransition(from, to, EMPTY)).toEqual({ ok: true });
    });

    it.each([
      ['proposed', 'active'],
      ['proposed', 'paused'],
      ['onboarding', 'proposed'],
      ['active', 'onboarding'],
      ['active', 'proposed'],
      ['archived', 'active'],
      ['archived', 'onboarding'],
    ] as [CommunityStatus, CommunityStatus][])('should refuse %s → %s even with a complete checklist', (from, to) => {
      const decision = decideTransition(from, to, COMPLETE);
      expect(decision).toMatchObject({ ok: false, reason: 'not-allowed' });
      expect(decision.ok || decision.errors[0].field).toBe('to');
    });

    it('should say archived is final', () => {
      expect(decideTransition('archived', 'active', COMPLETE)).toMatchObject({ ok: false, message: 'archived is final: the community cannot change status' });
    });

    it('should refuse a transition to the current status', () => {
      expect(decideTransition('paused', 'paused', COMPLETE)).toMatchObject({ ok: false, reason: 'same-status' });
    });

    it.each(['onboarding', 'paused'] as CommunityStatus[])('should refuse %s → active and list every missing item when the checklist is incomplete', (from) => {
      const decision = decideTransition(from, 'active', { ...EMPTY, policeUnitId: COMPLETE.policeUnitId });
      expect(decision).toMatchObject({ ok: false, reason: 'checklist-incomplete' });
      if (decision.ok) throw new Error('expected a refusal');
      expect(decision.errors.map((e) => e.field)).toEqual([
        'checklist.focalPoint',
        'checklist.localGovernmentContact',
        'checklist.officer',
        'checklist.firstReportingDayPlanned',
      ]);
      expect(decision.message).toContain('plan the first reporting day');
    });

    it.each(['onboarding', 'paused'] as CommunityStatus[])('should allow %s → active when the checklist is complete', (from) => {
      expect(decideTransition(from, 'active', COMPLETE)).toEqual({ ok: true });
    });

    it('should agree with the transition table for every pair of statuses', () => {
      for (const from of COMMUNITY_STATUSES) {
        expect(allowedTransitions(from)).toEqual(COMMUNITY_TRANSITIONS[from]);
        for (const to of COMMUNITY_STATUSES) {
          const ok = decideTransition(from, to, COMPLETE).ok;
          expect(ok).toBe(COMMUNITY_TRANSITIONS[from].includes(to));
        }
      }
    });
  });

  describe('decideEffectiveDay', () => {
    it('should default to today, not backdated', () => {
      expect(decideEffectiveDay(undefined, '2026-12-07', '2026-01-10')).toEqual({ ok: true, effectiveOn: '2026-12-07', backdated: false });
    });

    it('should accept a past day, even before the community existed, and mark it backdated', () => {
      expect(decideEffectiveDay('2023-03-01', '2026-12-07', null)).toEqual({ ok: true, effectiveOn: '2023-03-01', backdated: true });
    });

    it('should refuse a day after today in the district', () => {
      expect(decideEffectiveDay('2026-12-08', '2026-12-07', null)).toMatchObject({ ok: false, message: expect.stringContaining('future') });
    });

    it('should refuse a day before the previous change took effect, and allow the same day', () => {
      expect(decideEffectiveDay('2023-02-28', '2026-12-07', '2023-03-01')).toMatchObject({ ok: false, message: expect.stringContaining('previous') });
      expect(decideEffectiveDay('2023-03-01', '2026-12-07', '2023-03-01')).toMatchObject({ ok: true });
    });
  });
});
