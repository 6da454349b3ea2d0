import type { RegionView } from '@rd/contracts';
import type { Region } from './region.entity';

export function toRegionView(region: Region): RegionView {
  return {
    code: region.code,
    countryCode: region.countryCode,
    name: { ...region.name },
    location: region.location ? { lat: region.location.lat, lng: region.location.lng } : null,
  };
}
