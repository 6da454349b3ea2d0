import type { CreateCommunityInput } from '@rd/contracts';
import { toPoint, type CoordinateValues } from '../geography/geographyInput';

export interface CommunityFormValues {
  name?: string;
  code?: string | null;
  districtCode?: string;
  kind?: CreateCommunityInput['kind'];
  population?: number | null;
  borderAdjacent?: boolean;
  languages?: CreateCommunityInput['languages'];
  location?: CoordinateValues | null;
}

/** The POST /communities body: exactly the contract's fields (the gateway refuses unknown ones). */
export function toCreateInput(values: CommunityFormValues): Partial<CreateCommunityInput> {
  const code = values.code?.trim();
  const location = toPoint(values.location);
  return {
    name: values.name?.trim(),
    districtCode: values.districtCode,
    kind: values.kind,
    ...(values.population === null || values.population === undefined ? {} : { population: values.population }),
    borderAdjacent: values.borderAdjacent ?? false,
    languages: values.languages ?? [],
    // Without a code the service derives one from district and name.
    ...(code ? { code } : {}),
    ...(location ? { location } : {}),
  };
}
