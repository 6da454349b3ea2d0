import { EditButton, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useGetIdentity, useRecordContext } from 'react-admin';
import { ROLES } from '@rd/contracts';
import { UserActionButtons } from './UserActionButtons';
import { UserOrganisationField, UserScopeField, UserStatusField } from './UserStatusFields';
import { mayManageUser, roleChoices } from './userInput';
import type { UserRecord } from './userRecord';
import { LocalDateField } from '../i18n/LocalDateField';

const allRoles = roleChoices(ROLES);

const Actions = () => {
  const user = useRecordContext<UserRecord>();
  const { identity } = useGetIdentity();
  const { canAccess: canEdit } = useCanAccess({ resource: 'users', action: 'edit' });
  const readerRoles = Array.isArray(identity?.roles) ? (identity.roles as string[]) : [];
  return (
    <TopToolbar>
      {user && canEdit && mayManageUser(readerRoles, user) && <EditButton />}
      <UserActionButtons />
    </TopToolbar>
  );
};

export const UserShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="firstName" />
      <TextField source="lastName" />
      <TextField source="email" />
      <TextField source="username" />
      <SelectField source="role" choices={allRoles} emptyText="—" />
      <UserScopeField label="resources.users.fields.scope" />
      <UserOrganisationField label="resources.users.fields.organisationId" />
      <UserStatusField label="resources.users.fields.status" />
      <LocalDateField source="createdAt" showTime />
    </SimpleShowLayout>
  </Show>
);
