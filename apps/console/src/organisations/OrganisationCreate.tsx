import { Create, maxLength, minLength, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { phone } from '../contacts/ContactForm';
import { DistrictInput } from '../districts/DistrictInput';
import { RegionInput } from '../regions/RegionInput';
import { organisationKindChoices } from './choices';
import { toCreateOrganisationInput, validateOrganisationPlace } from './organisationInput';

export const OrganisationCreate = () => (
  <Create redirect="show" transform={toCreateOrganisationInput}>
    <SimpleForm validate={validateOrganisationPlace}>
      <TextInput source="name" validate={[required(), minLength(2), maxLength(200)]} />
      <SelectInput source="kind" choices={organisationKindChoices} validate={required()} />
      <DistrictInput source="districtCode" />
      <RegionInput source="regionCode" />
      <TextInput source="dutyPhone" type="tel" validate={phone} helperText="resources.communities.contactCard.dutyPhoneHelp" />
    </SimpleForm>
  </Create>
);
