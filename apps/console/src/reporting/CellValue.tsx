import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CellDisplay } from './rows';

/**
 * A number of the dashboard as the API sent it: "suppressed" (small group, never derived here), "—" when there
 * is nothing to compute it from, else the value as a percentage or a plain number. `dense` draws a smaller chip
 * (table cells).
 */
export const CellValue = ({ display, as = 'number', threshold, dense = false }: { display: CellDisplay; as?: 'percent' | 'number'; threshold?: number; dense?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (display.kind === 'suppressed') {
    return (
      <Tooltip title={translate('reporting.suppressedHelp', { threshold: threshold ?? 5 })}>
        <Chip
          size="small"
          variant="outlined"
          label={translate('reporting.suppressed')}
          data-testid="suppressed-cell"
          sx={dense ? { height: 20, fontSize: '0.6875rem', '& .MuiChip-label': { px: 0.5 } } : undefined}
        />
      </Tooltip>
    );
  }
  if (display.kind === 'empty') return <span>—</span>;
  const format =
    as === 'percent'
      ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return <span>{format.format(display.value)}</span>;
};
