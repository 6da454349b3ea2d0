import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';
import type { HomeCard as HomeCardName } from './home';
import { useFailureText } from '../data/useFailureText';

export interface HomeCardProps {
  card: HomeCardName;
  /** The number the card is about (shown next to the title), when known. */
  count?: number;
  isPending: boolean;
  error?: unknown;
  /** Nothing needs the reader: the card says so in plain words instead of its content. */
  isEmpty: boolean;
  /** Console route of the full list. */
  to: string;
  children?: ReactNode;
}

/** One card of the home page: title and count, what needs the reader (or a plain empty state), and the full list. */
export const HomeCard = ({ card, count, isPending, error, isEmpty, to, children }: HomeCardProps) => {
  const translate = useTranslate();
  const failureText = useFailureText();
  const key = `dashboard.cards.${card}`;
  return (
    <Card component="section" aria-labelledby={`home-${card}-title`} data-testid={`home-card-${card}`} sx={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
      <CardHeader
        disableTypography
        title={
          <Typography variant="h6" component="h2" id={`home-${card}-title`}>
            {translate(`${key}.title`)}
          </Typography>
        }
        action={count !== undefined && !error ? <Chip label={count} color={count > 0 ? 'primary' : 'default'} data-testid={`home-count-${card}`} /> : undefined}
      />
      <CardContent sx={{ flexGrow: 1, pt: 0 }}>
        {isPending && <LinearProgress />}
        {!isPending && error !== undefined && error !== null && <Alert severity="error">{failureText(error)}</Alert>}
        {!isPending && !error && isEmpty && (
          <Typography color="text.secondary" data-testid={`home-empty-${card}`}>
            {translate(`${key}.empty`)}
          </Typography>
        )}
        {!isPending && !error && !isEmpty && children}
      </CardContent>
      <CardActions>
        <Link to={to} data-testid={`home-all-${card}`} sx={{ p: 1, minHeight: 44, display: 'inline-flex', alignItems: 'center' }}>
          {translate(`${key}.all`)}
        </Link>
      </CardActions>
    </Card>
  );
};

/** One line of a card: what it is (a link to it), when, and anything under it. */
export const HomeItem = ({ to, primary, secondary, testId, children }: { to: string; primary: ReactNode; secondary?: ReactNode; testId?: string; children?: ReactNode }) => (
  <li data-testid={testId} style={{ listStyle: 'none', padding: '6px 0', overflowWrap: 'anywhere' }}>
    <Link to={to} sx={{ fontWeight: 500, display: 'inline-block', minHeight: 24 }}>
      {primary}
    </Link>
    {secondary && (
      <Typography variant="body2" color="text.secondary">
        {secondary}
      </Typography>
    )}
    {children}
  </li>
);

/** The lines of a card. */
export const HomeItems = ({ children }: { children: ReactNode }) => (
  <ul style={{ margin: 0, padding: 0 }}>{children}</ul>
);
