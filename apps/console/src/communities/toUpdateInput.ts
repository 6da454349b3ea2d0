import type { UpdateCommunityInput } from '@rd/contracts';
import { toPoint, type CoordinateValues } from '../geography/geographyInput';

export interface CommunityEditValues {
  name?: string;
  kind?: UpdateCommunityInput['kind'];
  population?: number | null;
  borderAdjacent?: boolean;
  languages?: UpdateCommunityInput['languages'] | null;
  location?: CoordinateValues | null;
  pairedCommunityIds?: string[] | null;
  partnerOrganisationId?: string | null;
  policeUnitId?: string | null;
  focalPointContactIds?: string[] | null;
  localGovernmentContactId?: string | null;
}

const orNull = (value: string | null | undefined) => (value ? value : null);

/**
 * The PATCH /communities/:id body from the edit form: every editable field, cleared ones as null. District and
 * code never change and the officer changes through the roster, so none of them is sent; neither are the
 * read-only fields of the view (id, status, checklist…), which the strict contract would refuse.
 */
export function toUpdateInput(values: CommunityEditValues): UpdateCommunityInput {
  return {
    name: values.name?.trim(),
    kind: values.kind,
    location: toPoint(values.location),
    population: values.population ?? null,
    borderAdjacent: values.borderAdjacent ?? false,
    languages: values.languages ?? [],
    pairedCommunityIds: values.pairedCommunityIds ?? [],
    partnerOrganisationId: orNull(values.partnerOrganisationId),
    policeUnitId: orNull(values.policeUnitId),
    focalPointContactIds: values.focalPointContactIds ?? [],
    localGovernmentContactId: orNull(values.localGovernmentContactId),
  };
}
