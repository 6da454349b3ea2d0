import { DomainException, SURVEY_CODE_PATTERN } from '@rd/contracts';
import { addDays, assertAcceptsAnswers, newSlipCodes, newSurveyCode, responseCap, surveyState, surveyWindow } from './survey-rules';

const reason = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainException ? error.reason : String(error);
  }
  return undefined;
};

describe('resident survey rules', () => {
  it('should make codes of 10 base32 characters that do not repeat, and distinct slip codes', () => {
    const codes = new Set(Array.from({ length: 2000 }, newSurveyCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(SURVEY_CODE_PATTERN);
    const slips = newSlipCodes(500);
    expect(new Set(slips).size).toBe(500);
    expect(slips.every((slip) => /^[A-Z2-7]{6}$/.test(slip))).toBe(true);
  });

  it("should open by default from the meeting's day to 3 days after, midnight to midnight in the district", () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    const window = surveyWindow('2026-12-08', 'Asia/Dushanbe', {});
    expect(window).toEqual({
      opensOn: '2026-12-08',
      closesOn: '2026-12-11',
      opensAt: new Date('2026-12-07T19:00:00.000Z'), // 00:00 in Dushanbe (UTC+5)
      closesAt: new Date('2026-12-11T19:00:00.000Z'), // the midnight after the last day
    });
    expect(surveyWindow('2026-12-08', 'Asia/Bishkek', { opensOn: '2026-12-09', closesOn: '2026-12-09' }).closesAt).toEqual(new Date('2026-12-09T18:00:00.000Z'));
  });

  it('should refuse a window that starts before the meeting or ends before it starts', () => {
    expect(reason(() => surveyWindow('2026-12-08', 'Asia/Dushanbe', { opensOn: '2026-12-07' }))).toBe('survey.window-invalid');
    expect(reason(() => surveyWindow('2026-12-08', 'Asia/Dushanbe', { opensOn: '2026-12-10', closesOn: '2026-12-09' }))).toBe('survey.window-invalid');
  });

  it('should cap at 3 × attendance by default, 300 before attendance, or what the organiser chose', () => {
    expect(responseCap(undefined, 40)).toBe(120);
    expect(responseCap(undefined, null)).toBe(300);
    expect(responseCap(undefined, 0)).toBe(300);
    expect(responseCap(25, 40)).toBe(25);
  });

  it('should take answers only while open, within the window and under the cap', () => {
    const survey = { closed: false, opensAt: new Date('2026-12-07T19:00:00Z'), closesAt: new Date('2026-12-11T19:00:00Z'), responseCap: 2 };
    const during = new Date('2026-12-09T10:00:00Z');
    expect(surveyState(survey, 1, during)).toBe('open');
    expect(reason(() => assertAcceptsAnswers(survey, 1, during))).toBeUndefined();
    expect(surveyState(survey, 2, during)).toBe('full');
    expect(reason(() => assertAcceptsAnswers(survey, 2, during))).toBe('survey.full');
    expect(surveyState(survey, 0, new Date('2026-12-07T18:59:59Z'))).toBe('scheduled');
    expect(reason(() => assertAcceptsAnswers(survey, 0, new Date('2026-12-07T18:59:59Z')))).toBe('survey.closed');
    expect(surveyState(survey, 0, survey.closesAt)).toBe('closed');
    expect(surveyState({ ...survey, closed: true }, 0, during)).toBe('closed');
    expect(reason(() => assertAcceptsAnswers({ ...survey, closed: true }, 0, during))).toBe('survey.closed');
  });
});
