import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';

/** One count with large − and + buttons (48 px and more) for a thumb, and the number between them. */
export const Stepper = ({ label, value, onChange, testId }: { label: string; value: number; onChange: (next: number) => void; testId: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minHeight: 56 }} data-testid={testId}>
      <Typography sx={{ flex: 1, fontSize: 18 }}>{label}</Typography>
      <IconButton
        onClick={() => onChange(Math.max(0, value - 1))}
        disabled={value === 0}
        aria-label={`${translate('field.hold.less')}: ${label}`}
        sx={{ width: 56, height: 56, border: 1, borderColor: 'divider', fontSize: 28 }}
        data-testid={`${testId}-less`}
      >
        −
      </IconButton>
      <Typography component="output" aria-live="polite" sx={{ width: 56, textAlign: 'center', fontSize: 24, fontWeight: 'bold' }} data-testid={`${testId}-value`}>
        {value}
      </Typography>
      <IconButton
        onClick={() => onChange(value + 1)}
        aria-label={`${translate('field.hold.more')}: ${label}`}
        sx={{ width: 56, height: 56, bgcolor: 'primary.main', color: 'primary.contrastText', fontSize: 28, '&:hover': { bgcolor: 'primary.dark' } }}
        data-testid={`${testId}-more`}
      >
        +
      </IconButton>
    </Box>
  );
};
