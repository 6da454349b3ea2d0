import {
  DateField,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
} from 'react-admin';
import { AttendancePanel } from './AttendancePanel';
import { meetingStatusChoices, organisedByChoices, venueTypeChoices } from './choices';
import { FeedbackPanel } from './FeedbackPanel';
import { MeetingTransitions } from './MeetingTransitions';
import { MinutesPanel } from './MinutesPanel';

// The reporting day as steps: plan → hold → minutes → feedback.
export const MeetingShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="resources.meetings.steps.plan">
        <SelectField source="status" choices={meetingStatusChoices} data-testid="meeting-status" />
        <MeetingTransitions />
        <TextField source="title" />
        <DateField source="startsAt" showTime />
        <ReferenceArrayField source="communityIds" reference="communities" />
        <TextField source="quarter" />
        <TextField source="venueName" />
        <SelectField source="venueType" choices={venueTypeChoices} />
        <ReferenceField source="policeUnitId" reference="organisations" emptyText="—" />
        <SelectField source="organisedBy" choices={organisedByChoices} />
        <NumberField source="durationMinutes" />
        <TextField source="statusReason" emptyText="—" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.meetings.steps.hold" path="hold">
        <AttendancePanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.meetings.steps.minutes" path="minutes">
        <MinutesPanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.meetings.steps.feedback" path="feedback">
        <FeedbackPanel />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
