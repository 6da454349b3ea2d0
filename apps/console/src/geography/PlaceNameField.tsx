import Typography from '@mui/material/Typography';
import { useLocaleState, useRecordContext } from 'react-admin';
import { placeName } from './placeName';

/** The region or district of the current record context, named in the UI language. */
export const PlaceNameField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<{ code?: string; name?: Record<string, string> }>();
  const [locale] = useLocaleState();
  return (
    <Typography component="span" variant="body2">
      {placeName(record, locale)}
    </Typography>
  );
};

/** Page title of a region or district show/edit page. */
export const PlaceTitle = () => {
  const record = useRecordContext<{ code?: string; name?: Record<string, string> }>();
  const [locale] = useLocaleState();
  return <span>{placeName(record, locale)}</span>;
};
