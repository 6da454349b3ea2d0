import type { DistrictView } from '@rd/contracts';
import type { District } from './district.entity';

export function toDistrictView(district: District): DistrictView {
  return {
    code: district.code,
    regionCode: district.regionCode,
    countryCode: district.countryCode,
    name: { ...district.name },
    timeZone: district.timeZone,
    location: district.location ? { lat: district.location.lat, lng: district.location.lng } : null,
  };
}
