import { buildPastReportingDayInput, concernList, emptyPastReportingDay, respondents, type PastReportingDayDraft } from './pastReportingDay';

const community = '7f1c3f7e-7a0e-4a57-9a4c-7d1a3f2b9c10';
const ngo = '0b8a5d2e-1c4f-4e6a-9d3b-2f7e8c9a1b20';
const today = '2026-12-07';
const E = 'resources.past-reporting-days.errors';

const filled = (): PastReportingDayDraft => {
  const draft = emptyPastReportingDay(community);
  draft.heldOn = '2025-05-14';
  draft.facilitatingOrganisationId = ngo;
  draft.venueName = '  School no. 3 ';
  draft.attendance.women.from30to59 = 9;
  draft.attendance.men.from60 = 4;
  draft.concerns = { 'water-and-irrigation': { public: 3, confidential: 1 }, theft: { restricted: 0 } };
  draft.feedback = { usefulness: [0, 1, 2, 5, 4], trust: [0, 0, 3, 6, 3], contact: { yes: 8, no: 4 } };
  return draft;
};

describe(buildPastReportingDayInput.name, () => {
  it('should build the request of ADR 35 from a filled form: counts only, trimmed venue, concerns without zeros', () => {
    expect(buildPastReportingDayInput(filled(), today)).toEqual({
      ok: true,
      value: {
        communityId: community,
        heldOn: '2025-05-14',
        organisedBy: 'police-ngo-facilitated',
        facilitatingOrganisationId: ngo,
        venueName: 'School no. 3',
        attendance: {
          counts: {
            women: { under18: 0, from18to29: 0, from30to59: 9, from60: 0 },
            men: { under18: 0, from18to29: 0, from30to59: 0, from60: 4 },
            other: { under18: 0, from18to29: 0, from30to59: 0, from60: 0 },
          },
        },
        concerns: [
          { topic: 'water-and-irrigation', sensitivity: 'public', count: 3 },
          { topic: 'water-and-irrigation', sensitivity: 'confidential', count: 1 },
        ],
        feedback: { usefulness: [0, 1, 2, 5, 4], trust: [0, 0, 3, 6, 3], contactPoliceFirst: { yes: 8, no: 4 } },
      },
    });
  });

  it('should leave out empty feedback, an empty venue and the NGO of a day the police organised alone', () => {
    const draft = { ...filled(), organisedBy: 'police' as const, venueName: ' ', feedback: emptyPastReportingDay().feedback };
    const built = buildPastReportingDayInput(draft, today);
    expect(built.ok && built.value).not.toHaveProperty('feedback');
    expect(built.ok && built.value).not.toHaveProperty('venueName');
    expect(built.ok && built.value).not.toHaveProperty('facilitatingOrganisationId');
  });

  it('should accept today but not a future day, a day before 2000 or no day', () => {
    expect(buildPastReportingDayInput({ ...filled(), heldOn: today }, today).ok).toBe(true);
    expect(buildPastReportingDayInput({ ...filled(), heldOn: '2026-12-08' }, today)).toEqual({ ok: false, errors: [`${E}.heldOnFuture`] });
    expect(buildPastReportingDayInput({ ...filled(), heldOn: '1999-12-31' }, today)).toEqual({ ok: false, errors: [`${E}.heldOn`] });
    expect(buildPastReportingDayInput({ ...filled(), heldOn: '' }, today)).toEqual({ ok: false, errors: [`${E}.heldOn`] });
  });

  it('should ask for the community and at most 500 concerns, and take a day without a known NGO', () => {
    const draft = { ...filled(), communityId: null, concerns: { theft: { public: 400 }, drugs: { restricted: 101 } } };
    expect(buildPastReportingDayInput(draft, today)).toEqual({ ok: false, errors: [`${E}.community`, `${E}.concernCount`] });
    const built = buildPastReportingDayInput({ ...filled(), facilitatingOrganisationId: null }, today);
    expect(built.ok && built.value).not.toHaveProperty('facilitatingOrganisationId');
  });

  it('should refuse survey counts whose questions do not add up to the same respondents, or more than 2,000 of them', () => {
    const draft = filled();
    draft.feedback.contact.no = 5;
    expect(respondents(draft.feedback)).toEqual({ usefulness: 12, trust: 12, contact: 13 });
    expect(buildPastReportingDayInput(draft, today)).toEqual({ ok: false, errors: [`${E}.feedbackTotals`] });
    draft.feedback = { usefulness: [2001, 0, 0, 0, 0], trust: [0, 0, 0, 0, 2001], contact: { yes: 2001, no: 0 } };
    expect(buildPastReportingDayInput(draft, today)).toEqual({ ok: false, errors: [`${E}.respondents`] });
  });
});

describe(concernList.name, () => {
  it('should list the counts in the managed order of topics and sensitivities', () => {
    expect(concernList({ other: { public: 1 }, theft: { confidential: 2, public: 1 } }).map((e) => `${e.topic}/${e.sensitivity}`)).toEqual([
      'theft/public',
      'theft/confidential',
      'other/public',
    ]);
  });
});
