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

// The count held on time is left out (the on-time rate says it, the exports have it): one column less to fit 1366 px.
const COLUMNS = ['expected', 'held', 'overdue', 'notScheduled', 'rate', 'onTimeRate', 'attendees', 'womenShare', 'youthShare', 'trustAverage', 'concerns'] as const;
type Column = (typeof COLUMNS)[number];
const PERCENT = new Set<Column>(['rate', 'onTimeRate', 'womenShare', 'youthShare']);

/**
 * The header in two rows, so the sub-headers can be short: reporting days (4), rates (2) and attendance (3) are
 * groups; trust and concerns stand alone. SHORT sub-headers use a shorter label than the column's full one (in a tooltip).
 */
const GROUPS: readonly { group?: string; columns: readonly Column[] }[] = [
  { group: 'days', columns: ['expected', 'held', 'overdue', 'notScheduled'] },
  { group: 'rates', columns: ['rate', 'onTimeRate'] },
  { group: 'attendance', columns: ['attendees', 'womenShare', 'youthShare'] },
  { columns: ['trustAverage'] },
  { columns: ['concerns'] },
];
const SHORT = new Set<Column>(['rate', 'onTimeRate', 'attendees', 'youthShare']);
/** Columns that open a group: a rule on their left. */
const GROUP_START = new Set<Column>(GROUPS.map((group) => group.columns[0]));

const Value = ({ row, column, threshold }: { row: RateRow; column: Column; threshold: number }) => {
  const value = row[column];
  if (typeof value === 'number') return <>{value}</>;
  if (column === 'rate') {
    return (
      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
        <Box component="span" sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: RATE_BAND_COLORS[rateBand(value)] }} />
        <CellValue display={value} as="percent" threshold={threshold} dense />
      </Box>
    );
  }
  return <CellValue display={value} as={PERCENT.has(column) ? 'percent' : 'number'} threshold={threshold} dense />;
};

/**
 * Compact cells: eleven numbers and a name fit beside the menu at 1366 px in all four languages (Kyrgyz and Tajik
 * headers are single long words); headers wrap between words, numbers do not.
 */
const TABLE_SX = {
  '& th, & td': { px: 0.5, py: 0.5 },
  '& thead th': { lineHeight: 1.25, verticalAlign: 'bottom', fontWeight: 600, fontSize: '0.75rem' },
  '& tbody td': { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  '& tbody td:first-of-type': { whiteSpace: 'normal', minWidth: '8rem', maxWidth: '16rem' },
} as const;
/** The area column stays in view while the numbers scroll on a phone. */
const STICKY = { position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper', pl: 1 } as const;
const RULE = { borderLeft: 1, borderLeftColor: 'divider' } as const;

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
  const cells = (row: RateRow) =>
    COLUMNS.map((column) => (
      <TableCell key={column} align="right" sx={GROUP_START.has(column) ? RULE : undefined} data-column={column}>
        <Value row={row} column={column} threshold={threshold} />
      </TableCell>
    ));
  return (
    // Fits the content width of a 1366 px screen with the menu open; narrower, it scrolls inside this box (the area
    // names stay in view), never the page.
    <Box sx={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={translate('reporting.sections.rate')} data-testid="rate-table-scroller">
      <Table size="small" data-testid="rate-table" sx={TABLE_SX}>
        <TableHead>
          <TableRow>
            <TableCell rowSpan={2} sx={{ ...STICKY, verticalAlign: 'bottom' }}>
              {translate('reporting.columns.unit')}
            </TableCell>
            {GROUPS.map((group) =>
              group.group ? (
                <TableCell key={group.group} colSpan={group.columns.length} scope="colgroup" align="center" sx={{ ...RULE, borderBottom: 1, borderBottomColor: 'divider' }}>
                  {translate(`reporting.columnGroups.${group.group}`)}
                </TableCell>
              ) : (
                <TableCell key={group.columns[0]} rowSpan={2} align="right" sx={{ ...RULE, verticalAlign: 'bottom', whiteSpace: 'nowrap' }}>
                  {translate(`reporting.columns.${group.columns[0]}`)}
                </TableCell>
              ),
            )}
          </TableRow>
          <TableRow>
            {GROUPS.filter((group) => group.group).flatMap((group) =>
              group.columns.map((column) => (
                <TableCell key={column} align="right" sx={GROUP_START.has(column) ? RULE : undefined}>
                  {SHORT.has(column) ? (
                    <span title={translate(`reporting.columns.${column}`)}>{translate(`reporting.shortColumns.${column}`)}</span>
                  ) : (
                    translate(`reporting.columns.${column}`)
                  )}
                </TableCell>
              )),
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} hover data-testid="rate-row" data-code={row.code ?? ''} data-level={row.level}>
              <TableCell sx={STICKY}>
                {row.drillable ? (
                  <Link component="button" onClick={() => onOpen(row)} data-testid="rate-drill" sx={{ textAlign: 'left' }}>
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
              {cells(row)}
            </TableRow>
          ))}
          <TableRow data-testid="rate-total" sx={{ '& td': { fontWeight: 700, borderTop: 2 } }}>
            <TableCell sx={STICKY}>{translate('reporting.total', { name: total.name || translate('reporting.levels.country') })}</TableCell>
            {cells(total)}
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
};
