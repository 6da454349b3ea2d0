import type { OrganisationView } from '@rd/contracts';
import type { Organisation } from './organisation.entity';

export function toOrganisationView(organisation: Organisation): OrganisationView {
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    districtCode: organisation.districtCode,
    regionCode: organisation.regionCode,
    dutyPhone: organisation.dutyPhone,
    createdAt: organisation.createdAt.toISOString(),
    updatedAt: organisation.updatedAt.toISOString(),
  };
}
