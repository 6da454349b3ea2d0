import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import { useCanAccess, useNotify, useRecordContext, useTranslate, useUpdate } from 'react-admin';
import type { ContactRecord } from '../types';
import { useNotifyError } from '../data/apiQueries';

/**
 * Give or withdraw consent in one tap (contact:manage), e.g. while on the phone with the person. The service
 * records the time and tells notifications; an erased contact cannot consent again.
 */
export const ConsentToggle = (_props: { label?: string }) => {
  const record = useRecordContext<ContactRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const { canAccess } = useCanAccess({ resource: 'contacts', action: 'edit' });
  const [update, { isPending }] = useUpdate<ContactRecord>();
  if (!record) return null;
  const toggle = (consent: boolean) =>
    update(
      'contacts',
      { id: record.id, data: { consent }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () =>
          notify(consent ? 'resources.contacts.consentRecorded' : 'resources.contacts.consentWithdrawn', { type: 'info' }),
        onError: (error) => notifyError(error),
      },
    );
  return (
    <FormControlLabel
      control={
        <Switch
          checked={record.consent}
          disabled={!canAccess || isPending || record.erasedAt !== null}
          onChange={(event) => toggle(event.target.checked)}
          data-testid="consent-toggle"
        />
      }
      label={translate(record.consent ? 'resources.contacts.consentGiven' : 'resources.contacts.consentMissing')}
    />
  );
};
