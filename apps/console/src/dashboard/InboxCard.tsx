import type { InboxCountView, InboxItemView } from '@rd/contracts';
import { useGetList, useLocaleState } from 'react-admin';
import { useApiQuery } from '../data/apiQueries';
import { consoleRoute, INBOX_COUNT_PATH, inboxLanguage } from '../notifications/inbox';
import { listRoute } from './home';
import { HomeCard, HomeItem, HomeItems } from './HomeCard';
import { formatDate } from '../i18n/dates';

/** The reader's unread console messages: the count the app bar's badge shows, and the newest three. */
export const InboxCard = () => {
  const [locale] = useLocaleState();
  const count = useApiQuery<InboxCountView>(INBOX_COUNT_PATH);
  const { data = [], isPending, error } = useGetList<InboxItemView>('notifications/inbox', {
    filter: { unread: true, language: inboxLanguage(locale) },
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 3 },
  });
  return (
    <HomeCard
      card="inbox"
      count={count.data?.unread}
      isPending={isPending}
      error={error ?? count.error}
      isEmpty={data.length === 0}
      to={listRoute('notifications/inbox', { unread: true })}
    >
      <HomeItems>
        {data.map((message) => (
          <HomeItem
            key={message.id}
            testId="home-message"
            to={consoleRoute(message.link) ?? '/notifications/inbox'}
            primary={message.title}
            secondary={formatDate(message.createdAt, locale, { time: true })}
          />
        ))}
      </HomeItems>
    </HomeCard>
  );
};
