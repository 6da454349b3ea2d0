import { AutocompleteInput, DataTable, DateTimeInput, FunctionField, List, ReferenceInput, SelectField, SelectInput, TextField, TextInput, useTranslate } from 'react-admin';
import type { AuditEntryView } from '@rd/contracts';
import { UserNameField } from '../directory/UserName';
import { actionChoices, outcomeChoices, resourceTypeChoices, toInstant } from './choices';
import { LocalDateField } from '../i18n/LocalDateField';

const filters = [
  <TextInput key="username" source="username" alwaysOn />,
  <ReferenceInput key="userId" source="userId" reference="directory">
    <AutocompleteInput optionText="name" label="resources.audit.fields.userId" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <SelectInput key="resourceType" source="resourceType" choices={resourceTypeChoices} translateChoice={false} alwaysOn />,
  <SelectInput key="action" source="action" choices={actionChoices} translateChoice={false} alwaysOn />,
  <SelectInput key="outcome" source="outcome" choices={outcomeChoices} />,
  <DateTimeInput key="from" source="from" parse={toInstant} alwaysOn />,
  <DateTimeInput key="to" source="to" parse={toInstant} alwaysOn />,
];

const RolesField = () => {
  const translate = useTranslate();
  return (
    <FunctionField<AuditEntryView>
      render={(entry) => entry.actor.roles.map((role) => translate(`app.roles.${role}`)).join(', ')}
    />
  );
};

// Read-only: the gateway has no route that changes or removes an entry, and canAccess allows only `list`.
// Sortable columns are the ones the audit query accepts; `actor.username` is sent as `username` by the gateway.
export const AuditList = () => (
  <List filters={filters} sort={{ field: 'occurredAt', order: 'DESC' }} perPage={50} exporter={false}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="occurredAt">
        <LocalDateField source="occurredAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="actor.userId" disableSort>
        <UserNameField source="actor.userId" />
      </DataTable.Col>
      <DataTable.Col source="actor.username" />
      <DataTable.Col source="actor.roles" disableSort>
        <RolesField />
      </DataTable.Col>
      <DataTable.Col source="action" />
      <DataTable.Col source="resourceType" />
      <DataTable.Col source="resourceId" disableSort>
        <TextField source="resourceId" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="outcome">
        <SelectField source="outcome" choices={outcomeChoices} />
      </DataTable.Col>
      <DataTable.NumberCol source="httpStatus" options={{ useGrouping: false }} />
      <DataTable.Col source="method" disableSort />
      <DataTable.Col source="path" disableSort />
      <DataTable.Col source="clientAddress" disableSort />
      <DataTable.Col source="correlationId" disableSort />
    </DataTable>
  </List>
);
