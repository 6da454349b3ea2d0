import Typography from '@mui/material/Typography';
import { useLocaleState, useRecordContext } from 'react-admin';
import { formatDate } from './dates';

/** react-admin's DateField, but in the console's language (i18n/dates.ts) rather than the browser's. */
export const LocalDateField = ({
  source,
  showTime = false,
  emptyText = '',
}: {
  source: string;
  showTime?: boolean;
  emptyText?: string;
  // Read by the list or show layout around the field, as for any react-admin field.
  label?: string;
  sortable?: boolean;
}) => {
  const record = useRecordContext<Record<string, unknown>>();
  const [locale] = useLocaleState();
  const value = source.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), record);
  const text = formatDate(value as string | null | undefined, locale, { time: showTime });
  return (
    <Typography component="span" variant="body2">
      {text || emptyText}
    </Typography>
  );
};
