import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import InsightsIcon from '@mui/icons-material/Insights';
import type { ReactNode } from 'react';
import { Button, Loading, Title, useCanAccess, useGetOne, useRedirect, useTranslate } from 'react-admin';
import type { MeRecord } from '../types';
import { ActionsCard } from './ActionsCard';
import { MissingCard, RateCard } from './AreaCards';
import { homeCards, type HomeCard } from './home';
import { InboxCard } from './InboxCard';
import { MinutesCard } from './MinutesCard';
import { ScopeDistricts } from './ScopeDistricts';
import { UpcomingCard } from './UpcomingCard';
import { useFailureText } from '../data/useFailureText';

/** Who the gateway thinks you are: greeting, roles and the area you may see (GET /me). */
const Identity = ({ me }: { me: MeRecord }) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { canAccess: readsReports = false } = useCanAccess({ resource: 'reporting', action: 'list' });
  const { scope } = me;
  const hasScope = scope.national || scope.regions.length > 0 || scope.districts.length > 0;
  return (
    <Box component="header" sx={{ mt: 2, mb: 2 }}>
      <Typography variant="h5" component="h1">
        {translate('dashboard.greeting', { name: me.username })}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: { sm: 'center' }, mt: 1 }}>
        <Typography variant="subtitle2">{translate('dashboard.roles')}:</Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {me.roles.map((role) => (
            <Chip key={role} label={translate(`app.roles.${role}`, { _: role })} />
          ))}
        </Stack>
        <Typography variant="subtitle2">{translate('dashboard.scope')}:</Typography>
        {!hasScope && <Typography>{translate('dashboard.none')}</Typography>}
        {scope.national && <Typography>{translate('dashboard.national')}</Typography>}
        {scope.regions.length > 0 && (
          <Typography>
            {translate('dashboard.regions')}: {scope.regions.join(', ')}
          </Typography>
        )}
        {scope.districts.length > 0 && <ScopeDistricts codes={scope.districts} />}
      </Stack>
      {readsReports && hasScope && (
        <Button label="reporting.open" variant="outlined" sx={{ mt: 1 }} onClick={() => redirect('list', 'reporting')} data-testid="open-reporting">
          <InsightsIcon />
        </Button>
      )}
    </Box>
  );
};

const cardOf = (card: HomeCard, me: MeRecord): ReactNode => {
  switch (card) {
    case 'upcoming':
      return <UpcomingCard key={card} />;
    case 'minutes':
      return <MinutesCard key={card} />;
    case 'actions':
      return <ActionsCard key={card} />;
    case 'missing':
      return <MissingCard key={card} scope={me.scope} />;
    case 'inbox':
      return <InboxCard key={card} />;
    case 'rate':
      return <RateCard key={card} scope={me.scope} />;
  }
};

/**
 * Home page: what needs the reader now, one card per thing their role may read (homeCards), each linking to its
 * full list. Cards stack in one column on a phone and sit side by side on wider screens.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const failureText = useFailureText();
  const { data: me, isPending, error } = useGetOne<MeRecord>('me', { id: 'me' });
  if (isPending) return <Loading />;
  if (error || !me) {
    return <Typography color="error">{error ? failureText(error) : translate('failures.other')}</Typography>;
  }
  return (
    <Box sx={{ pb: 2 }}>
      <Title title="app.title" />
      <Identity me={me} />
      <Box
        data-testid="home-cards"
        sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))', xl: 'repeat(3, minmax(0, 1fr))' }, alignItems: 'start' }}
      >
        {homeCards(me.roles).map((card) => cardOf(card, me))}
      </Box>
    </Box>
  );
};
