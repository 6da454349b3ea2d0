import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import type { CalendarFeedView, CreatedCalendarFeed } from '@rd/contracts';
import { useState } from 'react';
import { Loading, Title, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useApiQuery, useInvalidateApi, useNotifyError } from '../data/apiQueries';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { useFailureText } from '../data/useFailureText';
import { formatDate } from '../i18n/dates';

const FEED_PATH = 'calendar/feed';

/**
 * The user's own secret calendar feed (ADR 37): make the address (shown once, with a copy button), make a new one
 * (the old stops working) or revoke it. The address is kept in this page's state only, never in the store.
 */
export const CalendarFeedPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const failureText = useFailureText();
  const invalidate = useInvalidateApi();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const feed = useApiQuery<CalendarFeedView>(FEED_PATH);
  const [address, setAddress] = useState<string | null>(null);

  const make = useMutation({
    mutationFn: async () => (await dataProvider.apiCall<CreatedCalendarFeed>('POST', FEED_PATH, {})).json,
    onSuccess: async (made) => {
      setAddress(await dataProvider.absoluteUrl(made.path));
      notify('calendarFeed.created', { type: 'success' });
      return invalidate(FEED_PATH);
    },
    onError: (error) => notifyError(error),
  });
  const revoke = useMutation({
    mutationFn: () => dataProvider.apiCall('DELETE', FEED_PATH),
    onSuccess: () => {
      setAddress(null);
      notify('calendarFeed.revoked', { type: 'info' });
      return invalidate(FEED_PATH);
    },
    onError: (error) => notifyError(error),
  });
  const copy = async () => {
    if (!address) return;
    try {
      await navigator.clipboard.writeText(address);
      notify('calendarFeed.copied', { type: 'info' });
    } catch {
      // No clipboard (an insecure origin, or refused): the address stays selected in the field to copy by hand.
      (document.getElementById('calendar-feed-address') as HTMLInputElement | null)?.select();
    }
  };

  if (feed.isPending) return <Loading />;
  if (feed.error || !feed.data) return <Alert severity="error">{feed.error ? failureText(feed.error) : translate('failures.other')}</Alert>;
  const active = feed.data.active;
  const busy = make.isPending || revoke.isPending;

  return (
    <Box sx={{ pb: 4, maxWidth: 760 }} data-testid="calendar-feed">
      <Title title="calendarFeed.title" />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Stack spacing={2}>
            <Typography variant="h6" component="h1">
              {translate('calendarFeed.title')}
            </Typography>
            <Typography>{translate('calendarFeed.intro')}</Typography>
            {address ? (
              <>
                <Alert severity="warning">{translate('calendarFeed.secret')}</Alert>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { xs: 'stretch', sm: 'center' } }}>
                  <TextField
                    id="calendar-feed-address"
                    label={translate('calendarFeed.address')}
                    value={address}
                    fullWidth
                    size="small"
                    slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'calendar-feed-address' } }}
                    onFocus={(event) => event.target.select()}
                  />
                  <Button variant="contained" startIcon={<ContentCopyIcon />} onClick={copy} sx={{ flexShrink: 0, minHeight: 44 }}>
                    {translate('calendarFeed.copy')}
                  </Button>
                </Stack>
              </>
            ) : (
              <Typography data-testid="calendar-feed-status" color="text.secondary">
                {active && feed.data.createdAt
                  ? translate('calendarFeed.active', { date: formatDate(feed.data.createdAt, locale, { time: true }) })
                  : translate('calendarFeed.none')}
              </Typography>
            )}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
              <Button variant={active ? 'outlined' : 'contained'} disabled={busy} onClick={() => make.mutate()} sx={{ minHeight: 44 }} data-testid="calendar-feed-make">
                {translate(active ? 'calendarFeed.regenerate' : 'calendarFeed.create')}
              </Button>
              {active && (
                <Button color="error" variant="outlined" disabled={busy} onClick={() => revoke.mutate()} sx={{ minHeight: 44 }} data-testid="calendar-feed-revoke">
                  {translate('calendarFeed.revoke')}
                </Button>
              )}
            </Stack>
            {active && <Typography variant="body2" color="text.secondary">{translate('calendarFeed.regenerateHint')}</Typography>}
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
