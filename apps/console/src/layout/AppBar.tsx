import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton } from 'react-admin';
import { UnreadBadge } from '../notifications/UnreadBadge';

/** Unread messages, language menu (choice kept in the store) and, through the default user menu, the username. */
export const AppBar = () => (
  <RaAppBar
    toolbar={
      <>
        <UnreadBadge />
        <LocalesMenuButton />
        <LoadingIndicator />
      </>
    }
  />
);
