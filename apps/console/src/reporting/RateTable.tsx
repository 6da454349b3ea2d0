import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslate } from 'react-admin';
import { CellValue } from './CellValue';
import { RATE_BAND_COLORS, rateBand, type RateRow } from './rows';

const COLUMNS = ['expected', 'held', 'heldOnTime', 'overdue', 'notScheduled', 'rate', 'onTimeRate', 'attendees', 'womenShare', 'youthShare', 'trustAverage', 'concerns'] as const;
const PERCENT = new Set(['rate', 'onTimeRate', 'womenShare', 'youthShare']);

const Value = ({ row, column, threshold }: { row: RateRow; column: (typeof COLUMNS)[number]; threshold: number }) => {
  const value = row[column];
  if (typeof value === 'number') return <>{value}</>;
  if (column === 'rate') {
    return (
      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
        <Box component="span" sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: RATE_BAND_COLORS[rateBand(value)] }} />
        <CellValue display={value} as="percent" threshold={threshold} />
      </Box>
    );
  }
  return <CellValue display={value} as={PERCENT.has(column) ? 'percent' : 'number'} threshold={threshold} />;
};

/**
 * Reporting rate side by side: one line per child unit (regions, districts or communities), then the unit's
 * own total. A child name opens its summary when the caller may drill down; communities also link to their page.
 */
export const RateTable = ({
  rows,
  total,
  threshold,
  onOpen,
  onOpenCommunity,
}: {
  rows: RateRow[];
  total: RateRow;
  threshold: number;
  onOpen: (row: RateRow) => void;
  onOpenCommunity?: (id: string) => void;
}) => {
  const translate = useTranslate();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="rate-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('reporting.columns.unit')}</TableCell>
            {COLUMNS.map((column) => (
              <TableCell key={column} align="right">
                {translate(`reporting.columns.${column}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} hover data-testid="rate-row" data-code={row.code ?? ''} data-level={row.level}>
              <TableCell>
                {row.drillable ? (
                  <Link component="button" onClick={() => onOpen(row)} data-testid="rate-drill">
                    {row.name}
                  </Link>
                ) : (
                  row.name
                )}
                {row.level === 'community' && row.code && onOpenCommunity && (
                  <Link component="button" sx={{ ml: 1, fontSize: '0.75rem' }} onClick={() => onOpenCommunity(row.code as string)}>
                    {translate('reporting.openCommunity')}
                  </Link>
                )}
              </TableCell>
              {COLUMNS.map((column) => (
                <TableCell key={column} align="right">
                  <Value row={row} column={column} threshold={threshold} />
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow data-testid="rate-total" sx={{ '& td': { fontWeight: 700, borderTop: 2 } }}>
            <TableCell>{translate('reporting.total', { name: total.name || translate('reporting.levels.country') })}</TableCell>
            {COLUMNS.map((column) => (
              <TableCell key={column} align="right">
                <Value row={total} column={column} threshold={threshold} />
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
};
