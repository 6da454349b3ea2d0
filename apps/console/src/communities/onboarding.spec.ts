import { CHECKLIST_ITEMS, COMMUNITY_STATUSES, type OnboardingChecklist } from '@rd/contracts';
import { checklistModel, effectiveOnProblem, transitionBody, transitionOptions, transitionRefusal } from './onboarding';

const allDone: OnboardingChecklist = {
  focalPoint: true,
  localGovernmentContact: true,
  policeUnit: true,
  officer: true,
  firstReportingDayPlanned: true,
};

describe(checklistModel.name, () => {
  it('should list every item of the contract in order, ticked or missing', () => {
    const model = checklistModel({ ...allDone, officer: false, firstReportingDayPlanned: false });
    expect(model.rows.map((row) => row.item)).toEqual([...CHECKLIST_ITEMS]);
    expect(model.rows.map((row) => row.done)).toEqual([true, true, true, false, false]);
    expect(model).toMatchObject({ done: 3, total: 5, complete: false, missing: ['officer', 'firstReportingDayPlanned'] });
  });

  it('should be complete when every item is done', () => {
    expect(checklistModel(allDone)).toMatchObject({ done: 5, complete: true, missing: [] });
  });

  it('should count items the server did not send as missing', () => {
    expect(checklistModel(undefined)).toMatchObject({ done: 0, complete: false });
    expect(checklistModel({ focalPoint: true }).missing).toHaveLength(4);
  });

  it('should give message keys for labels and hints', () => {
    expect(checklistModel(allDone).rows[0]).toEqual({
      item: 'focalPoint',
      done: true,
      label: 'resources.communities.checklist.items.focalPoint',
      hint: 'resources.communities.checklist.hints.focalPoint',
    });
  });
});

describe(transitionOptions.name, () => {
  it('should offer onboarding and archiving to a proposed community', () => {
    expect(transitionOptions({ status: 'proposed' }).map((option) => option.to)).toEqual(['onboarding', 'archived']);
  });

  it('should offer nothing once archived', () => {
    expect(transitionOptions({ status: 'archived' })).toEqual([]);
  });

  it('should follow the server when it narrows the choice', () => {
    expect(
      transitionOptions({ status: 'onboarding', allowedTransitions: ['paused', 'archived'] }).map((option) => option.to),
    ).toEqual(['paused', 'archived']);
  });

  it('should never offer a target outside the state machine, whatever the server says', () => {
    expect(transitionOptions({ status: 'proposed', allowedTransitions: ['active', 'onboarding'] }).map((o) => o.to)).toEqual([
      'onboarding',
    ]);
  });

  it('should say which checklist items block becoming active, but still offer it', () => {
    const [active] = transitionOptions({ status: 'onboarding', checklist: { ...allDone, officer: false } });
    expect(active).toEqual({
      to: 'active',
      label: 'resources.communities.transitions.active',
      blockedBy: ['officer'],
      asksReason: false,
    });
  });

  it('should ask a reason for pausing and archiving only', () => {
    const options = transitionOptions({ status: 'active', checklist: allDone });
    expect(options.map(({ to, asksReason }) => [to, asksReason])).toEqual([
      ['paused', true],
      ['archived', true],
    ]);
  });

  it('should know every status', () => {
    for (const status of COMMUNITY_STATUSES) expect(() => transitionOptions({ status })).not.toThrow();
  });
});

describe(transitionRefusal.name, () => {
  it('should keep the missing checklist items the refusal names', () => {
    const error = Object.assign(new Error('The checklist is not complete'), {
      status: 409,
      body: {
        problem: {
          errors: [
            { field: 'checklist.officer', message: 'required' },
            { field: 'checklist.firstReportingDayPlanned', message: 'required' },
            { field: 'to', message: 'ignored' },
            { field: 'checklist.__proto__', message: 'ignored' },
          ],
        },
      },
    });
    expect(transitionRefusal(error)).toEqual({
      missing: ['officer', 'firstReportingDayPlanned'],
    });
  });

  it('should name no item when the refusal names none', () => {
    expect(transitionRefusal(undefined)).toEqual({ missing: [] });
  });
});

describe(effectiveOnProblem.name, () => {
  const today = '2026-12-07';

  it('should accept today and a past day on or after the current status took effect', () => {
    expect(effectiveOnProblem(today, today)).toBeNull();
    expect(effectiveOnProblem('2024-11-15', today)).toBeNull();
    expect(effectiveOnProblem('2024-11-15', today, '2024-11-15')).toBeNull();
  });

  it('should refuse a day after today, before the current status took effect, or not a day at all', () => {
    expect(effectiveOnProblem('2026-12-08', today)).toBe('resources.communities.transitions.effectiveOnFuture');
    expect(effectiveOnProblem('2024-11-14', today, '2024-11-15')).toBe('resources.communities.transitions.effectiveOnBeforeCurrent');
    expect(effectiveOnProblem('', today)).toBe('resources.communities.transitions.effectiveOnInvalid');
    expect(effectiveOnProblem('2024-02-30x', today)).toBe('resources.communities.transitions.effectiveOnInvalid');
  });
});

describe(transitionBody.name, () => {
  it('should send the reason when given and the effective day only when it is not today', () => {
    expect(transitionBody('active', '  ', '2026-12-07', '2026-12-07')).toEqual({ to: 'active' });
    expect(transitionBody('onboarding', ' Joined in 2024 ', '2024-11-15', '2026-12-07')).toEqual({ to: 'onboarding', reason: 'Joined in 2024', effectiveOn: '2024-11-15' });
  });
});
