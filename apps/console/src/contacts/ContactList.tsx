import {
  DataTable,
  List,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  SelectField,
} from 'react-admin';
import { DistrictReferenceField } from '../communities/DistrictReferenceField';
import { DistrictInput } from '../districts/DistrictInput';
import { channelChoices } from './choices';
import { ConsentField } from './ConsentField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <DistrictInput key="districtCode" source="districtCode" alwaysOn />,
  <NullableBooleanInput key="consent" source="consent" alwaysOn />,
];

// Personal data: the menu entry and the page exist only with contact:read (never for the regional reviewer).
export const ContactList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="position" disableSort />
      <DataTable.Col source="organisationId" disableSort>
        <ReferenceField source="organisationId" reference="organisations" link={false} emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="districtCode">
        <DistrictReferenceField />
      </DataTable.Col>
      <DataTable.Col source="preferredChannel" disableSort>
        <SelectField source="preferredChannel" choices={channelChoices} />
      </DataTable.Col>
      <DataTable.Col source="consent" disableSort>
        <ConsentField source="consent" />
      </DataTable.Col>
    </DataTable>
  </List>
);
