import { CreateContactInputSchema, UpdateContactInputSchema } from '@rd/contracts';
import { normalisePhone, toCreateContactInput, toUpdateContactInput, validateContactPlace } from './contactInput';

const ORG = '00000000-0000-4000-8000-000000000001';
const COMMUNITY = '00000000-0000-4000-8000-000000000002';

describe(toCreateContactInput.name, () => {
  it('should send filled fields only, which the strict schema accepts', () => {
    const body = toCreateContactInput({
      name: ' Test contact ',
      position: '',
      organisationId: ORG,
      districtCode: 'isfara',
      regionCode: 'sughd',
      phone: '+992 92 123-45-67',
      email: null,
      preferredLanguage: 'tg',
      preferredChannel: 'sms',
      consent: true,
      communityIds: [COMMUNITY],
    });
    expect(body).toEqual({
      name: 'Test contact',
      organisationId: ORG,
      districtCode: 'isfara',
      phone: '+992921234567',
      preferredLanguage: 'tg',
      preferredChannel: 'sms',
      consent: true,
      communityIds: [COMMUNITY],
    });
    expect(CreateContactInputSchema.safeParse(body).success).toBe(true);
  });

  it('should never assume consent', () => {
    expect(toCreateContactInput({ name: 'A B', districtCode: 'isfara' }).consent).toBe(false);
  });
});

describe(toUpdateContactInput.name, () => {
  it('should clear emptied fields with null and leave the place out', () => {
    const body = toUpdateContactInput({
      name: 'Test contact',
      position: ' ',
      organisationId: null,
      districtCode: 'isfara',
      phone: '',
      email: 'd@example.org',
      preferredLanguage: 'ru',
      preferredChannel: 'email',
      consent: false,
      communityIds: [],
    });
    expect(body).toEqual({
      name: 'Test contact',
      position: null,
      organisationId: null,
      phone: null,
      email: 'd@example.org',
      preferredLanguage: 'ru',
      preferredChannel: 'email',
      consent: false,
      communityIds: [],
      userId: null,
    });
    expect(UpdateContactInputSchema.safeParse(body).success).toBe(true);
  });

  it('should send the linked login as a lowercase user id, and null to unlink (ADR 34)', () => {
    const linked = toUpdateContactInput({ name: 'Officer', communityIds: [], userId: ' 0D9B7B43-5D1C-4A56-9D7E-00000000000A ' });
    expect(linked.userId).toBe('0d9b7b43-5d1c-4a56-9d7e-00000000000a');
    expect(UpdateContactInputSchema.safeParse(linked).success).toBe(true);
    expect(toUpdateContactInput({ name: 'Officer', userId: '' }).userId).toBeNull();
  });
});

describe(normalisePhone.name, () => {
  it('should drop spaces, dashes and brackets', () => {
    expect(normalisePhone(' +996 (555) 12-34-56 ')).toBe('+996555123456');
    expect(normalisePhone('  ')).toBeUndefined();
  });
});

describe(validateContactPlace.name, () => {
  it('should accept a district, a region or an organisation', () => {
    expect(validateContactPlace({})).toEqual({ districtCode: 'resources.contacts.placeRequired' });
    expect(validateContactPlace({ organisationId: ORG })).toEqual({});
  });
});
