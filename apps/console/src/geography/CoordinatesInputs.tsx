import Stack from '@mui/material/Stack';
import { maxValue, minValue, NumberInput } from 'react-admin';

/** Latitude and longitude (WGS84); both or neither, checked by validateCoordinatePair on the form. */
export const CoordinatesInputs = ({ source = 'location' }: { source?: string }) => (
  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
    <NumberInput
      source={`${source}.lat`}
      label="app.geography.lat"
      step={0.0001}
      validate={[minValue(-90), maxValue(90)]}
      helperText="app.geography.coordinatesHelp"
    />
    <NumberInput source={`${source}.lng`} label="app.geography.lng" step={0.0001} validate={[minValue(-180), maxValue(180)]} />
  </Stack>
);
