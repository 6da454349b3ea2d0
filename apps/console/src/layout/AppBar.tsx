import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, Logout, useGetIdentity, useTranslate, UserMenu } from 'react-admin';
import { CalendarFeedMenuItem } from '../calendar/CalendarFeedMenuItem';
import { OnThisDeviceMenuItem } from '../field/OnThisDeviceMenuItem';
import { UnreadBadge } from '../notifications/UnreadBadge';
import { PageLoadingBar } from './PageLoadingBar';

/**
 * The user menu (calendar feed, sign out) named by what it shows: react-admin's button shows the user's name but is
 * named "Profile", which a voice-control user saying the visible name cannot reach (WCAG 2.5.3). The name comes
 * first, then what it opens.
 */
const NamedUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const menu = translate('ra.auth.user_menu');
  return (
    <UserMenu label={identity?.fullName ? `${identity.fullName} (${menu})` : menu}>
      <CalendarFeedMenuItem />
      <OnThisDeviceMenuItem />
      <Logout />
    </UserMenu>
  );
};

/** Unread messages, language menu (choice kept in the store), the user menu, and a bar while a page's chunk loads. */
export const AppBar = () => (
  <RaAppBar
    userMenu={<NamedUserMenu />}
    toolbar={
      <>
        <UnreadBadge />
        <LocalesMenuButton />
        <LoadingIndicator />
        {/* In the app bar, outside the pages' Suspense: shown whether the current page stays or the fallback replaces it. */}
        <PageLoadingBar />
      </>
    }
  />
);
