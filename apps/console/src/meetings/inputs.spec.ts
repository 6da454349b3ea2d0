import {
  AssignActionInputSchema,
  AttendanceInputSchema,
  CreateMeetingInputSchema,
  FeedbackBatchInputSchema,
  RecordConcernInputSchema,
  TransitionActionInputSchema,
  UpdateMeetingInputSchema,
} from '@rd/contracts';
import { emptyCounts } from './draft';
import {
  buildActionInput,
  buildActionTransition,
  attendanceDraftOf,
  buildAttendanceInput,
  buildConcernInput,
  buildCreateMeetingInput,
  buildFeedbackBatch,
  buildUpdateMeetingInput,
  emptyAction,
  emptyConcern,
  emptyFeedbackRow,
  incompleteRows,
  isEditable,
  meetingEditFormOf,
  organisationsToAsk,
  parseHidden,
  sensitivityPatch,
  sensitivityTargets,
  upgradeAttendanceDraft,
  type MeetingForm,
} from './inputs';

const A = '6f1c1f4e-1d2b-4c2e-9a55-0a1b2c3d4e51';
const B = '6f1c1f4e-1d2b-4c2e-9a55-0a1b2c3d4e52';
const C = '6f1c1f4e-1d2b-4c2e-9a55-0a1b2c3d4e53';
const ORG = '6f1c1f4e-1d2b-4c2e-9a55-0a1b2c3d4e54';

const form = (over: Partial<MeetingForm>): MeetingForm => ({
  kind: 'local',
  districtCode: 'isfara',
  communityId: A,
  title: 'Reporting day',
  startsAtLocal: '2026-12-01T10:00',
  venueName: 'School No. 1',
  venueType: 'school',
  organisedBy: 'police',
  ...over,
});

