import { DataTable, List, SearchInput, SelectField, SelectInput } from 'react-admin';
import { DistrictReferenceField } from '../communities/DistrictReferenceField';
import { DistrictInput } from '../districts/DistrictInput';
import { organisationKindChoices } from './choices';
import { LocalDateField } from '../i18n/LocalDateField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={organisationKindChoices} alwaysOn />,
  <DistrictInput key="districtCode" source="districtCode" alwaysOn />,
];

// Sortable: name, kind, districtCode, createdAt (the list query's fields).
export const OrganisationList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={organisationKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="districtCode">
        <DistrictReferenceField />
      </DataTable.Col>
      <DataTable.Col source="regionCode" disableSort />
      <DataTable.Col source="createdAt">
        <LocalDateField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
