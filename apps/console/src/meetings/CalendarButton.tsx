import EventIcon from '@mui/icons-material/Event';
import Button from '@mui/material/Button';
import { useRecordContext, useTranslate } from 'react-admin';
import { useNotifyError } from '../data/apiQueries';
import { saveFile, useFileClient } from '../data/fileClient';

/**
 * Downloads an iCalendar file (RFC 5545) through the gateway with the user's token: one meeting, or the district's
 * feed of meetings. Calendar apps import the file; there is no token-free subscription URL (the data is scoped).
 */
const CalendarButton = ({ path, fileName, label, testId }: { path: string; fileName: string; label: string; testId: string }) => {
  const download = useFileClient();
  const translate = useTranslate();
  const notifyError = useNotifyError();
  const fetchCalendar = async () => {
    try {
      saveFile(await download(path), fileName);
    } catch (caught) {
      notifyError(caught, 'resources.meetings.calendar.failed');
    }
  };
  return (
    <Button size="large" variant="outlined" startIcon={<EventIcon />} onClick={() => void fetchCalendar()} data-testid={testId} sx={{ alignSelf: 'flex-start' }}>
      {translate(label)}
    </Button>
  );
};

/** The meeting as an .ics file, to add it to one's own calendar. */
export const MeetingCalendarButton = () => {
  const record = useRecordContext<{ id: string }>();
  if (!record) return null;
  return <CalendarButton path={`meetings/${record.id}/calendar.ics`} fileName={`meeting-${record.id}.ics`} label="resources.meetings.calendar.meeting" testId="meeting-calendar" />;
};

/** The district's meetings (scheduled, held, cancelled) as one .ics file. */
export const DistrictCalendarButton = () => {
  const record = useRecordContext<{ code: string }>();
  if (!record) return null;
  return <CalendarButton path={`districts/${record.code}/meetings.ics`} fileName={`meetings-${record.code}.ics`} label="resources.meetings.calendar.district" testId="district-calendar" />;
};
