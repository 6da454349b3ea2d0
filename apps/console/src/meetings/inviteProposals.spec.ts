import { inviteProposals, personDescription } from './inviteProposals';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ngo = id(900);
const khojaAlo = { id: id(1), localGovernmentContactId: id(10), officerContactId: id(20) };
const somonien = { id: id(2), localGovernmentContactId: id(11), officerContactId: null };
const contact = (n: number, over: { organisationId?: string | null; consent?: boolean; erasedAt?: string | null } = {}) => ({
  id: id(n),
  organisationId: null,
  consent: true,
  erasedAt: null,
  ...over,
});
const contacts = [contact(10), contact(11), contact(20), contact(21), contact(30, { organisationId: ngo }), contact(31, { organisationId: ngo }), contact(40)];

describe(inviteProposals.name, () => {
  it('should propose local government, the police officers (community and current roster) and the facilitating NGO’s contacts, in that order', () => {
    const proposals = inviteProposals({
      communities: [khojaAlo, somonien],
      assignments: [
        { communityId: khojaAlo.id, officerContactId: id(20), current: true },
        { communityId: somonien.id, officerContactId: id(21), current: true },
        { communityId: somonien.id, officerContactId: id(40), current: false },
        { communityId: id(3), officerContactId: id(40), current: true },
      ],
      facilitatingOrganisationId: ngo,
      contacts,
      invited: [],
    });
    expect(proposals).toEqual([
      { contactId: id(10), reasons: ['local-government'] },
      { contactId: id(11), reasons: ['local-government'] },
      { contactId: id(20), reasons: ['police-officer'] },
      { contactId: id(21), reasons: ['police-officer'] },
      { contactId: id(30), reasons: ['facilitating-ngo'] },
      { contactId: id(31), reasons: ['facilitating-ngo'] },
    ]);
  });

  it('should leave out who is invited already, erased or unwilling contacts and contacts not in scope, and merge reasons', () => {
    const proposals = inviteProposals({
      communities: [{ ...khojaAlo, localGovernmentContactId: id(30) }],
      assignments: [],
      facilitatingOrganisationId: ngo,
      contacts: [contact(30, { organisationId: ngo }), contact(31, { organisationId: ngo, consent: false }), contact(32, { organisationId: ngo, erasedAt: '2026-01-01T00:00:00Z' }), contact(33, { organisationId: ngo })],
      invited: [id(33)],
    });
    // id(20), the officer, is not among the loaded contacts (outside the reader's scope).
    expect(proposals).toEqual([{ contactId: id(30), reasons: ['local-government', 'facilitating-ngo'] }]);
  });

  it('should propose nothing without communities or a facilitating NGO', () => {
    expect(inviteProposals({ communities: [], assignments: [], facilitatingOrganisationId: null, contacts, invited: [] })).toEqual([]);
  });
});

describe(personDescription.name, () => {
  it('should show the position and the organisation, either may be missing', () => {
    const names = (orgId: string) => (orgId === ngo ? 'Peace NGO' : undefined);
    expect(personDescription({ position: 'Head of jamoat', organisationId: ngo }, names)).toBe('Head of jamoat · Peace NGO');
    expect(personDescription({ position: ' ', organisationId: ngo }, names)).toBe('Peace NGO');
    expect(personDescription({ position: 'Inspector', organisationId: id(5) }, names)).toBe('Inspector');
    expect(personDescription(undefined, names)).toBe('');
  });
});
