import Chip from '@mui/material/Chip';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { StoredFilePanel } from '../meetings/StoredFilePanel';

type Recorded = { id: string; recordedAfterwards?: boolean };

/** Marks a meeting recorded afterwards (a reporting day held before the platform) in lists and on its page. */
export const RecordedAfterwardsChip = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<Recorded>();
  const translate = useTranslate();
  if (!record?.recordedAfterwards) return null;
  return <Chip size="small" color="secondary" variant="outlined" label={translate('resources.past-reporting-days.recordedAfterwards')} data-testid="recorded-afterwards" />;
};

/**
 * The minutes of a reporting day recorded afterwards, as the scan or photo of the paper (ADR 35): attached by
 * those who record history, downloaded by anyone who reads minutes. Nothing for a meeting held on the platform,
 * whose minutes are written in the minutes step.
 */
export const MinutesFilePanel = () => {
  const record = useRecordContext<Recorded>();
  const { canAccess: canRecord = false } = useCanAccess({ resource: 'past-reporting-days', action: 'create' });
  if (!record?.recordedAfterwards) return null;
  return (
    <StoredFilePanel
      path={`meetings/${record.id}/minutes-file`}
      canUpload={canRecord}
      texts="resources.past-reporting-days.minutesFile"
      testId="minutes-file"
      fallbackName={`minutes-${record.id}`}
    />
  );
};
