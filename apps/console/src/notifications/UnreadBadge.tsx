import NotificationsIcon from '@mui/icons-material/Notifications';
import Badge from '@mui/material/Badge';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import type { InboxCountView } from '@rd/contracts';
import { useCanAccess, useRedirect, useTranslate } from 'react-admin';
import { useApiQuery } from '../data/apiQueries';
import { badgeText, INBOX_COUNT_PATH, INBOX_POLL_MS } from './inbox';

const InboxBadge = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  // Coming back to the tab after a while asks at once rather than at the next tick; marking messages read in the
  // inbox invalidates this query.
  const { data } = useApiQuery<InboxCountView>(INBOX_COUNT_PATH, { refetchInterval: INBOX_POLL_MS, refetchOnWindowFocus: true });
  const unread = data?.unread ?? 0;
  const label = translate('notifications.inbox.unreadCount', { smart_count: unread });
  return (
    <Tooltip title={label}>
      <IconButton
        color="inherit"
        aria-label={label}
        data-testid="inbox-badge"
        data-unread={data === undefined ? '' : String(unread)}
        onClick={() => redirect('list', 'notifications/inbox')}
      >
        <Badge badgeContent={badgeText(unread)} color="error" invisible={unread === 0}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};

/** The unread count in the app bar, for users with an inbox (not the regional reviewer); polled every minute. */
export const UnreadBadge = () => {
  const { canAccess } = useCanAccess({ resource: 'notifications/inbox', action: 'list' });
  return canAccess ? <InboxBadge /> : null;
};
