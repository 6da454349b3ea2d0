import { useCanAccess, useGetManyAggregate, useRecordContext } from 'react-admin';
import { isDirectoryId, nameOrShortId, shortId, type DirectoryEntry } from './directoryNames';

/**
 * A user id shown as the person's name. Every UserName on a screen asks the directory together: react-admin
 * aggregates the ids of one render into one GET /directory?id=…&id=…. Readers without directory:read, and ids the
 * directory does not know (a disabled user, someone outside the reader's scope), show the shortened id; the full id
 * is in the tooltip.
 */
export const UserName = ({ id, testId = 'user-name' }: { id: string | null | undefined; testId?: string }) => {
  const { canAccess } = useCanAccess({ resource: 'directory', action: 'list' });
  const known = isDirectoryId(id);
  const { data } = useGetManyAggregate<DirectoryEntry>('directory', { ids: known ? [id] : [] }, { enabled: known && canAccess === true });
  if (!id) return <span data-testid={testId}>—</span>;
  const entry = data?.find((row) => row.id === id);
  return (
    <span title={id} data-testid={testId} data-known={entry ? 'true' : 'false'}>
      {canAccess ? nameOrShortId(id, entry) : shortId(id)}
    </span>
  );
};

/** The UserName of a record's field, for lists and show pages (`<UserNameField source="approvedBy" />`). */
export const UserNameField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  const id = source.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], record);
  return <UserName id={typeof id === 'string' ? id : null} />;
};

/** Several user ids as names, comma separated (a concern's handlers). */
export const UserNames = ({ ids, testId = 'user-names' }: { ids: readonly string[]; testId?: string }) => (
  <span data-testid={testId}>
    {ids.length === 0
      ? '—'
      : ids.map((id, index) => (
          <span key={id}>
            {index > 0 && ', '}
            <UserName id={id} />
          </span>
        ))}
  </span>
);
