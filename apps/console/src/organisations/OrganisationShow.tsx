import { DataTable, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DistrictReferenceField } from '../communities/DistrictReferenceField';
import { ConsentField } from '../contacts/ConsentField';
import { organisationKindChoices } from './choices';
import { LocalDateField } from '../i18n/LocalDateField';

export const OrganisationShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="kind" choices={organisationKindChoices} />
      <DistrictReferenceField source="districtCode" link="show" />
      <TextField source="regionCode" />
      <TextField source="dutyPhone" emptyText="—" />
      <LocalDateField source="createdAt" showTime />
      <LocalDateField source="updatedAt" showTime />
      <ReferenceManyField
        reference="contacts"
        target="organisationId"
        label="resources.organisations.contacts"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={50}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="position" disableSort />
          <DataTable.Col source="consent" disableSort>
            <ConsentField source="consent" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
