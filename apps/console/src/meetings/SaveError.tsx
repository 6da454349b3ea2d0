import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useTranslate } from 'react-admin';

/** A failed save, with the values still in the form and a Retry button. */
export const SaveError = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => {
  const translate = useTranslate();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert
      severity="error"
      data-testid="save-error"
      action={
        <Button color="inherit" size="large" onClick={onRetry} data-testid="save-retry">
          {translate('resources.meetings.retry')}
        </Button>
      }
    >
      {translate('resources.meetings.saveFailed')} {translate(message, { _: message })}
    </Alert>
  );
};
