import { AutocompleteInput, CreateButton, DataTable, List, ReferenceArrayField, ReferenceInput, SelectField, SelectInput, TopToolbar } from 'react-admin';
import { ImportPastDaysButton, RecordPastDayButton } from '../history/RecordPastDayButton';
import { RecordedAfterwardsChip } from '../history/MinutesFilePanel';
import { meetingKindChoices, meetingStatusChoices } from './choices';
import { ZonedStartsAt } from './fieldKit';

// The community filter shows when a community's page opens the list narrowed to it (and can be cleared there).
const filters = [
  <SelectInput key="status" source="status" choices={meetingStatusChoices} alwaysOn />,
  <ReferenceInput key="communityId" source="communityId" reference="communities">
    <AutocompleteInput optionText="name" label="resources.meetings.fields.communityIds" data-testid="meetings-community-filter" />
  </ReferenceInput>,
];

const ListActions = () => (
  <TopToolbar>
    <CreateButton data-testid="meeting-create" />
    <RecordPastDayButton />
    <ImportPastDaysButton />
  </TopToolbar>
);

export const MeetingList = () => (
  <List filters={filters} sort={{ field: 'startsAt', order: 'DESC' }} exporter={false} actions={<ListActions />}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="startsAt">
        <ZonedStartsAt />
      </DataTable.Col>
      <DataTable.Col source="title" />
      <DataTable.Col source="kind" disableSort>
        <SelectField source="kind" choices={meetingKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="communityIds" disableSort>
        <ReferenceArrayField source="communityIds" reference="communities" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={meetingStatusChoices} />{' '}
        <RecordedAfterwardsChip />
      </DataTable.Col>
      <DataTable.Col source="quarter" disableSort />
    </DataTable>
  </List>
);
