import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CommunityRecord } from '../types';

/** The community's languages as chips, named in the UI language. */
export const LanguagesField = (_props: { source: 'languages'; label?: string }) => {
  const record = useRecordContext<CommunityRecord>();
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {(record?.languages ?? []).map((code) => (
        <Chip key={code} label={translate(`app.languages.${code}`, { _: code })} />
      ))}
    </Stack>
  );
};
