import { DataTable, List } from 'react-admin';
import { LocationField } from '../geography/LocationField';
import { PlaceNameField } from '../geography/PlaceNameField';

// GET /regions returns every region in scope at once; the create button needs geography:manage (canAccess).
export const RegionList = () => (
  <List pagination={false} perPage={500} sort={{ field: 'code', order: 'ASC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" disableSort>
        <PlaceNameField />
      </DataTable.Col>
      <DataTable.Col source="code" disableSort />
      <DataTable.Col source="countryCode" disableSort />
      <DataTable.Col source="location" disableSort>
        <LocationField />
      </DataTable.Col>
    </DataTable>
  </List>
);
