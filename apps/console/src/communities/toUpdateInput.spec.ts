import { UpdateCommunityInputSchema, type CommunityView } from '@rd/contracts';
import { toUpdateInput } from './toUpdateInput';

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

const record: CommunityView = {
  id: ID(1),
  name: ' Khoja Alo ',
  districtCode: 'isfara',
  regionCode: 'sughd',
  kind: 'village',
  population: 2400,
  borderAdjacent: true,
  languages: ['tg'],
  status: 'proposed',
  createdAt: '2026-11-24T10:00:00Z',
  code: 'isfara-khoja-alo',
  location: { lat: 40.1, lng: 70.6 },
  pairedCommunityIds: [ID(2)],
  partnerOrganisationId: null,
  policeUnitId: ID(3),
  officerContactId: ID(4),
  focalPointContactIds: [ID(5)],
  localGovernmentContactId: '',
  firstMeetingId: null,
  checklist: { focalPoint: true, localGovernmentContact: false, policeUnit: true, officer: true, firstReportingDayPlanned: false },
  allowedTransitions: ['onboarding', 'archived'],
  statusChangedAt: null,
  updatedAt: '2026-11-24T10:00:00Z',
};

describe(toUpdateInput.name, () => {
  it('should send the editable fields only, which the strict patch schema accepts', () => {
    const body = toUpdateInput(record);
    expect(body).toEqual({
      name: 'Khoja Alo',
      kind: 'village',
      location: { lat: 40.1, lng: 70.6 },
      population: 2400,
      borderAdjacent: true,
      languages: ['tg'],
      pairedCommunityIds: [ID(2)],
      partnerOrganisationId: null,
      policeUnitId: ID(3),
      focalPointContactIds: [ID(5)],
      localGovernmentContactId: null,
    });
    expect(UpdateCommunityInputSchema.safeParse(body).success).toBe(true);
  });

  it('should clear an emptied location and population with null', () => {
    const body = toUpdateInput({ ...record, location: { lat: null, lng: null }, population: null });
    expect(body).toMatchObject({ location: null, population: null });
  });
});
