import Typography from '@mui/material/Typography';
import type { MeetingAgendaView, MeetingView } from '@rd/contracts';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useApiQuery } from '../data/apiQueries';
import { formatInZone } from '../meetings/timeZone';
import { upcomingWindow } from './home';
import { HomeCard, HomeItem, HomeItems } from './HomeCard';
import { useHomeMeetings } from './useHomeMeetings';
import { formatDate } from '../i18n/dates';

const SHOWN_STEPS = 3;

/** The preparation steps of a meeting not ticked yet, the overdue ones marked. */
const OpenSteps = ({ meeting }: { meeting: MeetingView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useApiQuery<MeetingAgendaView>(`meetings/${meeting.id}/agenda`);
  if (!data) return null;
  const open = data.checklist.filter((step) => !step.done);
  if (open.length === 0) {
    return (
      <Typography variant="body2" data-testid="home-steps-done">
        {translate(data.checklist.length ? 'dashboard.cards.upcoming.stepsDone' : 'dashboard.cards.upcoming.noChecklist')}
      </Typography>
    );
  }
  return (
    <Typography component="div" variant="body2" data-testid="home-steps">
      {translate('dashboard.cards.upcoming.stepsOpen', { smart_count: open.length })}
      <ul style={{ margin: '2px 0 0', paddingLeft: 20 }}>
        {open.slice(0, SHOWN_STEPS).map((step) => (
          <li key={step.id} data-testid="home-step">
            {step.title} · {formatDate(step.dueDate, locale)}
            {step.overdue && (
              <Typography component="span" variant="body2" color="error" sx={{ fontWeight: 600 }}>
                {' '}
                · {translate('resources.meetings.agenda.overdue')}
              </Typography>
            )}
            {step.lateStart && (
              <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
                {' '}
                · {translate('resources.meetings.agenda.lateStart')}
              </Typography>
            )}
          </li>
        ))}
      </ul>
    </Typography>
  );
};

/** Reporting days scheduled in the next 30 days in the reader's scope, with their unfinished preparation steps. */
export const UpcomingCard = () => {
  const [locale] = useLocaleState();
  const filter = useMemo(() => ({ status: 'scheduled', ...upcomingWindow(new Date()) }), []);
  const { meetings, total, isPending, error, to } = useHomeMeetings(filter, { status: 'scheduled' });
  return (
    <HomeCard card="upcoming" count={total} isPending={isPending} error={error} isEmpty={meetings.length === 0} to={to}>
      <HomeItems>
        {meetings.map((meeting) => (
          <HomeItem
            key={meeting.id}
            testId="home-meeting"
            to={`/meetings/${meeting.id}/show`}
            primary={meeting.title}
            secondary={formatInZone(meeting.startsAt, meeting.timeZone, locale)}
          >
            <OpenSteps meeting={meeting} />
          </HomeItem>
        ))}
      </HomeItems>
    </HomeCard>
  );
};
