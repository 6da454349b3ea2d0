import type { TemplateView } from '@rd/contracts';
import { communityMeetingsPath, latestTemplateId, meetingCreatePath, meetingPrefill, organisedByFor } from './planFromCommunity';

const template = (key: string, version: number, createdAt = '2026-01-01T00:00:00.000Z'): TemplateView => ({
  id: `00000000-0000-4000-8000-${String(version).padStart(6, '0')}${key.padEnd(6, '0').slice(0, 6)}`,
  key,
  version,
  name: key,
  agenda: [],
  checklist: [],
  createdAt,
});

const community = {
  id: '11111111-1111-4111-8111-111111111111',
  districtCode: 'isfara',
  policeUnitId: '22222222-2222-4222-8222-222222222222',
  partnerOrganisationId: '33333333-3333-4333-8333-333333333333',
};
const ownNgo = '44444444-4444-4444-8444-444444444444';

describe(organisedByFor.name, () => {
  it('should have a police officer organise for the police, facilitated when the community has a partner NGO', () => {
    expect(organisedByFor(['police-officer'], true)).toBe('police-ngo-facilitated');
    expect(organisedByFor(['police-officer'], false)).toBe('police');
  });

  it('should have an NGO admin organise for the NGO, and the coordinator as the police with the partner facilitating', () => {
    expect(organisedByFor(['ngo-admin'], true)).toBe('ngo');
    expect(organisedByFor(['national-coordinator'], true)).toBe('police-ngo-facilitated');
    expect(organisedByFor(['national-coordinator'], false)).toBe('police');
    expect(organisedByFor([], false)).toBe('police');
  });
});

describe(latestTemplateId.name, () => {
  it('should pick the latest version of the handbook reporting-day family over newer families', () => {
    const v1 = template('reporting-day', 1);
    const v2 = template('reporting-day', 2);
    const other = template('regional', 5, '2026-06-01T00:00:00.000Z');
    expect(latestTemplateId([v2, other, v1])).toBe(v2.id);
  });

  it('should fall back to the latest version of the newest family, and to none without templates', () => {
    const old = template('local', 3, '2026-01-01T00:00:00.000Z');
    const newer1 = template('field', 1, '2026-02-01T00:00:00.000Z');
    const newer2 = template('field', 2, '2026-03-01T00:00:00.000Z');
    expect(latestTemplateId([old, newer1, newer2])).toBe(newer2.id);
    expect(latestTemplateId([])).toBeUndefined();
  });
});

describe(meetingPrefill.name, () => {
  const templates = [template('reporting-day', 1), template('reporting-day', 4)];

  it('should prefill district, community, police unit, partner NGO, latest template and who organises from the role', () => {
    expect(meetingPrefill(community, { roles: ['police-officer'] }, templates, 'Reporting day in Khoja Alo')).toEqual({
      kind: 'local',
      districtCode: 'isfara',
      communityId: community.id,
      policeUnitId: community.policeUnitId,
      facilitatingOrganisationId: community.partnerOrganisationId,
      organisedBy: 'police-ngo-facilitated',
      templateId: templates[1].id,
      title: 'Reporting day in Khoja Alo',
    });
  });

  it('should leave out what the community does not know, and let an NGO admin facilitate with the own NGO', () => {
    const bare = { ...community, policeUnitId: null, partnerOrganisationId: null };
    expect(meetingPrefill(bare, { roles: ['police-officer'] }, [])).toEqual({ kind: 'local', districtCode: 'isfara', communityId: community.id, organisedBy: 'police' });
    expect(meetingPrefill(bare, { roles: ['ngo-admin'], organisationId: ownNgo }, [])).toEqual({
      kind: 'local',
      districtCode: 'isfara',
      communityId: community.id,
      facilitatingOrganisationId: ownNgo,
      organisedBy: 'ngo',
    });
    // The community's partner wins over the admin's own organisation.
    expect(meetingPrefill(community, { roles: ['ngo-admin'], organisationId: ownNgo }, []).facilitatingOrganisationId).toBe(community.partnerOrganisationId);
  });
});

describe('paths', () => {
  it('should carry the prefill as the create form’s source record and narrow the meetings list to the community', () => {
    const prefill = meetingPrefill(community, { roles: ['police-officer'] }, []);
    const path = meetingCreatePath(prefill);
    expect(path.startsWith('/meetings/create?source=')).toBe(true);
    expect(JSON.parse(decodeURIComponent(path.split('?source=')[1]))).toEqual(prefill);
    expect(JSON.parse(decodeURIComponent(communityMeetingsPath(community.id).split('?filter=')[1]))).toEqual({ communityId: community.id });
  });
});
