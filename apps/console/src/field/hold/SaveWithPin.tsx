import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useTranslate } from 'react-admin';
import { PinDialog } from './PinDialog';

/**
 * The end of a hold form that may seal text: its errors, the save button, and the device PIN dialog when saving needs
 * the vault open first; once the PIN opens it, the save runs again.
 */
export const SaveWithPin = ({
  userId,
  errors,
  askPin,
  onAskPinDone,
  save,
  label,
  testId,
}: {
  userId: string;
  errors: string[];
  askPin: boolean;
  onAskPinDone: () => void;
  save: () => Promise<void>;
  label: string;
  testId: string;
}) => {
  const translate = useTranslate();
  return (
    <>
      {errors.map((error) => (
        <Alert key={error} severity="error">
          {translate(error)}
        </Alert>
      ))}
      <Button variant="contained" size="large" sx={{ minHeight: 56 }} onClick={() => void save()} data-testid={testId}>
        {label}
      </Button>
      {askPin && (
        <PinDialog
          userId={userId}
          onDone={(opened) => {
            onAskPinDone();
            if (opened) void save();
          }}
        />
      )}
    </>
  );
};
