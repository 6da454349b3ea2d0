import { ErrorCode, type Actor } from '@rd/contracts';
import { RpcError, type RpcClient } from '@rd/messaging';
import { MeetingReferences } from './meeting-references';

type Reply = (data: Record<string, unknown>) => unknown;

/** communities as a table of answers by query name; an answer that is an RpcError is thrown. */
function setup(answers: Record<string, Reply>) {
  const mocks = {
    rpc: {
      connect: jest.fn(),
      close: jest.fn(),
      request: jest.fn((def: { name: string }, _actor: Actor, data: Record<string, unknown>) => {
        const answer = answers[def.name]?.(data);
        return answer instanceof RpcError ? Promise.reject(answer) : Promise.resolve(answer);
      }),
    },
  };
  const sut = new MeetingReferences(mocks.rpc as unknown as Pick<RpcClient, 'connect' | 'close' | 'request'>);
  return { sut, mocks };
}

const notFound = () => new RpcError({ code: ErrorCode.NotFound, message: 'not found' });
const police: Actor = { userId: 'u', username: 'u', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['isfara'] } };
const coordinator: Actor = { ...police, roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
const isfara = { code: 'isfara', regionCode: 'sughd', timeZone: 'Asia/Dushanbe' };
const place = { districtCode: 'isfara', regionCode: 'sughd' };
const c1 = '00000000-0000-4000-8000-000000000001';
const c2 = '00000000-0000-4000-8000-000000000002';

describe(MeetingReferences.name, () => {
  describe('placeOf', () => {
    it('should give the district’s region and time zone, asking communities as the caller', async () => {
      const { sut, mocks } = setup({
        'communities.qry.district.get.v1': () => isfara,
        'communities.qry.community.get.v1': () => ({ districtCode: 'isfara' }),
      });
      await expect(sut.placeOf(police, { districtCode: 'isfara', communityIds: [c1] }, 'c-1')).resolves.toEqual(isfara);
      expect(mocks.rpc.request).toHaveBeenCalledWith(expect.objectContaining({ name: 'communities.qry.district.get.v1' }), police, { code: 'isfara' }, { correlationId: 'c-1' });
    });

    it('should answer a district the caller cannot see as out of scope, and as unknown to a national caller', async () => {
      const { sut } = setup({ 'communities.qry.district.get.v1': notFound });
      await expect(sut.placeOf(police, { districtCode: 'batken', communityIds: [] }, 'c-1')).rejects.toMatchObject({ reason: 'auth.out-of-scope' });
      await expect(sut.placeOf(coordinator, { districtCode: 'nowhere', communityIds: [] }, 'c-1')).rejects.toMatchObject({
        reason: 'request.invalid',
        errors: [{ field: 'districtCode', message: 'unknown district' }],
      });
    });

    it('should name each unknown community and each of another district', async () => {
      const { sut } = setup({
        'communities.qry.district.get.v1': () => isfara,
        'communities.qry.community.get.v1': (data) => (data.id === c1 ? notFound() : { districtCode: 'batken' }),
      });
      const error = await sut.placeOf(police, { districtCode: 'isfara', communityIds: [c1, c2] }, 'c-1').catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: 'request.invalid', message: 'The request is invalid' });
      expect((error as { errors: unknown[] }).errors).toEqual(
        expect.arrayContaining([
          { field: 'communityIds.0', message: 'unknown community' },
          { field: 'communityIds.1', message: 'the community is not in this district' },
        ]),
      );
    });

    it('should pass on any other refusal of communities with its own code', async () => {
      const { sut } = setup({ 'communities.qry.district.get.v1': () => new RpcError({ code: ErrorCode.ServiceUnavailable, message: 'down' }) });
      await expect(sut.placeOf(police, { districtCode: 'isfara', communityIds: [] }, 'c-1')).rejects.toMatchObject({ code: ErrorCode.ServiceUnavailable });
    });
  });

  describe('checkOrganisations', () => {
    it('should refuse a police unit of the wrong kind and a facilitator of another district', async () => {
      const { sut } = setup({
        'communities.qry.organisation.get.v1': (data) =>
          data.id === c1 ? { kind: 'ngo', districtCode: 'isfara', regionCode: 'sughd' } : { kind: 'ngo', districtCode: 'batken', regionCode: 'batken' },
      });
      const error = await sut.checkOrganisations(police, place, { policeUnitId: c1, facilitatingOrganisationId: c2 }, 'c-1').catch((e: unknown) => e);
      expect((error as { errors: unknown[] }).errors).toEqual(
        expect.arrayContaining([
          { field: 'policeUnitId', message: 'must be a police or law-enforcement unit' },
          { field: 'facilitatingOrganisationId', message: 'not of the meeting’s district or region' },
        ]),
      );
    });

    it('should accept a region-level police body of the meeting’s region', async () => {
      const { sut } = setup({ 'communities.qry.organisation.get.v1': () => ({ kind: 'regional-law-enforcement', districtCode: null, regionCode: 'sughd' }) });
      await expect(sut.checkOrganisations(police, place, { policeUnitId: c1 }, 'c-1')).resolves.toBeUndefined();
    });
  });

  describe('checkInvitees', () => {
    it('should name each invitee the caller cannot see and each of another district, by position', async () => {
      const { sut } = setup({
        'communities.qry.contact.list.v1': () => ({ items: [{ id: c2, districtCode: 'batken', regionCode: 'batken' }], total: 1 }),
        'communities.qry.organisation.list.v1': () => ({ items: [{ id: c1, districtCode: null, regionCode: 'sughd' }], total: 1 }),
      });
      const error = await sut.checkInvitees(police, place, { inviteeContactIds: [c1, c2], inviteeOrganisationIds: [c1] }, 'c-1').catch((e: unknown) => e);
      expect((error as { errors: unknown[] }).errors).toEqual([
        { field: 'inviteeContactIds.0', message: 'unknown' },
        { field: 'inviteeContactIds.1', message: 'not of the meeting’s district or region' },
      ]);
    });
  });
});
