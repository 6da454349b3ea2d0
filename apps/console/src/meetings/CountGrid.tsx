import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { toCount } from './draft';

const bigInput = { inputMode: 'numeric' as const, min: 0, style: { fontSize: 24, textAlign: 'center' as const } };

/**
 * A table of large whole-number inputs, one per row × column (attendance by gender and age, concerns by topic and
 * sensitivity, survey answers by score); empty reads as 0. Each input's test id is `${testId}-${row}-${column}`.
 */
export function CountGrid<R extends string, C extends string | number>({
  rows,
  columns,
  rowLabel,
  columnLabel,
  value,
  onChange,
  testId,
  labelWidth = '120px',
  cellWidth = '80px',
}: {
  rows: readonly R[];
  columns: readonly C[];
  rowLabel: (row: R) => string;
  columnLabel: (column: C) => string;
  value: (row: R, column: C) => number;
  onChange: (row: R, column: C, count: number) => void;
  testId: string;
  labelWidth?: string;
  cellWidth?: string;
}) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: `${labelWidth} repeat(${columns.length}, minmax(${cellWidth}, 1fr))`, gap: 1, alignItems: 'center' }}>
      <span />
      {columns.map((column) => (
        <Typography key={String(column)} align="center" sx={{ fontWeight: 'bold' }}>
          {columnLabel(column)}
        </Typography>
      ))}
      {rows.map((row) => [
        <Typography key={row} sx={{ fontWeight: 'bold' }}>
          {rowLabel(row)}
        </Typography>,
        ...columns.map((column) => (
          <TextField
            key={`${row}.${String(column)}`}
            type="number"
            value={value(row, column) === 0 ? '' : String(value(row, column))}
            placeholder="0"
            onChange={(event) => onChange(row, column, toCount(event.target.value))}
            onFocus={(event) => event.target.select()}
            slotProps={{ htmlInput: { ...bigInput, 'data-testid': `${testId}-${row}-${String(column)}`, 'aria-label': `${rowLabel(row)}, ${columnLabel(column)}` } }}
          />
        )),
      ])}
    </Box>
  );
}
