import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { useNotifyError } from '../data/apiQueries';
import type { ConsoleDataProvider } from '../data/dataProvider';
import type { ContactRecord } from '../types';

/**
 * Erase a person's personal data on their request (contact:erase), after a confirmation: the service blanks
 * name, position, phone and email and withdraws consent, but keeps the id so meetings and rosters stay intact.
 */
export const EraseButton = () => {
  const record = useRecordContext<ContactRecord>();
  const { canAccess } = useCanAccess({ resource: 'contacts', action: 'erase' });
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const { mutate: erase, isPending: pending } = useMutation({
    mutationFn: (id: ContactRecord['id']) => dataProvider.eraseContact(id),
    onSuccess: () => {
      notify('resources.contacts.erase.done', { type: 'success' });
      refresh();
    },
    onError: (error) => notifyError(error),
    onSettled: () => setOpen(false),
  });
  if (!record || !canAccess || record.erasedAt) return null;

  return (
    <>
      <Button label="resources.contacts.erase.action" color="error" onClick={() => setOpen(true)} data-testid="erase-contact">
        <DeleteForeverIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="resources.contacts.erase.title"
        content="resources.contacts.erase.content"
        confirm="resources.contacts.erase.confirm"
        confirmColor="warning"
        onConfirm={() => erase(record.id)}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
