import { CreateButton, DataTable, DateField, List, ReferenceArrayField, SelectField, SelectInput, TopToolbar } from 'react-admin';
import { meetingStatusChoices } from './choices';

const filters = [<SelectInput key="status" source="status" choices={meetingStatusChoices} alwaysOn />];

const ListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

export const MeetingList = () => (
  <List filters={filters} sort={{ field: 'startsAt', order: 'DESC' }} exporter={false} actions={<ListActions />}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="startsAt">
        <DateField source="startsAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="title" />
      <DataTable.Col source="communityIds" disableSort>
        <ReferenceArrayField source="communityIds" reference="communities" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={meetingStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="quarter" disableSort />
    </DataTable>
  </List>
);
