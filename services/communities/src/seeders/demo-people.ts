import type { ContactChannel, ContactLanguage, OrganisationKind } from '@rd/contracts';

/** Demo organisations in Isfara (and one regional body), so the console has something to show. Fictional. */
export const DEMO_ORGANISATIONS: readonly { name: string; kind: OrganisationKind; districtCode?: string; regionCode?: string; dutyPhone?: string }[] = [
  // The duty number is printed on the demo communities' contact cards (ADR 49).
  { name: 'Isfara district police department', kind: 'district-police', districtCode: 'isfara', dutyPhone: '+992927000100' },
  { name: 'Isfara district hukumat', kind: 'local-government', districtCode: 'isfara' },
  { name: 'Isfara partner NGO (demo)', kind: 'ngo', districtCode: 'isfara' },
  { name: 'Sughd regional department of internal affairs', kind: 'regional-law-enforcement', regionCode: 'sughd' },
  { name: 'Isfara border detachment', kind: 'border-service', districtCode: 'isfara' },
];

/** Demo contacts; every one has agreed to be contacted. Names, numbers and addresses are made up. */
export const DEMO_CONTACTS: readonly {
  name: string;
  position: string;
  organisation: string;
  phone?: string;
  email?: string;
  preferredLanguage: ContactLanguage;
  preferredChannel: ContactChannel;
  communities: readonly string[];
}[] = [
  { name: 'Community police inspector (demo)', position: 'Community police inspector', organisation: 'Isfara district police department', phone: '+992927000101', preferredLanguage: 'tg', preferredChannel: 'sms', communities: ['Khoja Alo', 'Somonien'] },
  { name: 'Head of district police (demo)', position: 'Head of district police', organisation: 'Isfara district police department', email: 'police-head@example.org', preferredLanguage: 'ru', preferredChannel: 'email', communities: [] },
  { name: 'Jamoat deputy chair (demo)', position: 'Deputy chair, jamoat', organisation: 'Isfara district hukumat', phone: '+992927000202', preferredLanguage: 'tg', preferredChannel: 'sms', communities: ['Khoja Alo'] },
  { name: 'NGO facilitator (demo)', position: 'Facilitator', organisation: 'Isfara partner NGO (demo)', email: 'ngo-facilitator@example.org', preferredLanguage: 'en', preferredChannel: 'console', communities: ['Khoja Alo', 'Somonien'] },
  { name: 'Focal point Khoja Alo (demo)', position: 'Focal point, Khoja Alo', organisation: 'Isfara partner NGO (demo)', phone: '+992927000303', preferredLanguage: 'tg', preferredChannel: 'sms', communities: ['Khoja Alo'] },
  { name: 'Focal point Somonien (demo)', position: 'Focal point, Somonien', organisation: 'Isfara partner NGO (demo)', phone: '+992927000404', preferredLanguage: 'ky', preferredChannel: 'sms', communities: ['Somonien'] },
];
