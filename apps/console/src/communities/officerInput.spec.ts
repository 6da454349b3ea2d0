import { AssignOfficerInputSchema } from '@rd/contracts';
import { toAssignOfficerInput } from './officerInput';

const community = '00000000-0000-4000-8000-000000000001';
const officer = '00000000-0000-4000-8000-000000000002';

describe(toAssignOfficerInput.name, () => {
  it('should send the community and officer, leaving out an empty unit and date', () => {
    const body = toAssignOfficerInput(community, { officerContactId: officer, policeUnitId: null, since: '' });
    expect(body).toEqual({ communityId: community, officerContactId: officer });
    expect(AssignOfficerInputSchema.safeParse(body).success).toBe(true);
  });

  it('should keep a chosen unit and first day', () => {
    const unit = '00000000-0000-4000-8000-000000000003';
    const body = toAssignOfficerInput(community, { officerContactId: officer, policeUnitId: unit, since: '2026-11-24' });
    expect(body).toMatchObject({ policeUnitId: unit, since: '2026-11-24' });
    expect(AssignOfficerInputSchema.safeParse(body).success).toBe(true);
  });
});
