import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MuiButton from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { CommunityView, ContactView, MeetingStatus, OfficerAssignmentView, OrganisationView } from '@rd/contracts';
import { useState } from 'react';
import {
  ReferenceArrayField,
  SingleFieldList,
  ChipField,
  useCanAccess,
  useDataProvider,
  useGetList,
  useGetMany,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { RecordPicker } from './fieldKit';
import { inviteProposals, personDescription, type InviteProposal } from './inviteProposals';
import { SaveControls, useSaveForm } from './SaveControls';

interface InviteDraft {
  contactIds: string[];
  organisationIds: string[];
}

interface MeetingRecord {
  id: string;
  districtCode: string;
  status: MeetingStatus;
  communityIds: string[];
  facilitatingOrganisationId: string | null;
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
  const people = usePeople(meeting.districtCode);

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
        describe={people.describe}
      />
      <Proposals meeting={meeting} invited={draft.contactIds} people={people} onAdd={(ids) => update({ ...draft, contactIds: [...draft.contactIds, ...ids] })} />
      {unsaved && form.error === null && <Alert severity="info">{translate('resources.meetings.unsaved')}</Alert>}
      <SaveControls form={form} label="resources.meetings.invite.save" testId="invite-save" />
    </Stack>
  );
};

const ALL = { page: 1, perPage: 500 } as const;
const BY_NAME = { field: 'name', order: 'ASC' } as const;

/**
 * The contacts and organisations the pickers offer (the same queries, so the same cache): a person's name, and the
 * position and organisation that tell namesakes apart.
 */
function usePeople(districtCode: string) {
  const filter = { meetingDistrict: districtCode };
  const contacts = useGetList<ContactView>('contacts', { pagination: ALL, sort: BY_NAME, filter });
  const organisations = useGetList<OrganisationView>('organisations', { pagination: ALL, sort: BY_NAME, filter });
  const contactById = new Map((contacts.data ?? []).map((contact) => [contact.id, contact]));
  const organisationName = (id: string) => organisations.data?.find((organisation) => organisation.id === id)?.name;
  return {
    contacts: contacts.data ?? [],
    nameOf: (id: string) => contactById.get(id)?.name || '—',
    describe: (id: string) => personDescription(contactById.get(id), organisationName),
  };
}
type People = ReturnType<typeof usePeople>;

/**
 * Who the system already knows should be invited (the communities' local-government contacts and police officers, the
 * facilitating NGO's contacts): one click adds a person to the list, "add all" adds them all; nothing is added unasked,
 * and nothing is saved until "Save".
 */
const Proposals = ({ meeting, invited, people, onAdd }: { meeting: MeetingRecord; invited: string[]; people: People; onAdd: (ids: string[]) => void }) => {
  const translate = useTranslate();
  const communities = useGetMany<CommunityView>('communities', { ids: meeting.communityIds });
  const single = meeting.communityIds.length === 1 ? { communityId: meeting.communityIds[0] } : {};
  const assignments = useGetList<OfficerAssignmentView>('officer-assignments', {
    pagination: ALL,
    sort: { field: 'since', order: 'DESC' },
    filter: { current: true, ...single },
  });
  const proposals = inviteProposals({
    communities: communities.data ?? [],
    assignments: assignments.data ?? [],
    facilitatingOrganisationId: meeting.facilitatingOrganisationId,
    contacts: people.contacts,
    invited,
  });
  if (proposals.length === 0) return null;
  const reasonsOf = (proposal: InviteProposal) => proposal.reasons.map((reason) => translate(`resources.meetings.invite.reasons.${reason}`)).join(', ');
  return (
    <Box data-testid="invite-proposals">
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3">
          {translate('resources.meetings.invite.proposed', { smart_count: proposals.length })}
        </Typography>
        {proposals.length > 1 && (
          <MuiButton onClick={() => onAdd(proposals.map((proposal) => proposal.contactId))} data-testid="invite-proposals-add-all">
            {translate('resources.meetings.invite.addAll')}
          </MuiButton>
        )}
      </Box>
      <Stack spacing={1} sx={{ mt: 1 }}>
        {proposals.map((proposal) => {
          const description = people.describe(proposal.contactId);
          return (
            <Box key={proposal.contactId} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }} data-testid={`invite-proposal-${proposal.contactId}`}>
              <MuiButton
                variant="outlined"
                startIcon={<AddIcon />}
                onClick={() => onAdd([proposal.contactId])}
                data-testid={`invite-proposal-add-${proposal.contactId}`}
                sx={{ textTransform: 'none' }}
              >
                {translate('resources.meetings.invite.add', { name: people.nameOf(proposal.contactId) })}
              </MuiButton>
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {[reasonsOf(proposal), description].filter(Boolean).join(' — ')}
              </Typography>
            </Box>
          );
        })}
      </Stack>
    </Box>
  );
};
