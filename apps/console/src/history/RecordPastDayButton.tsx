import HistoryIcon from '@mui/icons-material/History';
import { Button, useCanAccess, useCreatePath, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';

/**
 * "Record a past reporting day": on a community's page (that community preset) or above the meetings list, for
 * those who may record history (history:record).
 */
export const RecordPastDayButton = ({ forCommunity = false }: { forCommunity?: boolean }) => {
  const record = useRecordContext<{ id: string }>();
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource: 'past-reporting-days', action: 'create' });
  if (!canAccess || (forCommunity && !record)) return null;
  const path = createPath({ resource: 'past-reporting-days', type: 'create' });
  const to = forCommunity && record ? `${path}?source=${encodeURIComponent(JSON.stringify({ communityId: record.id }))}` : path;
  return (
    <Button component={Link} to={to} label="resources.past-reporting-days.record" data-testid="record-past-day">
      <HistoryIcon />
    </Button>
  );
};

/** "Import past reporting days", next to the button above the meetings list. */
export const ImportPastDaysButton = () => {
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource: 'past-reporting-day-imports', action: 'list' });
  if (!canAccess) return null;
  return (
    <Button component={Link} to={createPath({ resource: 'past-reporting-day-imports', type: 'list' })} label="resources.past-reporting-day-imports.name" data-testid="import-past-days">
      <HistoryIcon />
    </Button>
  );
};
