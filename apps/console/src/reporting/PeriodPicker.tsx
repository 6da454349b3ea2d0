import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslate } from 'react-admin';
import { PERIOD_PRESETS, presetOf, presetPeriod, quarterChoices, withFrom, withTo, type ReportPeriod } from './period';

/** One end of the period: a quarter from the list. */
const QuarterSelect = ({ label, value, choices, onChange }: { label: string; value: string; choices: string[]; onChange: (quarter: string) => void }) => (
  <TextField select size="small" fullWidth={false} label={label} value={value} onChange={(event) => onChange(event.target.value)} sx={{ width: 150 }}>
    {choices.map((quarter) => (
      <MenuItem key={quarter} value={quarter}>
        {quarter}
      </MenuItem>
    ))}
  </TextField>
);

/** One quarter or a range of quarters: presets relative to the current quarter, or both ends picked by hand. */
export const PeriodPicker = ({ current, period, onChange }: { current: string; period: ReportPeriod; onChange: (period: ReportPeriod) => void }) => {
  const translate = useTranslate();
  const preset = presetOf(period, current) ?? null;
  const choices = quarterChoices(current, 40);
  if (!choices.includes(period.from)) choices.push(period.from);
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} data-testid="period-picker">
      <ToggleButtonGroup
        size="small"
        exclusive
        // The presets wrap on a phone instead of widening the page.
        sx={{ flexWrap: 'wrap' }}
        value={preset}
        onChange={(_, value: string | null) => value && onChange(presetPeriod(value as (typeof PERIOD_PRESETS)[number], current))}
      >
        {PERIOD_PRESETS.map((key) => (
          <ToggleButton key={key} value={key} data-testid={`period-${key}`}>
            {translate(`reporting.period.presets.${key}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <QuarterSelect label={translate('reporting.period.from')} value={period.from} choices={choices} onChange={(quarter) => onChange(withFrom(period, quarter))} />
      <QuarterSelect label={translate('reporting.period.to')} value={period.to} choices={choices} onChange={(quarter) => onChange(withTo(period, quarter))} />
    </Stack>
  );
};
