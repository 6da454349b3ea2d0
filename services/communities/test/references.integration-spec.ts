import {
  AssignOfficerCmdV1,
  CreateCommunityCmdV1,
  CreateContactCmdV1,
  CreateOrganisationCmdV1,
  ErrorCode,
  ListContactsQryV1,
  ListOrganisationsQryV1,
  UpdateCommunityCmdV1,
  UpdateContactCmdV1,
  type Actor,
  type CreateContactInput,
  type OrganisationKind,
} from '@rd/contracts';
import { RpcError } from '@rd/messaging';
import { startCommunitiesHarness, type CommunitiesHarness } from './support/communities-harness';

const coordinator: Actor = { userId: 'u-coord', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
const ngoIsfara: Actor = { userId: 'u-ngo-isfara', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };
const policeIsfara: Actor = { userId: 'u-police-isfara', username: 'police.isfara', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['isfara'] } };

/**
 * Every reference from one record to another is checked against the caller's reach (a record
 * it cannot see is "unknown", exactly like one that does not exist) and the district/region rule (same district,
 * or region-level in the same region). The case that started it: a contact of Isfara linked to a Batken
 * organisation would receive Batken's invitations and minutes.
 */
describe('cross-district references in communities (real PostgreSQL and NATS)', () => {
  let harness: CommunitiesHarness;
  const ctx = { correlationId: 'references-test' };
  const ids: Record<string, string> = {};

  async function refused(promise: Promise<unknown>): Promise<{ code: string; errors: { field: string; message: string }[] }> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RpcError);
    const payload = (error as RpcError).payload;
    return { code: payload.code, errors: payload.errors ?? [] };
  }

  const organisation = async (name: string, kind: OrganisationKind, place: { districtCode?: string; regionCode?: string }) =>
    (await harness.rpc.request(CreateOrganisationCmdV1, coordinator, { name, kind, ...place }, ctx)).id;
  const contact = async (actor: Actor, input: Partial<CreateContactInput> & { name: string }) =>
    harness.rpc.request(CreateContactCmdV1, actor, { preferredLanguage: 'ru', preferredChannel: 'console', consent: true, communityIds: [], ...input }, ctx);

  beforeAll(async () => {
    harness = await startCommunitiesHarness();
    ids.isfaraPolice = await organisation('Isfara police (refs)', 'district-police', { districtCode: 'isfara' });
    ids.isfaraNgo = await organisation('Isfara NGO (refs)', 'ngo', { districtCode: 'isfara' });
    ids.khujandPolice = await organisation('Khujand police (refs)', 'district-police', { districtCode: 'khujand' });
    ids.batkenPolice = await organisation('Batken police (refs)', 'district-police', { districtCode: 'batken' });
    ids.batkenNgo = await organisation('Batken NGO (refs)', 'ngo', { districtCode: 'batken' });
    ids.sughdRegional = await organisation('Sughd regional department (refs)', 'regional-law-enforcement', { regionCode: 'sughd' });
    const community = (name: string, districtCode: string) =>
      harness.rpc.request(CreateCommunityCmdV1, coordinator, { name, districtCode, kind: 'village', borderAdjacent: true, languages: ['tg'] }, ctx);
    ids.isfaraCommunity = (await community('Refs village Isfara', 'isfara')).id;
    ids.khujandCommunity = (await community('Refs village Khujand', 'khujand')).id;
    ids.batkenCommunity = (await community('Refs village Batken', 'batken')).id;
    ids.batkenContact = (await contact(coordinator, { name: 'Batken officer (refs)', organisationId: ids.batkenPolice })).id;
    ids.khujandContact = (await contact(coordinator, { name: 'Khujand officer (refs)', organisationId: ids.khujandPolice })).id;
    ids.isfaraOfficer = (await contact(coordinator, { name: 'Isfara officer (refs)', organisationId: ids.isfaraPolice })).id;
  });

  afterAll(() => harness?.close());

  describe('contacts', () => {
    it('should answer "unknown organisation" when an Isfara user links a contact to a Batken organisation (not "outside your scope")', async () => {
      const error = await refused(contact(ngoIsfara, { name: 'Isfara person linked to Batken', districtCode: 'isfara', organisationId: ids.batkenPolice }));
      expect(error).toEqual({ code: ErrorCode.ValidationFailed, errors: [{ field: 'organisationId', message: 'Unknown organisation' }] });
      // The same answer as for an id that does not exist: existence is not revealed.
      const missing = await refused(contact(ngoIsfara, { name: 'Isfara person linked to nothing', districtCode: 'isfara', organisationId: '5a0d3f8e-1c2b-4d5e-8f90-123456789abc' }));
      expect(missing).toEqual(error);
    });

    it('should refuse, even for the coordinator, a contact of one district in an organisation of another district or region', async () => {
      const batken = await refused(contact(coordinator, { name: 'Isfara person in Batken org', districtCode: 'isfara', organisationId: ids.batkenPolice }));
      expect(batken).toEqual({ code: ErrorCode.ValidationFailed, errors: [{ field: 'organisationId', message: 'The organisation is not of the contact’s district or region' }] });
      const khujand = await refused(contact(coordinator, { name: 'Isfara person in Khujand org', districtCode: 'isfara', organisationId: ids.khujandPolice }));
      expect(khujand.errors.map((e) => e.field)).toEqual(['organisationId']);
    });

    it('should accept a region-level organisation of the contact’s region, and the contact’s own district', async () => {
      const regional = await contact(ngoIsfara, { name: 'Isfara liaison of the regional department', districtCode: 'isfara', organisationId: ids.sughdRegional });
      expect(regional).toMatchObject({ districtCode: 'isfara', regionCode: 'sughd', organisationId: ids.sughdRegional });
      const local = await contact(ngoIsfara, { name: 'Isfara NGO worker (refs)', organisationId: ids.isfaraNgo, communityIds: [ids.isfaraCommunity] });
      expect(local).toMatchObject({ districtCode: 'isfara', organisationId: ids.isfaraNgo, communityIds: [ids.isfaraCommunity] });
    });

    it('should refuse a community of another district for the communities a contact serves', async () => {
      const error = await refused(contact(coordinator, { name: 'Isfara person serving Batken', districtCode: 'isfara', communityIds: [ids.isfaraCommunity, ids.batkenCommunity] }));
      expect(error.errors).toEqual([{ field: 'communityIds.1', message: 'The community is not of the contact’s district or region' }]);
    });

    it('should check the organisation and communities of a change like those of a new contact', async () => {
      const person = await contact(ngoIsfara, { name: 'Isfara person to move (refs)', districtCode: 'isfara' });
      const unseen = await refused(harness.rpc.request(UpdateContactCmdV1, ngoIsfara, { id: person.id, patch: { organisationId: ids.batkenNgo } }, ctx));
      expect(unseen.errors).toEqual([{ field: 'organisationId', message: 'Unknown organisation' }]);
      const rule = await refused(harness.rpc.request(UpdateContactCmdV1, coordinator, { id: person.id, patch: { organisationId: ids.batkenNgo, communityIds: [ids.khujandCommunity] } }, ctx));
      expect(rule.errors.map((e) => e.field)).toEqual(['organisationId', 'communityIds.0']);
      const fine = await harness.rpc.request(UpdateContactCmdV1, ngoIsfara, { id: person.id, patch: { organisationId: ids.sughdRegional } }, ctx);
      expect(fine.organisationId).toBe(ids.sughdRegional);
    });

    it('should leave out of "contacts of an organisation / of a community" a link made across districts before the rule', async () => {
      // As existing data could hold it: written past the service.
      const leaked = await contact(coordinator, { name: 'Legacy Isfara person (refs)', districtCode: 'isfara' });
      await harness.orm.em.fork().getConnection().execute('update contact set organisation_id = ?, community_ids = ? where id = ?', [
        ids.batkenPolice,
        JSON.stringify([ids.batkenCommunity]),
        leaked.id,
      ]);
      const page = { offset: 0, limit: 100, sort: 'name' as const, order: 'ASC' as const };
      const ofOrganisation = await harness.rpc.request(ListContactsQryV1, coordinator, { ...page, organisationId: ids.batkenPolice }, ctx);
      expect(ofOrganisation.items.map((c) => c.id)).toEqual([ids.batkenContact]);
      const ofCommunity = await harness.rpc.request(ListContactsQryV1, coordinator, { ...page, communityId: ids.batkenCommunity }, ctx);
      expect(ofCommunity.items.map((c) => c.id)).toEqual([]);
      const regional = await harness.rpc.request(ListContactsQryV1, coordinator, { ...page, organisationId: ids.sughdRegional }, ctx);
      expect(regional.items.map((c) => c.name).sort()).toEqual(['Isfara liaison of the regional department', 'Isfara person to move (refs)']);
    });
  });

  describe('communities', () => {
    it('should answer "unknown" for a police unit, partner, focal point or local government contact the Isfara user cannot see', async () => {
      const error = await refused(
        harness.rpc.request(
          UpdateCommunityCmdV1,
          ngoIsfara,
          {
            id: ids.isfaraCommunity,
            patch: { policeUnitId: ids.batkenPolice, partnerOrganisationId: ids.batkenNgo, focalPointContactIds: [ids.batkenContact], localGovernmentContactId: ids.khujandContact },
          },
          ctx,
        ),
      );
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.errors).toEqual([
        { field: 'partnerOrganisationId', message: 'Unknown organisation' },
        { field: 'policeUnitId', message: 'Unknown organisation' },
        { field: 'focalPointContactIds.0', message: 'Unknown contact' },
        { field: 'localGovernmentContactId', message: 'Unknown contact' },
      ]);
    });

    it('should refuse, even for the coordinator, organisations and contacts of another district', async () => {
      const error = await refused(
        harness.rpc.request(
          UpdateCommunityCmdV1,
          coordinator,
          { id: ids.isfaraCommunity, patch: { policeUnitId: ids.khujandPolice, partnerOrganisationId: ids.batkenNgo, focalPointContactIds: [ids.isfaraOfficer, ids.batkenContact] } },
          ctx,
        ),
      );
      expect(error.errors).toEqual([
        { field: 'partnerOrganisationId', message: 'The organisation is not of the community’s district or region' },
        { field: 'policeUnitId', message: 'The organisation is not of the community’s district or region' },
        { field: 'focalPointContactIds.1', message: 'The contact is not of the community’s district or region' },
      ]);
    });

    it('should accept the district’s own and the region’s regional bodies', async () => {
      const updated = await harness.rpc.request(
        UpdateCommunityCmdV1,
        ngoIsfara,
        { id: ids.isfaraCommunity, patch: { policeUnitId: ids.sughdRegional, partnerOrganisationId: ids.isfaraNgo, focalPointContactIds: [ids.isfaraOfficer] } },
        ctx,
      );
      expect(updated).toMatchObject({ policeUnitId: ids.sughdRegional, partnerOrganisationId: ids.isfaraNgo, focalPointContactIds: [ids.isfaraOfficer] });
    });
  });

  describe('who a meeting may invite (meetingDistrict)', () => {
    const page = { offset: 0, limit: 500, sort: 'name' as const, order: 'ASC' as const };
    const names = (rows: { name: string }[]) => rows.map((row) => row.name).filter((name) => name.endsWith('(refs)'));

    it('should offer the district’s organisations and the regional law-enforcement department of its region, not other districts’', async () => {
      const forIsfara = await harness.rpc.request(ListOrganisationsQryV1, coordinator, { ...page, meetingDistrict: 'isfara' }, ctx);
      expect(names(forIsfara.items)).toEqual(['Isfara NGO (refs)', 'Isfara police (refs)', 'Sughd regional department (refs)']);
      // The district filter alone leaves the regional department out: the invite step used it.
      const byDistrict = await harness.rpc.request(ListOrganisationsQryV1, coordinator, { ...page, districtCode: 'isfara' }, ctx);
      expect(names(byDistrict.items)).not.toContain('Sughd regional department (refs)');
      // The same for a district user, whose scope reaches the region-level records of its region.
      expect(names((await harness.rpc.request(ListOrganisationsQryV1, ngoIsfara, { ...page, meetingDistrict: 'isfara' }, ctx)).items)).toEqual(names(forIsfara.items));
      expect((await harness.rpc.request(ListOrganisationsQryV1, coordinator, { ...page, meetingDistrict: 'nowhere' }, ctx)).total).toBe(0);
    });

    it('should offer the head of the regional department (a region-level contact) with the district’s contacts, not other districts’', async () => {
      const head = await contact(coordinator, { name: 'Head of the Sughd regional department (refs)', organisationId: ids.sughdRegional });
      expect(head).toMatchObject({ districtCode: null, regionCode: 'sughd' });
      for (const actor of [coordinator, ngoIsfara]) {
        const offered = await harness.rpc.request(ListContactsQryV1, actor, { ...page, meetingDistrict: 'isfara' }, ctx);
        expect(names(offered.items)).toEqual(expect.arrayContaining(['Head of the Sughd regional department (refs)', 'Isfara officer (refs)']));
        expect(names(offered.items)).not.toEqual(expect.arrayContaining(['Khujand officer (refs)']));
        expect(names(offered.items)).not.toEqual(expect.arrayContaining(['Batken officer (refs)']));
      }
      const byDistrict = await harness.rpc.request(ListContactsQryV1, coordinator, { ...page, districtCode: 'isfara' }, ctx);
      expect(names(byDistrict.items)).toContain('Isfara officer (refs)');
      expect(names(byDistrict.items)).not.toContain('Head of the Sughd regional department (refs)');
    });
  });

  describe('officer assignments', () => {
    it('should answer "unknown" for a police unit or officer the Isfara user cannot see, and refuse another district’s for the coordinator', async () => {
      const unseen = await refused(
        harness.rpc.request(AssignOfficerCmdV1, policeIsfara, { communityId: ids.isfaraCommunity, officerContactId: ids.batkenContact, policeUnitId: ids.batkenPolice }, ctx),
      );
      expect(unseen.errors).toEqual([
        { field: 'officerContactId', message: 'Unknown contact' },
        { field: 'policeUnitId', message: 'Unknown organisation' },
      ]);
      const rule = await refused(
        harness.rpc.request(AssignOfficerCmdV1, coordinator, { communityId: ids.isfaraCommunity, officerContactId: ids.khujandContact, policeUnitId: ids.batkenPolice }, ctx),
      );
      expect(rule.errors).toEqual([
        { field: 'officerContactId', message: 'The contact is not of the community’s district or region' },
        { field: 'policeUnitId', message: 'The organisation is not of the community’s district or region' },
      ]);
    });

    it('should accept an officer of the district and the regional department of its region', async () => {
      const row = await harness.rpc.request(AssignOfficerCmdV1, policeIsfara, { communityId: ids.isfaraCommunity, officerContactId: ids.isfaraOfficer, policeUnitId: ids.sughdRegional }, ctx);
      expect(row).toMatchObject({ officerContactId: ids.isfaraOfficer, policeUnitId: ids.sughdRegional, districtCode: 'isfara' });
    });
  });
});
