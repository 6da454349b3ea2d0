import Chip from '@mui/material/Chip';
import { useRecordContext, useTranslate } from 'react-admin';

/** "Consents" / "No consent": without consent the person gets no notifications. */
export const ConsentField = (_props: { source: 'consent'; label?: string }) => {
  const record = useRecordContext<{ consent?: boolean }>();
  const translate = useTranslate();
  if (!record) return null;
  return record.consent ? (
    <Chip color="success" label={translate('resources.contacts.consentGiven')} />
  ) : (
    <Chip variant="outlined" label={translate('resources.contacts.consentMissing')} />
  );
};
