import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useGetList, useGetManyAggregate, useTranslate } from 'react-admin';
import { isDirectoryId, nameOrShortId, type DirectoryEntry } from './directoryNames';

interface Named {
  id: string;
  name: string;
}

// How long the picker waits after the last key before it asks the directory.
const SEARCH_DELAY_MS = 250;

interface UserPickerProps {
  /** The chosen user ids. */
  value: string[];
  onChange: (ids: string[]) => void;
  label: string;
  helperText?: string;
  /** Only people of this role or district (the directory's own filters). */
  role?: string;
  districtCode?: string;
  /** Ids never offered (e.g. the reader, who is a handler anyway). */
  exclude?: readonly string[];
  /** At most this many (one for a single choice). */
  max?: number;
  testId: string;
  disabled?: boolean;
}

/**
 * People chosen by name from GET /directory (enabled users in the reader's scope): the box searches as one types
 * and each option shows the person's role and organisation, so two people of the same name can be told apart.
 */
export const UserPicker = ({ value, onChange, label, helperText, role, districtCode, exclude = [], max = 10, testId, disabled }: UserPickerProps) => {
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const found = useGetList<DirectoryEntry>('directory', {
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'name', order: 'ASC' },
    filter: { ...(q ? { q } : {}), ...(role ? { role } : {}), ...(districtCode ? { districtCode } : {}) },
  });
  // The chosen ones stay named even when the current search does not find them.
  const chosenIds = value.filter(isDirectoryId);
  const chosen = useGetManyAggregate<DirectoryEntry>('directory', { ids: chosenIds }, { enabled: chosenIds.length > 0 });
  const entries = new Map<string, DirectoryEntry>();
  for (const entry of [...(chosen.data ?? []), ...(found.data ?? [])]) entries.set(entry.id, entry);
  const organisationIds = [...new Set([...entries.values()].map((entry) => entry.organisationId).filter((id): id is string => Boolean(id)))];
  const organisations = useGetManyAggregate<Named>('organisations', { ids: organisationIds }, { enabled: organisationIds.length > 0 });
  const organisationName = (id: string | null) => (id ? organisations.data?.find((row) => row.id === id)?.name : undefined);

  const options = (found.data ?? []).map((entry) => entry.id).filter((id) => !exclude.includes(id));
  const describe = (entry: DirectoryEntry | undefined) =>
    entry ? [entry.role ? translate(`app.roles.${entry.role}`) : null, organisationName(entry.organisationId)].filter(Boolean).join(' · ') : '';

  return (
    <Autocomplete
      multiple
      value={value}
      onChange={(_, next) => onChange(next.slice(-max))}
      options={options}
      filterOptions={(ids) => ids}
      getOptionLabel={(id) => nameOrShortId(id, entries.get(id))}
      inputValue={input}
      onInputChange={(_, next, reason) => reason !== 'reset' && setInput(next)}
      loading={found.isPending}
      disabled={disabled}
      loadingText={translate('ra.page.loading')}
      noOptionsText={translate('ra.navigation.no_results')}
      renderOption={({ key, ...props }, id) => (
        <Box component="li" key={key} {...props}>
          <Box>
            <Typography>{nameOrShortId(id, entries.get(id))}</Typography>
            <Typography variant="body2" color="text.secondary">
              {describe(entries.get(id))}
            </Typography>
          </Box>
        </Box>
      )}
      renderInput={(params) => <TextField {...params} label={label} helperText={helperText} />}
      data-testid={testId}
      sx={{ minWidth: 280, '& .MuiInputBase-root': { minHeight: 56 } }}
    />
  );
};
