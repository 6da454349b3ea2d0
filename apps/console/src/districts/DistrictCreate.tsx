import { DEFAULT_TIME_ZONE } from '@rd/contracts';
import { Create, required, SimpleForm, TextInput } from 'react-admin';
import { geoCode } from '../geography/codes';
import { CoordinatesInputs } from '../geography/CoordinatesInputs';
import { toCreateDistrictInput, validateCoordinatePair } from '../geography/geographyInput';
import { LocalizedNameInputs } from '../geography/LocalizedNameInputs';
import { RegionInput } from '../regions/RegionInput';

export const DistrictCreate = () => (
  <Create redirect="show" transform={toCreateDistrictInput}>
    <SimpleForm validate={validateCoordinatePair} defaultValues={{ timeZone: DEFAULT_TIME_ZONE }}>
      <TextInput source="code" validate={[required(), geoCode]} helperText="app.geography.codeHelp" />
      <RegionInput source="regionCode" isRequired />
      <LocalizedNameInputs />
      <TextInput source="timeZone" validate={required()} helperText="app.geography.timeZoneHelp" />
      <CoordinatesInputs />
    </SimpleForm>
  </Create>
);
