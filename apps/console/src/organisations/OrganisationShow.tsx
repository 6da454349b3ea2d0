import { DataTable, DateField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DistrictReferenceField } from '../communities/DistrictReferenceField';
import { ConsentField } from '../contacts/ConsentField';
import { organisationKindChoices } from './choices';

export const OrganisationShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="kind" choices={organisationKindChoices} />
      <DistrictReferenceField source="districtCode" link="show" />
      <TextField source="regionCode" />
      <TextField source="dutyPhone" emptyText="—" />
      <DateField source="createdAt" showTime />
      <DateField source="updatedAt" showTime />
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
