import {
  toCreateDistrictInput,
  toCreateRegionInput,
  toLocalizedName,
  toPoint,
  toUpdateDistrictInput,
  toUpdateRegionInput,
  validateCoordinatePair,
} from './geographyInput';

describe(toLocalizedName.name, () => {
  it('should trim names and leave out empty translations', () => {
    expect(toLocalizedName({ en: ' Sughd ', ru: 'Согд', tg: '  ', ky: null })).toEqual({ en: 'Sughd', ru: 'Согд' });
  });
});

describe(toPoint.name, () => {
  it('should make a point of two numbers, also typed as text', () => {
    expect(toPoint({ lat: '40.1', lng: 70.6 })).toEqual({ lat: 40.1, lng: 70.6 });
  });

  it('should keep 0 as a coordinate', () => {
    expect(toPoint({ lat: 0, lng: 0 })).toEqual({ lat: 0, lng: 0 });
  });

  it('should give null when a coordinate is missing', () => {
    expect(toPoint({ lat: 40, lng: null })).toBeNull();
    expect(toPoint(null)).toBeNull();
  });
});

describe(validateCoordinatePair.name, () => {
  it('should accept both or neither coordinate', () => {
    expect(validateCoordinatePair({ location: { lat: 1, lng: 2 } })).toEqual({});
    expect(validateCoordinatePair({ location: { lat: null, lng: '' } })).toEqual({});
    expect(validateCoordinatePair({})).toEqual({});
  });

  it('should point at the missing coordinate', () => {
    expect(validateCoordinatePair({ location: { lat: 1 } })).toEqual({ location: { lng: 'app.geography.bothCoordinates' } });
    expect(validateCoordinatePair({ location: { lng: 1 } })).toEqual({ location: { lat: 'app.geography.bothCoordinates' } });
  });
});

describe('region bodies', () => {
  const values = {
    id: 'sughd',
    code: 'sughd',
    countryCode: 'tj',
    name: { en: 'Sughd', ru: '' },
    location: { lat: 40.28, lng: 69.62 },
  };

  it('should create with code, upper-case country, name and location', () => {
    expect(toCreateRegionInput(values)).toEqual({
      code: 'sughd',
      countryCode: 'TJ',
      name: { en: 'Sughd' },
      location: { lat: 40.28, lng: 69.62 },
    });
  });

  it('should patch only name and location, clearing the location with null', () => {
    expect(toUpdateRegionInput({ ...values, location: { lat: null, lng: null } })).toEqual({
      name: { en: 'Sughd' },
      location: null,
    });
  });
});

describe('district bodies', () => {
  it('should leave out an empty time zone and location on create', () => {
    expect(toCreateDistrictInput({ code: 'isfara', regionCode: 'sughd', name: { en: 'Isfara' }, timeZone: '' })).toEqual({
      code: 'isfara',
      regionCode: 'sughd',
      name: { en: 'Isfara' },
    });
  });

  it('should never send the code or region on update', () => {
    const body = toUpdateDistrictInput({
      code: 'isfara',
      regionCode: 'sughd',
      name: { en: 'Isfara', tg: 'Исфара' },
      timeZone: 'Asia/Dushanbe',
      location: { lat: 40.12, lng: 70.63 },
    });
    expect(body).toEqual({
      name: { en: 'Isfara', tg: 'Исфара' },
      timeZone: 'Asia/Dushanbe',
      location: { lat: 40.12, lng: 70.63 },
    });
  });
});
