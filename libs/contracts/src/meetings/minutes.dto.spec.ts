import { minutesApproverRefusal } from './minutes.dto';

const unit = '7c0d5e0a-1111-4b6f-9a59-000000000001';
const ngo = '7c0d5e0a-1111-4b6f-9a59-000000000002';
const other = '7c0d5e0a-1111-4b6f-9a59-000000000003';
const meeting = { policeUnitId: unit, facilitatingOrganisationId: ngo };

describe(minutesApproverRefusal.name, () => {
  it('should let a member of the organising police unit or of the facilitating NGO approve', () => {
    expect(minutesApproverRefusal({ roles: ['police-officer'], organisationId: unit }, meeting)).toBeNull();
    expect(minutesApproverRefusal({ roles: ['ngo-admin'], organisationId: ngo }, meeting)).toBeNull();
  });

  it('should refuse a member of another organisation, even of the right kind', () => {
    expect(minutesApproverRefusal({ roles: ['police-officer'], organisationId: other }, meeting)).toBe('not-organiser');
    expect(minutesApproverRefusal({ roles: ['ngo-admin'], organisationId: other }, meeting)).toBe('not-organiser');
  });

  it('should refuse someone whose token names no organisation', () => {
    expect(minutesApproverRefusal({ roles: ['police-officer'] }, meeting)).toBe('no-organisation');
  });

  it('should refuse everyone but the coordinator when the meeting names neither organisation', () => {
    const bare = { policeUnitId: null, facilitatingOrganisationId: null };
    expect(minutesApproverRefusal({ roles: ['police-officer'], organisationId: unit }, bare)).toBe('not-organiser');
    expect(minutesApproverRefusal({ roles: ['national-coordinator'] }, bare)).toBeNull();
  });

  it('should exempt the national coordinator, with or without an organisation', () => {
    expect(minutesApproverRefusal({ roles: ['national-coordinator'] }, meeting)).toBeNull();
    expect(minutesApproverRefusal({ roles: ['national-coordinator'], organisationId: other }, meeting)).toBeNull();
  });
});
