import type { CommunityView, ContactView, DistrictView, OrganisationView } from '@rd/contracts';
import { randomUUID } from 'node:crypto';

// Valid views of communities' records (the reply schemas of its queries), for stubs that answer in its place.

const NOW = '2026-11-24T10:00:00.000Z';

export function makeDistrict(code: string, regionCode: string, timeZone = 'Asia/Dushanbe'): DistrictView {
  return { code, regionCode, countryCode: 'TJ', name: { en: code[0].toUpperCase() + code.slice(1), ru: `Р-н ${code}` }, timeZone, location: null };
}

export function makeOrganisation(partial: Partial<OrganisationView> & Pick<OrganisationView, 'kind' | 'districtCode'>): OrganisationView {
  return { id: randomUUID(), name: `Org ${randomUUID().slice(0, 6)}`, regionCode: 'sughd', createdAt: NOW, updatedAt: NOW, ...partial };
}

export function makeContact(partial: Partial<ContactView>): ContactView {
  const id = partial.id ?? randomUUID();
  return {
    id,
    name: `Person ${id.slice(0, 6)}`,
    position: null,
    organisationId: null,
    districtCode: 'isfara',
    regionCode: 'sughd',
    phone: null,
    email: null,
    preferredLanguage: 'ru',
    preferredChannel: 'email',
    consent: true,
    consentChangedAt: NOW,
    communityIds: [],
    erasedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...partial,
  };
}

export function makeCommunity(partial: Partial<CommunityView> & Pick<CommunityView, 'name' | 'districtCode'>): CommunityView {
  return {
    id: randomUUID(),
    regionCode: 'sughd',
    kind: 'village',
    population: null,
    borderAdjacent: true,
    languages: [],
    status: 'active',
    createdAt: NOW,
    code: `c-${randomUUID().slice(0, 8)}`,
    location: null,
    pairedCommunityIds: [],
    partnerOrganisationId: null,
    policeUnitId: null,
    officerContactId: null,
    focalPointContactIds: [],
    localGovernmentContactId: null,
    firstMeetingId: null,
    checklist: { focalPoint: true, localGovernmentContact: true, policeUnit: true, officer: true, firstReportingDayPlanned: true },
    allowedTransitions: [],
    statusChangedAt: NOW,
    updatedAt: NOW,
    ...partial,
  };
}
