import { Edit, required, SimpleForm, TextInput } from 'react-admin';
import { CoordinatesInputs } from '../geography/CoordinatesInputs';
import { toUpdateDistrictInput, validateCoordinatePair } from '../geography/geographyInput';
import { LocalizedNameInputs } from '../geography/LocalizedNameInputs';
import { PlaceTitle } from '../geography/PlaceNameField';

// Code and region never change; the gateway takes a patch of name, time zone and location.
export const DistrictEdit = () => (
  <Edit title={<PlaceTitle />} redirect="show" mutationMode="pessimistic" transform={toUpdateDistrictInput}>
    <SimpleForm validate={validateCoordinatePair}>
      <TextInput source="code" readOnly />
      <TextInput source="regionCode" readOnly />
      <LocalizedNameInputs />
      <TextInput source="timeZone" validate={required()} helperText="app.geography.timeZoneHelp" />
      <CoordinatesInputs />
    </SimpleForm>
  </Edit>
);
