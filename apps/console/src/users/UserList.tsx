import { ROLES } from '@rd/contracts';
import { CreateButton, DataTable, FunctionField, List, NullableBooleanInput, SearchInput, SelectField, SelectInput, TopToolbar } from 'react-admin';
import { DistrictInput } from '../districts/DistrictInput';
import { UserOrganisationField, UserScopeField, UserStatusField } from './UserStatusFields';
import { roleChoices, userDisplayName } from './userInput';
import type { UserRecord } from './userRecord';
import { LocalDateField } from '../i18n/LocalDateField';

const allRoles = roleChoices(ROLES);

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={allRoles} alwaysOn />,
  <DistrictInput key="districtCode" source="districtCode" alwaysOn />,
  <NullableBooleanInput key="enabled" source="enabled" alwaysOn />,
];

// "Invite user" rather than "Create": the person gets an email and chooses their own password.
const Actions = () => (
  <TopToolbar>
    <CreateButton label="resources.users.invite.action" data-testid="invite-user" />
  </TopToolbar>
);

// Sortable: lastName, firstName, email, username, role, districtCode, createdAt (USER_SORT_FIELDS of the contract).
export const UserList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'lastName', order: 'ASC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="lastName" label="resources.users.fields.name">
        <FunctionField<UserRecord> render={(user) => userDisplayName(user)} />
      </DataTable.Col>
      <DataTable.Col source="email" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={allRoles} emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="districtCode" label="resources.users.fields.scope">
        <UserScopeField />
      </DataTable.Col>
      <DataTable.Col source="organisationId" disableSort>
        <UserOrganisationField />
      </DataTable.Col>
      <DataTable.Col source="enabled" label="resources.users.fields.status" disableSort>
        <UserStatusField />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <LocalDateField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
