import type { CreateCommunityInput } from '@rd/contracts';

export interface CommunityFormValues {
  name?: string;
  districtCode?: string;
  kind?: CreateCommunityInput['kind'];
  population?: number | null;
  borderAdjacent?: boolean;
  languages?: CreateCommunityInput['languages'];
}

/** The POST /communities body: exactly the contract's fields (the gateway refuses unknown ones). */
export function toCreateInput(values: CommunityFormValues): Partial<CreateCommunityInput> {
  return {
    name: values.name?.trim(),
    districtCode: values.districtCode,
    kind: values.kind,
    ...(values.population === null || values.population === undefined ? {} : { population: values.population }),
    borderAdjacent: values.borderAdjacent ?? false,
    languages: values.languages ?? [],
  };
}
