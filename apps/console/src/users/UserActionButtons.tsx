import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import LockResetIcon from '@mui/icons-material/LockReset';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { Button, Confirm, useCanAccess, useDataProvider, useGetIdentity, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useNotifyError } from '../data/apiQueries';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { mayManageUser } from './userInput';
import type { UserRecord } from './userRecord';

type UserAction = 'disable' | 'enable' | 'reset-credentials';

const ACCESS: Readonly<Record<UserAction, string>> = { disable: 'disable', enable: 'enable', 'reset-credentials': 'resetCredentials' };
// The i18n block under resources.users of each action (title, content, confirm, done).
const MESSAGES: Readonly<Record<UserAction, string>> = { disable: 'disable', enable: 'enable', 'reset-credentials': 'reset' };

/**
 * One account action after a confirmation: POST /users/:id/disable, /enable or /reset-credentials (the realm emails a
 * link to set a new password). The write carries an Idempotency-Key like every console write (httpClient).
 */
const UserActionButton = ({ action, icon, color }: { action: UserAction; icon: ReactElement; color: 'error' | 'primary' | 'warning' }) => {
  const user = useRecordContext<UserRecord>();
  const { canAccess } = useCanAccess({ resource: 'users', action: ACCESS[action] });
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const messages = `resources.users.${MESSAGES[action]}`;
  const { mutate, isPending } = useMutation({
    mutationFn: (id: string) => dataProvider.apiCall('POST', `users/${encodeURIComponent(id)}/${action}`, {}),
    onSuccess: () => {
      notify(`${messages}.done`, { type: 'success', messageArgs: { email: user?.email ?? '' } });
      refresh();
    },
    onError: (error) => notifyError(error),
    onSettled: () => setOpen(false),
  });
  const readerRoles = Array.isArray(identity?.roles) ? (identity.roles as string[]) : [];
  if (!user || !canAccess || !mayManageUser(readerRoles, user) || user.id === identity?.id) return null;
  return (
    <>
      <Button label={`${messages}.action`} color={color} onClick={() => setOpen(true)} data-testid={`user-${action}`}>
        {icon}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={`${messages}.title`}
        content={`${messages}.content`}
        translateOptions={{ email: user.email }}
        confirm={`${messages}.confirm`}
        confirmColor={color === 'error' ? 'warning' : 'primary'}
        onConfirm={() => mutate(user.id)}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** Disable or enable (whichever applies) and send a password reset, for accounts the reader may manage. */
export const UserActionButtons = () => {
  const user = useRecordContext<UserRecord>();
  if (!user) return null;
  return (
    <>
      {user.enabled ? (
        <UserActionButton action="disable" icon={<BlockIcon />} color="error" />
      ) : (
        <UserActionButton action="enable" icon={<CheckCircleIcon />} color="primary" />
      )}
      {user.enabled && <UserActionButton action="reset-credentials" icon={<LockResetIcon />} color="warning" />}
    </>
  );
};
