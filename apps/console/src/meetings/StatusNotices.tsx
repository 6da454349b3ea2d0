import Alert from '@mui/material/Alert';
import type { MeetingStatus } from '@rd/contracts';
import { useRecordContext, useTranslate } from 'react-admin';
import { holdStepOffer } from './holdStep';

/** On the plan step of a new meeting: a draft invites nobody and does not count until it is scheduled. */
export const DraftNotice = () => {
  const record = useRecordContext<{ status: MeetingStatus }>();
  const translate = useTranslate();
  if (record?.status !== 'draft') return null;
  return (
    <Alert severity="info" data-testid="meeting-draft-notice">
      {translate('resources.meetings.draftNotice')}
    </Alert>
  );
};

/** At the top of the hold step: why attendance and the sign-in sheet are not offered in this status. */
export const HoldStepNotice = () => {
  const record = useRecordContext<{ status: MeetingStatus }>();
  const translate = useTranslate();
  const explanation = record ? holdStepOffer(record.status).explanation : null;
  if (!explanation) return null;
  return (
    <Alert severity="info" data-testid="hold-step-notice">
      {translate(explanation)}
    </Alert>
  );
};
