import Stack from '@mui/material/Stack';
import { maxLength, minLength, required, TextInput } from 'react-admin';
import { NAME_LOCALES } from './geographyInput';

/** A place name in the four languages; English is required (the others fall back to it). */
export const LocalizedNameInputs = ({ source = 'name' }: { source?: string }) => (
  <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
    {NAME_LOCALES.map((locale) => (
      <TextInput
        key={locale}
        source={`${source}.${locale}`}
        label={`app.geography.nameIn.${locale}`}
        validate={locale === 'en' ? [required(), minLength(2), maxLength(120)] : [maxLength(120)]}
      />
    ))}
  </Stack>
);
