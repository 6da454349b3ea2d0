import { DataTable, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { LocationField } from '../geography/LocationField';
import { PlaceNameField, PlaceTitle } from '../geography/PlaceNameField';

// The edit button in the top toolbar shows only with geography:manage (canAccess).
export const RegionShow = () => (
  <Show title={<PlaceTitle />}>
    <SimpleShowLayout>
      <PlaceNameField source="name" />
      <TextField source="code" />
      <TextField source="countryCode" />
      <TextField source="name.ru" label="app.geography.nameIn.ru" emptyText="—" />
      <TextField source="name.tg" label="app.geography.nameIn.tg" emptyText="—" />
      <TextField source="name.ky" label="app.geography.nameIn.ky" emptyText="—" />
      <LocationField source="location" />
      <ReferenceManyField
        reference="districts"
        target="regionCode"
        label="dashboard.districts"
        sort={{ field: 'code', order: 'ASC' }}
        perPage={500}
        pagination={false}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" disableSort>
            <PlaceNameField />
          </DataTable.Col>
          <DataTable.Col source="code" disableSort />
          <DataTable.Col source="timeZone" disableSort />
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
