import { Edit, SimpleForm, TextInput } from 'react-admin';
import { CoordinatesInputs } from '../geography/CoordinatesInputs';
import { toUpdateRegionInput, validateCoordinatePair } from '../geography/geographyInput';
import { LocalizedNameInputs } from '../geography/LocalizedNameInputs';
import { PlaceTitle } from '../geography/PlaceNameField';

// Code and country never change; the gateway takes a patch of name and location.
export const RegionEdit = () => (
  <Edit title={<PlaceTitle />} redirect="show" mutationMode="pessimistic" transform={toUpdateRegionInput}>
    <SimpleForm validate={validateCoordinatePair}>
      <TextInput source="code" readOnly />
      <TextInput source="countryCode" readOnly />
      <LocalizedNameInputs />
      <CoordinatesInputs />
    </SimpleForm>
  </Edit>
);
