import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';

/** `40.1234, 70.5678`, or a dash when the place has no location. */
export const LocationField = ({ source = 'location' }: { source?: string; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const translate = useTranslate();
  const point = record?.[source] as { lat?: number; lng?: number } | null | undefined;
  const text =
    typeof point?.lat === 'number' && typeof point?.lng === 'number'
      ? `${point.lat.toFixed(4)}, ${point.lng.toFixed(4)}`
      : translate('app.geography.noLocation');
  return (
    <Typography component="span" variant="body2">
      {text}
    </Typography>
  );
};
