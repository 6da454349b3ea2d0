import { Create, required, SimpleForm, TextInput } from 'react-admin';
import { countryCode, geoCode } from '../geography/codes';
import { CoordinatesInputs } from '../geography/CoordinatesInputs';
import { toCreateRegionInput, validateCoordinatePair } from '../geography/geographyInput';
import { LocalizedNameInputs } from '../geography/LocalizedNameInputs';

export const RegionCreate = () => (
  <Create redirect="show" transform={toCreateRegionInput}>
    <SimpleForm validate={validateCoordinatePair}>
      <TextInput source="code" validate={[required(), geoCode]} helperText="app.geography.codeHelp" />
      <TextInput source="countryCode" validate={[required(), countryCode]} helperText="app.geography.countryHelp" />
      <LocalizedNameInputs />
      <CoordinatesInputs />
    </SimpleForm>
  </Create>
);
