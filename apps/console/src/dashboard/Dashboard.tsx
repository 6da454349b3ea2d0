import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import InsightsIcon from '@mui/icons-material/Insights';
import { Button, Loading, Title, useCanAccess, useGetOne, useRedirect, useTranslate } from 'react-admin';
import type { MeRecord } from '../types';
import { ScopeDistricts } from './ScopeDistricts';

/** Home page from GET /me: who the gateway thinks you are, your roles and the area you may see. */
export const Dashboard = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { canAccess: readsReports = false } = useCanAccess({ resource: 'reporting', action: 'list' });
  const { data: me, isPending, error } = useGetOne<MeRecord>('me', { id: 'me' });
  if (isPending) return <Loading />;
  if (error || !me) {
    return <Typography color="error">{translate(error?.message ?? 'ra.notification.http_error')}</Typography>;
  }
  const { scope } = me;
  const hasScope = scope.national || scope.regions.length > 0 || scope.districts.length > 0;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.title" />
      <CardHeader title={translate('dashboard.greeting', { name: me.username })} />
      <CardContent>
        <Typography variant="subtitle2">{translate('dashboard.roles')}</Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
          {me.roles.map((role) => (
            <Chip key={role} label={translate(`app.roles.${role}`, { _: role })} />
          ))}
        </Stack>
        <Typography variant="subtitle2">{translate('dashboard.scope')}</Typography>
        {!hasScope && <Typography>{translate('dashboard.none')}</Typography>}
        {scope.national && <Typography>{translate('dashboard.national')}</Typography>}
        {scope.regions.length > 0 && (
          <Typography>
            {translate('dashboard.regions')}: {scope.regions.join(', ')}
          </Typography>
        )}
        {scope.districts.length > 0 && <ScopeDistricts codes={scope.districts} />}
        {readsReports && hasScope && (
          <Button
            label="reporting.open"
            variant="contained"
            sx={{ mt: 2 }}
            onClick={() => redirect('list', 'reporting')}
            data-testid="open-reporting"
          >
            <InsightsIcon />
          </Button>
        )}
      </CardContent>
    </Card>
  );
};
