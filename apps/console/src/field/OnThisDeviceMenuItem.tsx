import OfflinePinIcon from '@mui/icons-material/OfflinePin';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { useCanAccess, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';

/** "On this device" in the user menu, for those who hold meetings: the field screen with the meetings taken offline. */
export const OnThisDeviceMenuItem = forwardRef<HTMLAnchorElement>((_props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  const { canAccess } = useCanAccess({ resource: 'meetings', action: 'hold' });
  if (!canAccess) return null;
  return (
    <MenuItem ref={ref} component={Link} to="/field" onClick={() => userMenu?.onClose()} data-testid="on-this-device-menu">
      <ListItemIcon>
        <OfflinePinIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('field.device.onThisDevice')}</ListItemText>
    </MenuItem>
  );
});
OnThisDeviceMenuItem.displayName = 'OnThisDeviceMenuItem';
