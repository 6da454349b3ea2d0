import { MEETING_STATUSES } from '@rd/contracts';
import { holdStepOffer } from './holdStep';

describe(holdStepOffer.name, () => {
  it('should offer attendance and the sign-in sheet on a held meeting only', () => {
    expect(holdStepOffer('held')).toEqual({ attendance: true, signInSheet: true, concerns: true, explanation: null });
    for (const status of MEETING_STATUSES.filter((s) => s !== 'held')) {
      expect(holdStepOffer(status)).toMatchObject({ attendance: false, signInSheet: false });
    }
  });

  it('should say why: not yet held, closed, or cancelled', () => {
    for (const status of ['draft', 'scheduled', 'postponed'] as const) expect(holdStepOffer(status).explanation).toBe('resources.meetings.hold.notYetHeld');
    expect(holdStepOffer('closed').explanation).toBe('resources.meetings.hold.closed');
    expect(holdStepOffer('cancelled').explanation).toBe('resources.meetings.hold.cancelled');
  });

  it('should take concerns on any meeting that was not cancelled', () => {
    expect(MEETING_STATUSES.filter((status) => holdStepOffer(status).concerns)).toEqual(['draft', 'scheduled', 'postponed', 'held', 'closed']);
  });
});
