import type { HTMLAttributes, Key, ReactElement } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatInZone, zoneLabel } from './timeZone';

/**
 * Small building blocks of the meeting page for a tablet in a field: large tap targets, one tap per answer,
 * pickers that search as you type.
 */

/** The meeting's start on the district's wall clock, with the zone written next to it. */
export const ZonedStartsAt = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ startsAt: string; timeZone: string }>();
  const [locale] = useLocaleState();
  if (!record?.startsAt || !record.timeZone) return null;
  return (
    <Typography component="span" variant="body2" data-testid="meeting-starts-at">
      {formatInZone(record.startsAt, record.timeZone, locale)}{' '}
      <Typography component="span" variant="caption" color="text.secondary" data-testid="meeting-zone">
        ({zoneLabel(record.startsAt, record.timeZone)})
      </Typography>
    </Typography>
  );
};

export interface Choice<T extends string | number | boolean> {
  value: T;
  label: string;
}

/**
 * One row of large toggle buttons; tapping the chosen one again clears it (for optional answers).
 * `testId` names each button `${testId}-${value}`.
 */
export function BigToggle<T extends string | number | boolean>({
  value,
  choices,
  onChange,
  testId,
  allowClear = true,
  label,
}: {
  value: T | null;
  choices: readonly Choice<T>[];
  onChange: (next: T | null) => void;
  testId: string;
  allowClear?: boolean;
  label?: string;
}) {
  return (
    <ToggleButtonGroup
      exclusive
      color="primary"
      value={value === null ? null : String(value)}
      onChange={(_, next: string | null) => {
        if (next === null) {
          if (allowClear) onChange(null);
          return;
        }
        const chosen = choices.find((choice) => String(choice.value) === next);
        onChange(chosen ? chosen.value : null);
      }}
      aria-label={label}
      sx={{ flexWrap: 'wrap' }}
    >
      {choices.map((choice) => (
        <ToggleButton
          key={String(choice.value)}
          value={String(choice.value)}
          sx={{
            minWidth: 56,
            minHeight: 48,
            fontSize: 16,
            textTransform: 'none',
            '&.Mui-selected, &.Mui-selected:hover': { bgcolor: 'primary.main', color: 'primary.contrastText' },
          }}
          data-testid={`${testId}-${String(choice.value)}`}
        >
          {choice.label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

interface Named {
  id: string;
  name?: string;
}

/** Pick one or several records of a district (organisations, contacts, communities) by typing part of the name. */
export function RecordPicker(props: {
  resource: 'organisations' | 'contacts' | 'communities';
  filter: Record<string, unknown>;
  multiple: true;
  value: string[];
  onChange: (ids: string[]) => void;
  label: string;
  testId: string;
  disabled?: boolean;
  describe?: (id: string) => string;
}): ReactElement;
export function RecordPicker(props: {
  resource: 'organisations' | 'contacts' | 'communities';
  filter: Record<string, unknown>;
  multiple?: false;
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  testId: string;
  disabled?: boolean;
  describe?: (id: string) => string;
}): ReactElement;
export function RecordPicker({
  resource,
  filter,
  multiple,
  value,
  onChange,
  label,
  testId,
  disabled,
  describe,
}: {
  resource: 'organisations' | 'contacts' | 'communities';
  filter: Record<string, unknown>;
  multiple?: boolean;
  value: string[] | string | null;
  onChange: ((ids: string[]) => void) | ((id: string | null) => void);
  label: string;
  testId: string;
  disabled?: boolean;
  /** A second line under each option (a person's position and organisation), so namesakes can be told apart. */
  describe?: (id: string) => string;
}) {
  const translate = useTranslate();
  const { data = [], isPending } = useGetList<Named>(resource, {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
    filter,
  });
  const byId = new Map(data.map((row) => [row.id, row]));
  const nameOf = (id: string) => byId.get(id)?.name || '—';
  const common = {
    options: data.map((row) => row.id),
    getOptionLabel: nameOf,
    loading: isPending,
    disabled,
    loadingText: translate('ra.page.loading'),
    noOptionsText: translate('ra.navigation.no_results'),
    renderInput: (params: object) => <TextField {...params} label={label} />,
    ...(describe
      ? {
          renderOption: ({ key, ...props }: HTMLAttributes<HTMLLIElement> & { key: Key }, id: string) => (
            <Box component="li" key={key} {...props}>
              <Box>
                <Typography>{nameOf(id)}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {describe(id)}
                </Typography>
              </Box>
            </Box>
          ),
        }
      : {}),
    // The test id is on the root; the text box is its only input.
    'data-testid': testId,
    sx: { minWidth: 280, '& .MuiInputBase-root': { minHeight: 56 } },
  };
  if (multiple) {
    return (
      <Autocomplete
        {...common}
        multiple
        value={value as string[]}
        onChange={(_, next) => (onChange as (ids: string[]) => void)(next)}
      />
    );
  }
  return (
    <Autocomplete
      {...common}
      value={(value as string | null) ?? null}
      onChange={(_, next) => (onChange as (id: string | null) => void)(next)}
    />
  );
}
