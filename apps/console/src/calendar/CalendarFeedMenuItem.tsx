import EventIcon from '@mui/icons-material/Event';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { useCanAccess, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';

/** "Calendar feed" in the user menu, for those who read meetings; opens the user's own feed page. */
export const CalendarFeedMenuItem = forwardRef<HTMLAnchorElement>((_props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  const { canAccess } = useCanAccess({ resource: 'calendar-feed', action: 'manage' });
  if (!canAccess) return null;
  return (
    <MenuItem ref={ref} component={Link} to="/calendar-feed" onClick={() => userMenu?.onClose()} data-testid="calendar-feed-menu">
      <ListItemIcon>
        <EventIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('calendarFeed.menu')}</ListItemText>
    </MenuItem>
  );
});
CalendarFeedMenuItem.displayName = 'CalendarFeedMenuItem';
