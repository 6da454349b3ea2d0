import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, type Actor, type CreateMeetingInput } from '@rd/contracts';
import type { MeetingReferences } from './meeting-references';
import { MeetingsService, minutesApproverOf } from './meetings.service';

function setup() {
  const mocks = {
    em: { transactional: jest.fn(), findOne: jest.fn(), find: jest.fn(), getRepository: jest.fn() },
    references: {
      placeOf: jest.fn().mockResolvedValue({ code: 'isfara', regionCode: 'sughd', timeZone: 'Asia/Dushanbe' }),
      checkOrganisations: jest.fn().mockResolvedValue(undefined),
      checkInvitees: jest.fn().mockResolvedValue(undefined),
    },
  };
  const sut = new MeetingsService(mocks.em as unknown as EntityManager, mocks.references as unknown as MeetingReferences);
  return { sut, mocks };
}

const actor = (roles: Actor['roles'], districts: string[]): Actor => ({ userId: 'u', username: 'u', roles, scope: { national: false, regions: [], districts } });
const input: CreateMeetingInput = {
  kind: 'local',
  communityIds: ['7f1c0a4e-6a55-4f59-9f55-0b2a1f2f1c11'],
  districtCode: 'isfara',
  title: 'Reporting day',
  startsAt: '2026-12-01T05:00:00Z',
  durationMinutes: 120,
  venueName: 'School',
  venueType: 'school',
  organisedBy: 'police',
  inviteeContactIds: [],
  inviteeOrganisationIds: [],
};

describe(MeetingsService.name, () => {
  describe('create', () => {
    it('should refuse a district outside the actor scope before touching the database', async () => {
      const { sut, mocks } = setup();
      await expect(sut.create(actor(['police-officer'], ['batken']), input, 'c-1')).rejects.toMatchObject({ code: ErrorCode.Forbidden });
      expect(mocks.em.transactional).not.toHaveBeenCalled();
    });

    it('should refuse a role without meeting:plan before asking communities', async () => {
      const { sut, mocks } = setup();
      await expect(sut.create(actor(['local-government'], ['isfara']), input, 'c-1')).rejects.toMatchObject({ code: ErrorCode.Forbidden });
      expect(mocks.em.transactional).not.toHaveBeenCalled();
      expect(mocks.references.placeOf).not.toHaveBeenCalled();
    });

    it('should check the references with the caller as actor in the place communities gives', async () => {
      const { sut, mocks } = setup();
      const caller = actor(['police-officer'], ['isfara']);
      mocks.references.checkInvitees.mockRejectedValue(Object.assign(new Error('The request is invalid'), { code: ErrorCode.ValidationFailed }));
      await expect(sut.create(caller, input, 'c-1')).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      expect(mocks.references.placeOf).toHaveBeenCalledWith(caller, input, 'c-1');
      expect(mocks.references.checkOrganisations).toHaveBeenCalledWith(caller, { districtCode: 'isfara', regionCode: 'sughd' }, input, 'c-1');
      expect(mocks.em.transactional).not.toHaveBeenCalled();
    });

    it('should require a facilitating organisation when an NGO organised the meeting', async () => {
      const { sut } = setup();
      await expect(sut.create(actor(['ngo-admin'], ['isfara']), { ...input, organisedBy: 'ngo' }, 'c-1')).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
        errors: [{ field: 'facilitatingOrganisationId' }],
      });
    });
  });

  describe('get', () => {
    it('should hide a meeting outside the scope as NOT_FOUND', async () => {
      const { sut, mocks } = setup();
      mocks.em.findOne.mockResolvedValue({ id: 'm', districtCode: 'batken', regionCode: 'batken' });
      await expect(sut.get(actor(['police-officer'], ['isfara']), 'm')).rejects.toMatchObject({ code: ErrorCode.NotFound });
    });

    it('should refuse a regional reviewer (aggregates only)', async () => {
      const { sut, mocks } = setup();
      await expect(sut.get({ ...actor(['regional-reviewer'], []), scope: { national: false, regions: ['sughd'], districts: [] } }, 'm')).rejects.toMatchObject({
        code: ErrorCode.Forbidden,
      });
      expect(mocks.em.findOne).not.toHaveBeenCalled();
    });
  });

  describe('list', () => {
    it('should answer no minutes awaiting approval without asking the database when the actor may approve none', async () => {
      const { sut, mocks } = setup();
      const query = { offset: 0, limit: 25, sort: 'startsAt', order: 'ASC', minutesAwaitingApproval: true } as const;
      // Local government reads minutes but approves none; an officer whose token names no unit approves none either.
      for (const caller of [actor(['local-government'], ['isfara']), actor(['police-officer'], ['isfara'])]) {
        await expect(sut.list(caller, query)).resolves.toEqual({ items: [], total: 0 });
      }
      expect(mocks.em.getRepository).not.toHaveBeenCalled();
    });
  });
});

describe(minutesApproverOf.name, () => {
  it('should follow the approval rule: any meeting for the coordinator, the own organisation otherwise, none without one', () => {
    const coordinator: Actor = { ...actor(['national-coordinator'], []), scope: { national: true, regions: [], districts: [] } };
    expect(minutesApproverOf(coordinator)).toEqual({ anyMeeting: true });
    expect(minutesApproverOf({ ...actor(['ngo-admin'], ['isfara']), organisationId: 'org-1' })).toEqual({ anyMeeting: false, organisationId: 'org-1' });
    expect(minutesApproverOf(actor(['police-officer'], ['isfara']))).toBeNull();
    expect(minutesApproverOf({ ...actor(['local-government'], ['isfara']), organisationId: 'org-2' })).toBeNull();
  });
});
