import MapIcon from '@mui/icons-material/Map';
import { Button, CanAccess, CreateButton, DataTable, List, SearchInput, SelectField, SelectInput, TopToolbar } from 'react-admin';
import { Link } from 'react-router-dom';
import { DistrictInput } from '../districts/DistrictInput';
import { kindChoices, statusChoices } from './choices';
import { DistrictReferenceField } from './DistrictReferenceField';
import { LocalDateField } from '../i18n/LocalDateField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <DistrictInput key="districtCode" source="districtCode" alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
];

// The create button shows only with community:create (canAccess); there is no export.
const ListActions = () => (
  <TopToolbar>
    <CanAccess resource="communities-map" action="list">
      {/* A real link (href): without `component`, react-admin's Button renders an <a> with no href, which went nowhere. */}
      <Button component={Link} label="app.map.open" to="/communities-map" data-testid="open-map">
        <MapIcon />
      </Button>
    </CanAccess>
    <CreateButton />
  </TopToolbar>
);

// Sortable columns are the ones the list query accepts: name, createdAt, districtCode, status.
export const CommunityList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} exporter={false} actions={<ListActions />}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="code" disableSort />
      <DataTable.Col source="districtCode">
        <DistrictReferenceField />
      </DataTable.Col>
      <DataTable.Col source="kind" disableSort>
        <SelectField source="kind" choices={kindChoices} />
      </DataTable.Col>
      <DataTable.NumberCol source="population" disableSort />
      <DataTable.Col source="status">
        <SelectField source="status" choices={statusChoices} />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <LocalDateField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
