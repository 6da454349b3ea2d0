import Typography from '@mui/material/Typography';
import type { ActionView } from '@rd/contracts';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { dueSoon } from './home';
import { HomeCard, HomeItem, HomeItems } from './HomeCard';
import { formatDate } from '../i18n/dates';

const BY_DUE_DATE = { field: 'dueDate', order: 'ASC' } as const;
const PAGE = { page: 1, perPage: 5 };

const ActionLine = ({ action, overdue }: { action: ActionView; overdue: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const due = formatDate(action.dueDate, locale);
  return (
    <HomeItem
      testId={overdue ? 'home-action-overdue' : 'home-action-soon'}
      to={`/meetings/${action.meetingId}/show`}
      primary={action.description || translate(`resources.meetings.concerns.topics.${action.concernTopic}`)}
      secondary={
        <>
          {translate('dashboard.cards.actions.due', { date: due })}
          {overdue && (
            <Typography component="span" variant="body2" color="error" sx={{ fontWeight: 600 }}>
              {' '}
              · {translate('resources.meetings.actions.overdue')}
            </Typography>
          )}
        </>
      }
    />
  );
};

/**
 * The reader's follow-up actions ("mine", ADR 34) that are overdue, then those due within two weeks. Overdue is the
 * gateway's flag; due soon is worked out here from the open and in-progress ones.
 */
export const ActionsCard = () => {
  const overdue = useGetList<ActionView>('actions', { filter: { mine: true, overdue: true }, sort: BY_DUE_DATE, pagination: PAGE });
  const open = useGetList<ActionView>('actions', { filter: { mine: true, overdue: false, status: 'open' }, sort: BY_DUE_DATE, pagination: PAGE });
  const started = useGetList<ActionView>('actions', { filter: { mine: true, overdue: false, status: 'in-progress' }, sort: BY_DUE_DATE, pagination: PAGE });
  const soon = dueSoon([...(open.data ?? []), ...(started.data ?? [])], new Date().toISOString().slice(0, 10));
  const late = overdue.data ?? [];
  const queries = [overdue, open, started];
  return (
    <HomeCard
      card="actions"
      count={(overdue.total ?? 0) + soon.length}
      isPending={queries.some((query) => query.isPending)}
      error={queries.find((query) => query.error)?.error}
      isEmpty={late.length === 0 && soon.length === 0}
      to="/actions"
    >
      <HomeItems>
        {late.map((action) => (
          <ActionLine key={action.id} action={action} overdue />
        ))}
        {soon.map((action) => (
          <ActionLine key={action.id} action={action} overdue={false} />
        ))}
      </HomeItems>
    </HomeCard>
  );
};
