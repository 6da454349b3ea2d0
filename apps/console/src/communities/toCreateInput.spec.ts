import { CreateCommunityInputSchema } from '@rd/contracts';
import { toCreateInput } from './toCreateInput';

describe(toCreateInput.name, () => {
  it('should send exactly the contract fields, which the strict schema accepts', () => {
    const body = toCreateInput({
      name: '  Khoja Alo ',
      districtCode: 'isfara',
      kind: 'village',
      population: null,
      borderAdjacent: true,
      languages: ['tg', 'ky'],
      ...({ id: 'leaked', status: 'active' } as object),
    });
    expect(body).toEqual({
      name: 'Khoja Alo',
      districtCode: 'isfara',
      kind: 'village',
      borderAdjacent: true,
      languages: ['tg', 'ky'],
    });
    expect(CreateCommunityInputSchema.safeParse(body).success).toBe(true);
  });

  it('should send a code and a location only when given', () => {
    expect(toCreateInput({ code: ' isfara-new ', location: { lat: 40.1, lng: 70.6 } })).toMatchObject({
      code: 'isfara-new',
      location: { lat: 40.1, lng: 70.6 },
    });
    const body = toCreateInput({ code: '', location: { lat: null, lng: null } });
    expect('code' in body || 'location' in body).toBe(false);
  });

  it('should keep a population of 0', () => {
    expect(toCreateInput({ population: 0 }).population).toBe(0);
  });
});
