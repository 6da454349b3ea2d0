import { BooleanInput, DataTable, FunctionField, List, NullableBooleanInput, ReferenceField, SelectInput, useTranslate } from 'react-admin';
import { ACTION_STATUSES, type ActionView } from '@rd/contracts';
import { LocalDateField } from '../i18n/LocalDateField';

const M = 'resources.meetings.actions';

const StatusInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SelectInput {...props} choices={ACTION_STATUSES.map((id) => ({ id, name: translate(`${M}.statuses.${id}`) }))} />;
};

const filters = [
  <BooleanInput key="mine" source="mine" alwaysOn />,
  <StatusInput key="status" source="status" alwaysOn />,
  <NullableBooleanInput key="overdue" source="overdue" alwaysOn />,
];

/**
 * Follow-up actions of concerns the reader may read, "mine" first (ADR 34): owned by the contact linked to the
 * reader's login, or by the reader's organisation with nobody named. A row opens its meeting.
 */
export const ActionList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} filterDefaultValues={{ mine: true }} sort={{ field: 'dueDate', order: 'ASC' }} exporter={false}>
      <DataTable rowClick={(_id, _resource, record) => `/meetings/${(record as ActionView).meetingId}/show`} bulkActionButtons={false}>
        <DataTable.Col source="dueDate">
          <LocalDateField source="dueDate" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <FunctionField<ActionView>
            render={(action) => `${translate(`${M}.statuses.${action.status}`)}${action.overdue ? ` · ${translate(`${M}.overdue`)}` : ''}`}
          />
        </DataTable.Col>
        <DataTable.Col source="concernTopic" disableSort>
          <FunctionField<ActionView> render={(action) => translate(`resources.meetings.concerns.topics.${action.concernTopic}`)} />
        </DataTable.Col>
        <DataTable.Col source="description" disableSort />
        <DataTable.Col source="ownerOrganisationId" disableSort>
          <ReferenceField source="ownerOrganisationId" reference="organisations" link={false} />
        </DataTable.Col>
        <DataTable.Col source="ownerContactId" disableSort>
          <ReferenceField source="ownerContactId" reference="contacts" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="meetingId" disableSort>
          <ReferenceField source="meetingId" reference="meetings" link={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
