import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { CellValue } from './CellValue';
import { barPercent } from './charts';
import type { CellDisplay } from './rows';

/** Read by screen readers, not shown (the series name before a value whose colour says it on screen). */
export const SR_ONLY = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
  margin: '-1px',
  padding: 0,
} as const;

export interface BarSeries {
  key: string;
  name: string;
  color: string;
  as: 'percent' | 'number';
}

export interface BarGroup {
  key: string;
  label: ReactNode;
  values: Record<string, CellDisplay>;
}

/** Room kept after the longest bar for its label ("suppressed" included), so a full bar never pushes it out. */
const LABEL_ROOM = '6.5rem';

/**
 * Horizontal bars drawn in HTML: each bar is followed by its value as text (or "suppressed", with no bar), so every
 * bar is labelled on screen and for screen readers, long names wrap instead of being cut, and the list fits a
 * phone. Percentages run to 100 %, counts to the largest value shown.
 */
export const LabelledBars = ({
  title,
  series,
  groups,
  threshold,
  testId,
  legend = series.length > 1,
}: {
  title: string;
  series: BarSeries[];
  groups: BarGroup[];
  threshold?: number;
  testId: string;
  legend?: boolean;
}) => {
  const valueOf = (display: CellDisplay | undefined) => (display?.kind === 'value' ? display.value : 0);
  // Shares run to 100 %; counts to the largest one shown.
  const maxima = Object.fromEntries(
    series.map((entry) => [entry.key, entry.as === 'percent' ? 1 : Math.max(0, ...groups.map((group) => valueOf(group.values[entry.key])))]),
  );
  return (
    <Box data-testid={testId} sx={{ minWidth: 0 }}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {title}
      </Typography>
      {legend && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 1 }} aria-hidden="true">
          {series.map((entry) => (
            <Box key={entry.key} component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, typography: 'caption' }}>
              <Box component="span" sx={{ width: 12, height: 12, bgcolor: entry.color, borderRadius: 0.5 }} />
              {entry.name}
            </Box>
          ))}
        </Box>
      )}
      <Box component="ul" aria-label={title} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {groups.map((group) => (
          <Box
            component="li"
            key={group.key}
            data-testid="bar-group"
            data-key={group.key}
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'minmax(7rem, 14rem) minmax(0, 1fr)' },
              columnGap: 1.5,
              alignItems: 'center',
              py: 0.5,
              borderBottom: 1,
              borderColor: 'divider',
            }}
          >
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {group.label}
            </Typography>
            <Box sx={{ minWidth: 0 }}>
              {series.map((entry) => {
                const display = group.values[entry.key] ?? { kind: 'empty' };
                const width = display.kind === 'value' ? barPercent(display.value, maxima[entry.key]) : 0;
                return (
                  <Box key={entry.key} sx={{ display: 'flex', alignItems: 'center', gap: 0.75, minHeight: 22 }}>
                    {width > 0 && (
                      <Box
                        data-testid="bar"
                        data-series={entry.key}
                        aria-hidden="true"
                        sx={{ flex: 'none', height: 14, borderRadius: 0.5, bgcolor: entry.color, width: `calc((100% - ${LABEL_ROOM}) * ${width / 100})` }}
                      />
                    )}
                    <Box component="span" data-testid="bar-label" sx={{ flex: 'none', typography: 'body2', fontVariantNumeric: 'tabular-nums' }}>
                      {series.length > 1 && <Box component="span" sx={SR_ONLY}>{`${entry.name}: `}</Box>}
                      <CellValue display={display} as={entry.as} threshold={threshold} />
                    </Box>
                  </Box>
                );
              })}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
};