describe('meeting input builders', () => {
  describe(buildCreateMeetingInput.name, () => {
    it('should send a local meeting for one community with the start converted from the district zone', () => {
      const built = buildCreateMeetingInput(form({}), 'Asia/Dushanbe');
      expect(built).toEqual({ ok: true, value: expect.objectContaining({ kind: 'local', communityIds: [A], startsAt: '2026-12-01T05:00:00.000Z' }) });
      if (built.ok) expect(CreateMeetingInputSchema.safeParse(built.value).success).toBe(true);
    });

    it('should send a regional meeting for several communities, without repeats', () => {
      const built = buildCreateMeetingInput(form({ kind: 'regional', communityIds: [A, B, A, C] }), 'Asia/Dushanbe');
      expect(built.ok && built.value.communityIds).toEqual([A, B, C]);
      if (built.ok) expect(CreateMeetingInputSchema.safeParse(built.value).success).toBe(true);
    });

    it('should send the facilitating NGO and the venue coordinates, and ask for the NGO unless the police organised it alone', () => {
      const built = buildCreateMeetingInput(form({ organisedBy: 'ngo', facilitatingOrganisationId: ORG, venueLat: 40.1256, venueLng: 70.6253 }), 'Asia/Dushanbe');
      expect(built.ok && built.value).toEqual(expect.objectContaining({ organisedBy: 'ngo', facilitatingOrganisationId: ORG, venueLocation: { lat: 40.1256, lng: 70.6253 } }));
      if (built.ok) expect(CreateMeetingInputSchema.safeParse(built.value).success).toBe(true);
      expect(buildCreateMeetingInput(form({ organisedBy: 'police-ngo-facilitated' }), 'Asia/Dushanbe')).toEqual({ ok: false, errors: ['resources.meetings.errors.facilitator'] });
      expect(buildCreateMeetingInput(form({ venueLat: 40.1 }), 'Asia/Dushanbe')).toEqual({ ok: false, errors: ['resources.meetings.errors.coordinates'] });
      expect(buildCreateMeetingInput(form({ venueLat: 95, venueLng: 70 }), 'Asia/Dushanbe')).toEqual({ ok: false, errors: ['resources.meetings.errors.coordinates'] });
      const police = buildCreateMeetingInput(form({}), 'Asia/Dushanbe');
      expect(police.ok && 'venueLocation' in police.value).toBe(false);
    });

    it('should say what is missing instead of sending', () => {
      expect(buildCreateMeetingInput(form({ kind: 'regional', communityIds: [A] }), 'Asia/Dushanbe')).toEqual({
        ok: false,
        errors: ['resources.meetings.errors.twoCommunities'],
      });
      expect(buildCreateMeetingInput(form({ communityId: null, startsAtLocal: '' }), 'Asia/Dushanbe')).toEqual({
        ok: false,
        errors: ['resources.meetings.errors.oneCommunity', 'resources.meetings.errors.startsAt'],
      });
    });
  });

  describe(buildUpdateMeetingInput.name, () => {
    const view = {
      title: 'Reporting day',
      venueName: 'School No. 1',
      venueType: 'school' as const,
      venueLocation: { lat: 40.1256, lng: 70.6253 },
      venueAccessibility: null,
      policeUnitId: ORG,
      organisedBy: 'police' as const,
      facilitatingOrganisationId: null,
    };

    it('should send back what the form was filled with, unchanged, as a valid PATCH body', () => {
      const built = buildUpdateMeetingInput(meetingEditFormOf(view));
      expect(built).toEqual({ ok: true, value: { ...view, venueAccessibility: null } });
      if (built.ok) expect(UpdateMeetingInputSchema.safeParse(built.value).success).toBe(true);
    });

    it('should send cleared coordinates, police unit and notes as null and trim the text', () => {
      const built = buildUpdateMeetingInput({ ...meetingEditFormOf(view), title: ' Harvest day ', venueLat: null, venueLng: null, policeUnitId: null, venueAccessibility: ' Ramp at the side door ', venueType: 'open-air' });
      expect(built.ok && built.value).toEqual(expect.objectContaining({ title: 'Harvest day', venueLocation: null, policeUnitId: null, venueAccessibility: 'Ramp at the side door', venueType: 'open-air' }));
      expect(buildUpdateMeetingInput({ ...meetingEditFormOf(view), venueAccessibility: '  ' })).toEqual({ ok: true, value: expect.objectContaining({ venueAccessibility: null }) });
    });

    it('should ask for the NGO unless the police organised it alone, and for both coordinates', () => {
      expect(buildUpdateMeetingInput({ ...meetingEditFormOf(view), organisedBy: 'ngo' })).toEqual({ ok: false, errors: ['resources.meetings.errors.facilitator'] });
      expect(buildUpdateMeetingInput({ ...meetingEditFormOf(view), venueLng: null })).toEqual({ ok: false, errors: ['resources.meetings.errors.coordinates'] });
    });

    it('should offer editing while draft, scheduled or postponed only', () => {
      expect((['draft', 'scheduled', 'postponed', 'held', 'closed', 'cancelled'] as const).filter(isEditable)).toEqual(['draft', 'scheduled', 'postponed']);
      expect(isEditable(undefined)).toBe(false);
    });
  });

  describe(buildConcernInput.name, () => {
    it('should need a topic and the text', () => {
      expect(buildConcernInput(emptyConcern(), 'me')).toEqual({
        ok: false,
        errors: ['resources.meetings.errors.topic', 'resources.meetings.errors.text'],
      });
    });

    it('should keep the raiser anonymous unless gender or age group is given', () => {
      const built = buildConcernInput({ ...emptyConcern(), topic: 'water-and-irrigation', text: ' Canal ', answer: ' ' }, 'me');
      expect(built).toEqual({
        ok: true,
        value: {
          topic: 'water-and-irrigation',
          sensitivity: 'public',
          text: 'Canal',
          answer: null,
          followUpNeeded: false,
          raiser: { gender: null, ageGroup: null },
          handlerIds: [],
        },
      });
      if (built.ok) expect(RecordConcernInputSchema.safeParse(built.value).success).toBe(true);
    });

    it('should name the recorder and the other handlers of a confidential concern, and no handlers otherwise', () => {
      const draft = { ...emptyConcern(), topic: 'domestic-violence' as const, text: 'x', gender: 'female' as const, ageGroup: '18-29' as const };
      const confidential = buildConcernInput({ ...draft, sensitivity: 'confidential', otherHandlers: ['h-2', 'h-3', 'me'] }, 'me');
      expect(confidential.ok && confidential.value.handlerIds).toEqual(['me', 'h-2', 'h-3']);
      if (confidential.ok) expect(RecordConcernInputSchema.safeParse(confidential.value).success).toBe(true);
      const restricted = buildConcernInput({ ...draft, sensitivity: 'restricted', otherHandlers: ['h-2'] }, 'me');
      expect(restricted.ok && restricted.value.handlerIds).toEqual([]);
    });

    it('should read the handlers of a draft kept from before the picker (one comma-separated text)', () => {
      const draft = { ...emptyConcern(), topic: 'domestic-violence' as const, text: 'x', sensitivity: 'confidential' as const };
      const kept = buildConcernInput({ ...draft, otherHandlers: 'h-2, h-3 me' as unknown as string[] }, 'me');
      expect(kept.ok && kept.value.handlerIds).toEqual(['me', 'h-2', 'h-3']);
    });
  });

  describe('actions', () => {
    it('should need an owner organisation and a due date', () => {
      expect(buildActionInput(emptyAction())).toEqual({
        ok: false,
        errors: ['resources.meetings.errors.owner', 'resources.meetings.errors.dueDate'],
      });
      const built = buildActionInput({ ...emptyAction(), ownerOrganisationId: ORG, dueDate: '2026-12-15', description: ' Fix the canal ' });
      expect(built).toEqual({ ok: true, value: { ownerOrganisationId: ORG, ownerContactId: null, dueDate: '2026-12-15', description: 'Fix the canal' } });
      if (built.ok) expect(AssignActionInputSchema.safeParse(built.value).success).toBe(true);
    });

    it('should require a note to complete, the agency to refer and a reason to drop', () => {
      expect(buildActionTransition('in-progress', '')).toEqual({ ok: true, value: { to: 'in-progress' } });
      expect(buildActionTransition('done', '  ')).toEqual({ ok: false, errors: ['resources.meetings.errors.note'] });
      expect(buildActionTransition('done', 'Repaired')).toEqual({ ok: true, value: { to: 'done', note: 'Repaired' } });
      expect(buildActionTransition('referred', 'Water agency')).toEqual({ ok: true, value: { to: 'referred', referredTo: 'Water agency' } });
      expect(buildActionTransition('dropped', '')).toEqual({ ok: false, errors: ['resources.meetings.errors.reason'] });
      for (const to of ['in-progress', 'done', 'referred', 'dropped'] as const) {
        const built = buildActionTransition(to, 'text');
        if (built.ok) expect(TransitionActionInputSchema.safeParse(built.value).success).toBe(true);
      }
    });
  });

  describe(buildFeedbackBatch.name, () => {
    it('should send every filled row in one batch and skip blank ones', () => {
      const rows = [
        { ...emptyFeedbackRow(), usefulness: 5, trust: 4, contactFirst: true },
        emptyFeedbackRow(),
        { ...emptyFeedbackRow(), usefulness: 2, trust: 1, contactFirst: false, comment: ' Too long ', gender: 'female' as const, ageGroup: '60-plus' as const },
      ];
      const built = buildFeedbackBatch(rows);
      expect(built).toEqual({
        ok: true,
        value: [
          { usefulness: 5, trustInPolice: 4, wouldContactPoliceFirst: true },
          { usefulness: 2, trustInPolice: 1, wouldContactPoliceFirst: false, comment: 'Too long', gender: 'female', ageGroup: '60-plus' },
        ],
      });
      if (built.ok) expect(FeedbackBatchInputSchema.safeParse(built.value).success).toBe(true);
    });

    it('should point at rows with an answer missing and refuse an empty sheet', () => {
      const rows = [{ ...emptyFeedbackRow(), usefulness: 3 }, emptyFeedbackRow(), { ...emptyFeedbackRow(), comment: 'x', trust: 2, contactFirst: true }];
      expect(incompleteRows(rows)).toEqual([0, 2]);
      expect(buildFeedbackBatch(rows)).toEqual({ ok: false, errors: ['resources.meetings.errors.feedbackIncomplete'] });
      expect(buildFeedbackBatch([emptyFeedbackRow()])).toEqual({ ok: false, errors: ['resources.meetings.errors.feedbackEmpty'] });
    });
  });

  describe(buildAttendanceInput.name, () => {
    const counts = emptyCounts();
    counts.women.from30to59 = 10;
    counts.men.from18to29 = 5;

    it('should send a local meeting without per-community rows, the officials of each organisation present and the staff introduced', () => {
      const built = buildAttendanceInput({ counts, officials: { [ORG]: 2, [B]: 0, [C]: 1 }, staffIntroduced: [A, A] }, { kind: 'local', communityIds: [A], policeUnitId: ORG });
      expect(built).toEqual({ ok: true, value: { counts, officials: [{ organisationId: ORG, count: 2 }, { organisationId: C, count: 1 }], staffIntroducedContactIds: [A] } });
      if (built.ok) expect(AttendanceInputSchema.safeParse(built.value).success).toBe(true);
    });

    it('should keep what the gateway has when it is loaded and saved again (no organisation or introduced officer dropped)', () => {
      const saved = {
        counts,
        officials: [{ organisationId: ORG, count: 2 }, { organisationId: C, count: 3 }],
        staffIntroducedContactIds: [B],
        byCommunity: [],
      };
      const built = buildAttendanceInput(attendanceDraftOf(saved), { kind: 'local', communityIds: [A], policeUnitId: null });
      expect(built).toEqual({ ok: true, value: { counts, officials: saved.officials, staffIntroducedContactIds: [B] } });
    });

    it('should read a draft kept by the earlier console (one number) as the police unit officials', () => {
      expect(upgradeAttendanceDraft({ counts, officials: 3 }, ORG).officials).toEqual({ [ORG]: 3 });
      expect(upgradeAttendanceDraft({ counts, officials: 3 }, null).officials).toEqual({});
      expect(upgradeAttendanceDraft({ counts, officials: { [C]: 1 } }, ORG).officials).toEqual({ [C]: 1 });
    });

    it('should ask about the police unit, the facilitating NGO, the invited organisations and any recorded, once each', () => {
      expect(organisationsToAsk({ policeUnitId: ORG, facilitatingOrganisationId: B, inviteeOrganisationIds: [C, ORG] }, { officials: { [A]: 1, [B]: 2 } })).toEqual([ORG, B, C, A]);
      expect(organisationsToAsk({ policeUnitId: null }, { officials: {} })).toEqual([]);
    });

    it('should send a regional meeting with one row per community when they add up to the total', () => {
      const meeting = { kind: 'regional' as const, communityIds: [A, B], policeUnitId: null };
      const built = buildAttendanceInput({ counts, officials: {}, byCommunity: { [A]: 9, [B]: 6 } }, meeting);
      expect(built).toEqual({
        ok: true,
        value: { counts, officials: [], staffIntroducedContactIds: [], byCommunity: [{ communityId: A, attendees: 9 }, { communityId: B, attendees: 6 }] },
      });
      if (built.ok) expect(AttendanceInputSchema.safeParse(built.value).success).toBe(true);
      expect(buildAttendanceInput({ counts, officials: {}, byCommunity: { [A]: 9 } }, meeting)).toEqual({
        ok: false,
        errors: ['resources.meetings.errors.communitySum'],
      });
    });
  });

  describe(sensitivityTargets.name, () => {
    it('should offer to raise always, and to lower only to a handler or the coordinator', () => {
      expect(sensitivityTargets({ sensitivity: 'public', handlerIds: [] }, 'me', false)).toEqual(['restricted', 'confidential']);
      expect(sensitivityTargets({ sensitivity: 'restricted', handlerIds: [] }, 'me', false)).toEqual(['confidential']);
      expect(sensitivityTargets({ sensitivity: 'confidential', handlerIds: ['other'] }, 'me', false)).toEqual([]);
      expect(sensitivityTargets({ sensitivity: 'confidential', handlerIds: ['me'] }, 'me', false)).toEqual(['public', 'restricted']);
      expect(sensitivityTargets({ sensitivity: 'restricted', handlerIds: [] }, 'me', true)).toEqual(['public', 'confidential']);
      // Named by themselves while raising it: they read it but may not lower it.
      expect(sensitivityTargets({ sensitivity: 'confidential', handlerIds: ['me'], provisionalHandlerIds: ['me'] }, 'me', false)).toEqual([]);
    });

    it('should name the one who makes a concern confidential its handler when it has none', () => {
      expect(sensitivityPatch({ handlerIds: [] }, 'confidential', 'me')).toEqual({ sensitivity: 'confidential', handlerIds: ['me'] });
      expect(sensitivityPatch({ handlerIds: ['other'] }, 'confidential', 'me')).toEqual({ sensitivity: 'confidential' });
      expect(sensitivityPatch({ handlerIds: [] }, 'restricted', 'me')).toEqual({ sensitivity: 'restricted' });
    });
  });

  describe(parseHidden.name, () => {
    it('should read the counts the gateway withholds, and nothing from a missing or broken header', () => {
      expect(parseHidden('{"public":0,"restricted":2,"confidential":1}')).toEqual({ public: 0, restricted: 2, confidential: 1 });
      expect(parseHidden(null)).toEqual({ public: 0, restricted: 0, confidential: 0 });
      expect(parseHidden('not json')).toEqual({ public: 0, restricted: 0, confidential: 0 });
      expect(parseHidden('{"restricted":-4,"confidential":"3"}')).toEqual({ public: 0, restricted: 0, confidential: 0 });
    });
  });
});
