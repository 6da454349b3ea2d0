import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import { useLocaleState, useRedirect, useTranslate } from 'react-admin';
import type { MappableCommunity } from './mapPoints';

/** The map's fallback: every community with its status and coordinates, one tap away from its page. */
export const CommunityPlainList = ({ communities }: { communities: readonly MappableCommunity[] }) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [locale] = useLocaleState();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  if (communities.length === 0) return <p>{translate('app.map.none')}</p>;
  return (
    <List data-testid="community-map-list" aria-label={translate('app.map.listLabel')}>
      {communities.map((community) => (
        // Each button in a list item of its own: a list holds only items (WCAG 1.3.1).
        <ListItem key={community.id} disablePadding>
          <ListItemButton sx={{ minHeight: 56 }} onClick={() => redirect('show', 'communities', community.id)}>
            <ListItemText
              primary={community.name}
              secondary={[
                community.status ? translate(`resources.communities.statuses.${community.status}`) : null,
                community.location
                  ? `${number.format(community.location.lat)}, ${number.format(community.location.lng)}`
                  : translate('app.geography.noLocation'),
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </ListItemButton>
        </ListItem>
      ))}
    </List>
  );
};
