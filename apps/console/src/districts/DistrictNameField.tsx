import Typography from '@mui/material/Typography';
import { useLocaleState, useRecordContext } from 'react-admin';
import type { DistrictRecord } from '../types';
import { districtName } from './districtName';

/** The district of the current record context, named in the UI language. `source`/`label` are for layouts. */
export const DistrictNameField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<DistrictRecord>();
  const [locale] = useLocaleState();
  return (
    <Typography component="span" variant="body2">
      {districtName(record, locale)}
    </Typography>
  );
};
