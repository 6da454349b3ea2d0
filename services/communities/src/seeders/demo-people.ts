import type { ContactChannel, ContactLanguage, OrganisationKind } from '@rd/contracts';

/** Demo organisations in Isfara (and one regional body), so the console has something to show. Fictional. */
export const DEMO_ORGANISATIONS: readonly { name: string; kind: OrganisationKind; districtCode?: string; regionCode?: string }[] = [
  { name: 'Isfara district police department', kind: 'district-police', districtCode: 'isfara' },
  { name: 'Isfara district hukumat', kind: 'local-government', districtCode: 'isfara' },
  { name: 'Fergana Valley Dialogue (partner NGO)', kind: 'ngo', districtCode: 'isfara' },
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
  { name: 'Farrukh Sattorov', position: 'Community police inspector', organisation: 'Isfara district police department', phone: '+992927000101', preferredLanguage: 'tg', preferredChannel: 'sms', communities: ['Khoja Alo', 'Somonien'] },
  { name: 'Dilshod Rakhimov', position: 'Head of district police', organisation: 'Isfara district police department', email: 'd.rakhimov@example.org', preferredLanguage: 'ru', preferredChannel: 'email', communities: [] },
  { name: 'Nigora Yusupova', position: 'Deputy chair, jamoat', organisation: 'Isfara district hukumat', phone: '+992927000202', preferredLanguage: 'tg', preferredChannel: 'sms', communities: ['Khoja Alo'] },
  { name: 'Mavzuna Saidova', position: 'Facilitator', organisation: 'Fergana Valley Dialogue (partner NGO)', email: 'm.saidova@example.org', preferredLanguage: 'en', preferredChannel: 'console', communities: ['Khoja Alo', 'Somonien'] },
  { name: 'Jamshed Karimov', position: 'Focal point, Khoja Alo', organisation: 'Fergana Valley Dialogue (partner NGO)', phone: '+992927000303', preferredLanguage: 'tg', preferredChannel: 'sms', communities: ['Khoja Alo'] },
  { name: 'Aigul Toktosunova', position: 'Focal point, Somonien', organisation: 'Fergana Valley Dialogue (partner NGO)', phone: '+992927000404', preferredLanguage: 'ky', preferredChannel: 'sms', communities: ['Somonien'] },
];
