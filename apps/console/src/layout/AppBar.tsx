import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, Logout, UserMenu } from 'react-admin';
import { CalendarFeedMenuItem } from '../calendar/CalendarFeedMenuItem';
import { UnreadBadge } from '../notifications/UnreadBadge';

/** Unread messages, language menu (choice kept in the store) and the user menu: the username, the calendar feed, sign out. */
export const AppBar = () => (
  <RaAppBar
    userMenu={
      <UserMenu>
        <CalendarFeedMenuItem />
        <Logout />
      </UserMenu>
    }
    toolbar={
      <>
        <UnreadBadge />
        <LocalesMenuButton />
        <LoadingIndicator />
      </>
    }
  />
);
