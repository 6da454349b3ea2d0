import Box from '@mui/material/Box';
import { AutocompleteInput, maxLength, minLength, NumberInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { venueTypeChoices } from './choices';

/** Optional venue coordinates (both or neither), e.g. for an open-air meeting with no address. */
export const CoordinatesInputs = () => (
  <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
    <NumberInput source="venueLat" label="resources.meetings.fields.venueLat" helperText="resources.meetings.helpers.coordinates" min={-90} max={90} step={0.0001} />
    <NumberInput source="venueLng" label="resources.meetings.fields.venueLng" min={-180} max={180} step={0.0001} />
  </Box>
);

/** The venue as planners give it on create and edit: name, type, coordinates and how residents reach it. */
export const VenueInputs = () => (
  <>
    <TextInput source="venueName" validate={[required(), minLength(2), maxLength(200)]} />
    <SelectInput source="venueType" choices={venueTypeChoices} validate={required()} />
    <CoordinatesInputs />
    <TextInput
      source="venueAccessibility"
      label="resources.meetings.fields.venueAccessibility"
      helperText="resources.meetings.helpers.venueAccessibility"
      validate={maxLength(500)}
      multiline
      fullWidth
    />
  </>
);

/** The district's police unit that organises the meeting. */
export const PoliceUnitInput = ({ districtCode }: { districtCode?: string }) => (
  <ReferenceInput source="policeUnitId" reference="organisations" filter={{ kind: 'district-police', ...(districtCode ? { districtCode } : {}) }}>
    <AutocompleteInput label="resources.meetings.fields.policeUnitId" />
  </ReferenceInput>
);

/** The NGO that organised or facilitated the meeting (the hand-over measure); required unless the police did it alone. */
export const FacilitatorInput = ({ organisedBy, districtCode }: { organisedBy?: string; districtCode?: string }) => (
  <ReferenceInput source="facilitatingOrganisationId" reference="organisations" filter={{ kind: 'ngo', ...(districtCode ? { districtCode } : {}) }} perPage={200}>
    <AutocompleteInput
      label="resources.meetings.fields.facilitatingOrganisationId"
      helperText="resources.meetings.helpers.facilitator"
      validate={organisedBy && organisedBy !== 'police' ? required() : undefined}
    />
  </ReferenceInput>
);
