import { Edit, maxLength, minLength, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { phone } from '../contacts/ContactForm';
import { organisationKindChoices } from './choices';
import { toUpdateOrganisationInput } from './organisationInput';

// The place (district or region) of an organisation never changes.
export const OrganisationEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic" transform={toUpdateOrganisationInput}>
    <SimpleForm>
      <TextInput source="name" validate={[required(), minLength(2), maxLength(200)]} />
      <SelectInput source="kind" choices={organisationKindChoices} validate={required()} />
      <TextInput source="districtCode" readOnly />
      <TextInput source="regionCode" readOnly />
      <TextInput source="dutyPhone" type="tel" validate={phone} helperText="resources.communities.contactCard.dutyPhoneHelp" />
    </SimpleForm>
  </Edit>
);
