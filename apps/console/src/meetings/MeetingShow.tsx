import {
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  SelectField,
  Show,
  TabbedShowLayout,
  TabbedShowLayoutTabs,
  TextField,
  TopToolbar,
} from 'react-admin';
import { TakeOfflinePanel } from '../field/TakeOfflinePanel';
import { LocationField } from '../geography/LocationField';
import { MinutesFilePanel, RecordedAfterwardsChip } from '../history/MinutesFilePanel';
import { AgendaPanel } from './AgendaPanel';
import { MeetingCalendarButton } from './CalendarButton';
import { AttendancePanel } from './AttendancePanel';
import { meetingKindChoices, meetingStatusChoices, organisedByChoices, venueTypeChoices } from './choices';
import { ConcernsPanel } from './ConcernsPanel';
import { FeedbackPanel } from './FeedbackPanel';
import { ZonedStartsAt } from './fieldKit';
import { FollowUpPanel } from './FollowUpPanel';
import { InvitePanel } from './InvitePanel';
import { MeetingEditButton } from './MeetingEdit';
import { MeetingTransitions } from './MeetingTransitions';
import { MinutesPanel } from './MinutesPanel';
import { DraftNotice, HoldStepNotice } from './StatusNotices';
import { SignInSheetPanel } from './StoredFilePanel';

// The reporting day as steps (DOMAIN "A reporting day, end to end"): plan → invite → hold → follow up → minutes → feedback.
// The page's only action is Edit, offered while the plan may still change (react-admin's default would offer it always).
const MeetingShowActions = () => (
  <TopToolbar>
    <MeetingEditButton />
  </TopToolbar>
);

// The steps scroll sideways on a phone instead of making the whole page wider than the screen.
export const MeetingShow = () => (
  <Show actions={<MeetingShowActions />}>
    <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile />}>
      <TabbedShowLayout.Tab label="resources.meetings.steps.plan">
        <SelectField source="status" choices={meetingStatusChoices} data-testid="meeting-status" />
        <DraftNotice />
        <RecordedAfterwardsChip />
        <MeetingTransitions />
        <TakeOfflinePanel />
        <TextField source="title" />
        <SelectField source="kind" choices={meetingKindChoices} />
        <ZonedStartsAt source="startsAt" />
        <ReferenceArrayField source="communityIds" reference="communities" />
        <TextField source="quarter" />
        <TextField source="venueName" />
        <SelectField source="venueType" choices={venueTypeChoices} />
        <LocationField source="venueLocation" label="resources.meetings.fields.venueLocation" />
        <TextField source="venueAccessibility" label="resources.meetings.fields.venueAccessibility" emptyText="—" />
        <ReferenceField source="policeUnitId" reference="organisations" emptyText="—" />
        <SelectField source="organisedBy" choices={organisedByChoices} />
        <ReferenceField source="facilitatingOrganisationId" reference="organisations" emptyText="—" />
        <NumberField source="durationMinutes" />
        <TextField source="statusReason" emptyText="—" />
        <MeetingCalendarButton />
        <AgendaPanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.meetings.steps.invite" path="invite">
        <InvitePanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.meetings.steps.hold" path="hold">
        <HoldStepNotice />
        <AttendancePanel />
        <SignInSheetPanel />
        <ConcernsPanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.meetings.steps.followUp" path="follow-up">
        <FollowUpPanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.meetings.steps.minutes" path="minutes">
        <MinutesFilePanel />
        <MinutesPanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.meetings.steps.feedback" path="feedback">
        <FeedbackPanel />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
