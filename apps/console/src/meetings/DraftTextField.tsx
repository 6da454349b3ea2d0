import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { saveDraft } from './draft';

/** A multi-line text field whose every change is also kept as a draft on this device (draft.ts) until it is saved. */
export const DraftTextField = ({
  draftKey,
  value,
  onText,
  testId,
  maxLength,
  ...props
}: Omit<TextFieldProps, 'value' | 'onChange'> & { draftKey: string; value: string; onText: (text: string) => void; testId: string; maxLength?: number }) => (
  <TextField
    {...props}
    value={value}
    onChange={(event) => {
      onText(event.target.value);
      saveDraft(draftKey, event.target.value);
    }}
    multiline
    fullWidth
    slotProps={{ htmlInput: { ...(maxLength ? { maxLength } : {}), 'data-testid': testId } }}
  />
);
