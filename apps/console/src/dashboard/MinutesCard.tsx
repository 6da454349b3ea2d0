import { useLocaleState, useTranslate } from 'react-admin';
import { formatInZone } from '../meetings/timeZone';
import { HomeCard, HomeItem, HomeItems } from './HomeCard';
import { useHomeMeetings } from './useHomeMeetings';

const AWAITING = { minutesAwaitingApproval: true };

/** Held reporting days whose draft minutes the reader may approve (the approval rule of ADR 34, decided by the gateway). */
export const MinutesCard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { meetings, total, isPending, error, to } = useHomeMeetings(AWAITING);
  return (
    <HomeCard card="minutes" count={total} isPending={isPending} error={error} isEmpty={meetings.length === 0} to={to}>
      <HomeItems>
        {meetings.map((meeting) => (
          <HomeItem
            key={meeting.id}
            testId="home-minutes"
            to={`/meetings/${meeting.id}/show`}
            primary={meeting.title}
            secondary={translate('dashboard.cards.minutes.held', { date: formatInZone(meeting.heldAt ?? meeting.startsAt, meeting.timeZone, locale) })}
          />
        ))}
      </HomeItems>
    </HomeCard>
  );
};
