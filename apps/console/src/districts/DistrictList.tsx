import { DataTable, List } from 'react-admin';
import { DistrictNameField } from './DistrictNameField';

// GET /districts returns every district in scope at once, in code order.
export const DistrictList = () => (
  <List pagination={false} perPage={500} sort={{ field: 'code', order: 'ASC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" disableSort>
        <DistrictNameField />
      </DataTable.Col>
      <DataTable.Col source="code" disableSort />
      <DataTable.Col source="regionCode" disableSort />
      <DataTable.Col source="countryCode" disableSort />
      <DataTable.Col source="timeZone" disableSort />
    </DataTable>
  </List>
);
