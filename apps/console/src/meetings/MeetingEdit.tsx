import Alert from '@mui/material/Alert';
import type { MeetingView } from '@rd/contracts';
import {
  Edit,
  EditButton,
  FormDataConsumer,
  maxLength,
  minLength,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { organisedByChoices } from './choices';
import { buildUpdateMeetingInput, isEditable, meetingEditFormOf, type MeetingEditForm } from './inputs';
import { FacilitatorInput, PoliceUnitInput, VenueInputs } from './venueInputs';

/** "Edit" on the meeting page: only while its plan may change and only to those who plan meetings (meeting:plan). */
export const MeetingEditButton = () => {
  const record = useRecordContext<MeetingView>();
  const { canAccess = false } = useCanAccess({ resource: 'meetings', action: 'edit' });
  if (!canAccess || !isEditable(record?.status)) return null;
  return <EditButton data-testid="meeting-edit" />;
};

const transform = (data: MeetingEditForm) => {
  const built = buildUpdateMeetingInput(data);
  if (!built.ok) throw new Error(built.errors[0]);
  return built.value;
};

/** The form, on the meeting as the edit form holds it (coordinates as two numbers, as on create). */
const MeetingEditForm = () => {
  const record = useRecordContext<MeetingView>();
  const translate = useTranslate();
  if (!record) return null;
  if (!isEditable(record.status)) {
    return (
      <Alert severity="info" data-testid="meeting-not-editable" sx={{ m: 2 }}>
        {translate('resources.meetings.edit.notEditable')}
      </Alert>
    );
  }
  return (
    <SimpleForm record={{ id: record.id, ...meetingEditFormOf(record) }}>
      {record.status !== 'draft' ? (
        <Alert severity="info" data-testid="meeting-edit-announced" sx={{ mb: 2 }}>
          {translate('resources.meetings.edit.announced')}
        </Alert>
      ) : null}
      <TextInput source="title" validate={[required(), minLength(3), maxLength(200)]} />
      <VenueInputs />
      <PoliceUnitInput districtCode={record.districtCode} />
      <SelectInput source="organisedBy" choices={organisedByChoices} validate={required()} />
      <FormDataConsumer<Partial<MeetingEditForm>>>
        {({ formData }) => <FacilitatorInput organisedBy={formData.organisedBy} districtCode={record.districtCode} />}
      </FormDataConsumer>
    </SimpleForm>
  );
};

/** Change a draft, scheduled or postponed meeting's title, venue and organisers; its date moves by postponing. */
export const MeetingEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic" transform={transform}>
    <MeetingEditForm />
  </Edit>
);
