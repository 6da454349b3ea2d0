import { BooleanField, DateField, NumberField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { kindChoices, statusChoices } from './choices';
import { DistrictReferenceField } from './DistrictReferenceField';
import { LanguagesField } from './LanguagesField';

export const CommunityShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <DistrictReferenceField source="districtCode" link="show" />
      <TextField source="regionCode" />
      <SelectField source="kind" choices={kindChoices} />
      <NumberField source="population" emptyText="—" />
      <BooleanField source="borderAdjacent" />
      <LanguagesField source="languages" />
      <SelectField source="status" choices={statusChoices} />
      <DateField source="createdAt" showTime />
    </SimpleShowLayout>
  </Show>
);
