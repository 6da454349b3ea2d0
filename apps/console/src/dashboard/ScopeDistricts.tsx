import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useGetMany, useLocaleState, useRedirect, useTranslate } from 'react-admin';
import { districtName } from '../districts/districtName';
import type { DistrictRecord } from '../types';

/** The user's districts as chips that open each district dashboard. */
export const ScopeDistricts = ({ codes }: { codes: string[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const redirect = useRedirect();
  const { data = [] } = useGetMany<DistrictRecord>('districts', { ids: codes });
  const byCode = new Map(data.map((district) => [district.code, district]));
  return (
    <>
      <Typography>{translate('dashboard.districts')}:</Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {codes.map((code) => (
          <Chip
            key={code}
            clickable
            onClick={() => redirect('show', 'districts', code)}
            label={districtName(byCode.get(code) ?? { code }, locale)}
          />
        ))}
      </Stack>
    </>
  );
};
