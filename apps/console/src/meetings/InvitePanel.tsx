import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { MeetingStatus } from '@rd/contracts';
import { useState } from 'react';
import {
  ReferenceArrayField,
  SingleFieldList,
  ChipField,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { RecordPicker } from './fieldKit';
import { SaveControls, useSaveForm } from './SaveControls';

interface InviteDraft {
  contactIds: string[];
  organisationIds: string[];
}

interface MeetingRecord {
  id: string;
  districtCode: string;
  status: MeetingStatus;
  inviteeContactIds: string[];
  inviteeOrganisationIds: string[];
}

// The gateway refuses changes to a meeting once it has been held, closed or cancelled.
const FROZEN: readonly MeetingStatus[] = ['held', 'closed', 'cancelled'];

/**
 * Who is invited (contacts and organisations of the district, and region-level ones of its region such as the regional
 * law-enforcement department), kept on the meeting; a draft survives a failed save.
 */
export const InvitePanel = () => {
  const record = useRecordContext<MeetingRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'meetings', action: 'invite' });
  const editable = canAccess && record !== undefined && !FROZEN.includes(record.status);
  return (
    <Stack spacing={3} data-testid="invite-panel">
      <Box>
        <Typography variant="h6">{translate('resources.meetings.invite.organisations')}</Typography>
        <ReferenceArrayField source="inviteeOrganisationIds" reference="organisations" empty={<NoneYet />}>
          <SingleFieldList linkType={false} data-testid="invited-organisations">
            <ChipField source="name" size="medium" />
          </SingleFieldList>
        </ReferenceArrayField>
      </Box>
      <Box>
        <Typography variant="h6">{translate('resources.meetings.invite.contacts')}</Typography>
        <ReferenceArrayField source="inviteeContactIds" reference="contacts" empty={<NoneYet />}>
          <SingleFieldList linkType={false} data-testid="invited-contacts">
            <ChipField source="name" size="medium" />
          </SingleFieldList>
        </ReferenceArrayField>
      </Box>
      {editable && record && <InviteForm key={record.id} meeting={record} />}
    </Stack>
  );
};

const NoneYet = () => {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('resources.meetings.invite.none')}</Typography>;
};

const InviteForm = ({ meeting }: { meeting: MeetingRecord }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const key = `rd.meeting.${meeting.id}.invite`;
  const [draft, setDraft] = useState<InviteDraft>(
    () => loadDraft<InviteDraft>(key) ?? { contactIds: meeting.inviteeContactIds, organisationIds: meeting.inviteeOrganisationIds },
  );
  const [unsaved, setUnsaved] = useState(() => loadDraft(key) !== null);
  const form = useSaveForm(
    () => ({ ok: true, value: { inviteeContactIds: draft.contactIds, inviteeOrganisationIds: draft.organisationIds } }),
    (input) => dataProvider.apiCall('PATCH', `meetings/${meeting.id}`, input),
    () => {
      clearDraft(key);
      setUnsaved(false);
      notify('resources.meetings.invite.saved', { type: 'success' });
      refresh();
    },
  );

  const update = (next: InviteDraft) => {
    setDraft(next);
    setUnsaved(true);
    saveDraft(key, next);
  };

  return (
    <Stack spacing={2}>
      <RecordPicker
        resource="organisations"
        filter={{ meetingDistrict: meeting.districtCode }}
        multiple
        value={draft.organisationIds}
        onChange={(organisationIds) => update({ ...draft, organisationIds })}
        label={translate('resources.meetings.invite.pickOrganisations')}
        testId="invite-organisations"
      />
      <RecordPicker
        resource="contacts"
        filter={{ meetingDistrict: meeting.districtCode }}
        multiple
        value={draft.contactIds}
        onChange={(contactIds) => update({ ...draft, contactIds })}
        label={translate('resources.meetings.invite.pickContacts')}
        testId="invite-contacts"
      />
      {unsaved && form.error === null && <Alert severity="info">{translate('resources.meetings.unsaved')}</Alert>}
      <SaveControls form={form} label="resources.meetings.invite.save" testId="invite-save" />
    </Stack>
  );
};
