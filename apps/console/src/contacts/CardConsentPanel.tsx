import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useGetIdentity, useNotify, useRecordContext, useLocaleState, useRefresh, useTranslate } from 'react-admin';
import { mayChangeCardConsent, toCardConsentInput } from '../communities/contactCard';
import { useNotifyError } from '../data/apiQueries';
import type { ConsoleDataProvider } from '../data/dataProvider';
import type { ContactRecord } from '../types';
import { formatDate } from '../i18n/dates';

const T = 'resources.communities.contactCard';

/**
 * Consent to print a work phone on the community contact card (ADR 49), apart from the consent to be contacted: the
 * number becomes public. Given or withdrawn by the officer themself (their linked login) or by a contact manager;
 * others see only what is published.
 */
export const CardConsentPanel = () => {
  const record = useRecordContext<ContactRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { identity } = useGetIdentity();
  const { canAccess: canPublish } = useCanAccess({ resource: 'contacts', action: 'publish' });
  const { canAccess: managesContacts } = useCanAccess({ resource: 'contacts', action: 'edit' });
  const [typed, setTyped] = useState<string | null>(null);
  const { mutate: send, isPending } = useMutation({
    mutationFn: (publish: boolean) =>
      dataProvider.apiCall('PUT', `contacts/${encodeURIComponent(String(record?.id))}/card-consent`, toCardConsentInput(publish, typed ?? record?.publishedWorkPhone ?? record?.phone)),
    onSuccess: (_result, publish) => {
      notify(publish ? `${T}.published` : `${T}.withdrawn`, { type: 'info' });
      setTyped(null);
      refresh();
    },
    onError: (error) => notifyError(error),
  });
  if (!record) return null;
  const published = record.publishedWorkPhone ?? null;
  const editable = !!canPublish && mayChangeCardConsent(record, identity?.id === undefined ? undefined : String(identity.id), !!managesContacts);
  return (
    <Box data-testid="card-consent">
      <Typography variant="subtitle2">{translate(`${T}.consentTitle`)}</Typography>
      <Typography variant="body2" color="text.secondary" data-testid="card-consent-status">
        {published
          ? translate(`${T}.publishedAs`, { phone: published, date: record.publishConsentAt ? formatDate(record.publishConsentAt, locale, { time: true }) : '—' })
          : translate(`${T}.notPublished`)}
      </Typography>
      {editable && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 1, alignItems: { sm: 'center' } }}>
          <TextField
            size="small"
            type="tel"
            label={translate(`${T}.workPhone`)}
            helperText={translate(`${T}.consentHelp`)}
            value={typed ?? published ?? record.phone ?? ''}
            onChange={(event) => setTyped(event.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'card-consent-phone' } }}
          />
          <Button variant="contained" disabled={isPending} onClick={() => send(true)} data-testid="card-consent-publish">
            {translate(`${T}.publish`)}
          </Button>
          {published && (
            <Button variant="outlined" color="warning" disabled={isPending} onClick={() => send(false)} data-testid="card-consent-withdraw">
              {translate(`${T}.withdraw`)}
            </Button>
          )}
        </Stack>
      )}
    </Box>
  );
};
