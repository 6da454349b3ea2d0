import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';

/** One big-number tile, readable at arm's length on a tablet. */
export const StatusCount = ({ label, count }: { label: string; count: number }) => (
  <Card variant="outlined">
    <CardContent>
      <Typography variant="h4" component="p">
        {count}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </CardContent>
  </Card>
);
