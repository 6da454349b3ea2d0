import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { Built } from './inputs';
import { SaveError } from './SaveError';

export interface SaveForm {
  /** Checks the entries, then saves them; what is missing is shown instead of saving. */
  submit: () => void;
  missing: string[];
  pending: boolean;
  error: unknown;
}

/**
 * A form's save as a react-query mutation: `build` checks the entries (its errors are message keys shown as
 * missing), `save` sends them, `onSaved` runs after the gateway took them (clear the draft, notify, invalidate).
 * A failed save keeps the entries; Retry runs `submit` again with what is in the form then.
 */
export function useSaveForm<I, R>(build: () => Built<I>, save: (input: I) => Promise<R>, onSaved: (result: R, input: I) => unknown): SaveForm {
  const [missing, setMissing] = useState<string[]>([]);
  const mutation = useMutation({ mutationFn: save, onSuccess: onSaved });
  const submit = () => {
    const built = build();
    if (!built.ok) {
      setMissing(built.errors);
      return;
    }
    setMissing([]);
    mutation.mutate(built.value);
  };
  return { submit, missing, pending: mutation.isPending, error: mutation.error };
}

/**
 * The end of a form that saves: what is still missing, a failed save with Retry, and the save button (with Cancel
 * when given), both disabled while the save runs. In a dialog the buttons sit at the right, Cancel first.
 */
export const SaveControls = ({
  form,
  label,
  labelArgs,
  testId,
  ready = true,
  missingTestId,
  missingArgs,
  onCancel,
  dialog = false,
}: {
  form: SaveForm;
  /** Message key of the save button, and its arguments. */
  label: string;
  labelArgs?: object;
  testId: string;
  /** False keeps the save button disabled (e.g. a required field is empty). */
  ready?: boolean;
  missingTestId?: string;
  /** Arguments of the missing messages (e.g. which rows). */
  missingArgs?: object;
  onCancel?: () => void;
  dialog?: boolean;
}) => {
  const translate = useTranslate();
  const { submit, missing, pending, error } = form;
  const save = (
    <Button size="large" variant="contained" onClick={submit} disabled={pending || !ready} data-testid={testId}>
      {translate(label, labelArgs)}
    </Button>
  );
  const cancel = onCancel && (
    <Button size="large" onClick={onCancel} disabled={pending}>
      {translate('ra.action.cancel')}
    </Button>
  );
  return (
    <>
      {missing.length > 0 && (
        <Alert severity="warning" data-testid={missingTestId}>
          {missing.map((message) => translate(message, missingArgs)).join(' ')}
        </Alert>
      )}
      {error !== null && <SaveError error={error} onRetry={submit} />}
      <Stack direction="row" spacing={1} sx={dialog ? { justifyContent: 'flex-end' } : undefined}>
        {dialog && cancel}
        {save}
        {!dialog && cancel}
      </Stack>
    </>
  );
};
