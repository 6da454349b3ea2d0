import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DistrictReferenceField } from '../communities/DistrictReferenceField';
import type { UserRecord } from './userRecord';

/** Enabled or disabled, and whether the person has verified their email (i.e. accepted the invitation). */
export const UserStatusField = (_props: { label?: string }) => {
  const user = useRecordContext<UserRecord>();
  const translate = useTranslate();
  if (!user) return null;
  return (
    <Stack direction="row" spacing={1} data-testid="user-status" data-enabled={String(user.enabled)}>
      <Chip size="small" color={user.enabled ? 'success' : 'default'} label={translate(user.enabled ? 'resources.users.status.enabled' : 'resources.users.status.disabled')} />
      <Chip
        size="small"
        variant="outlined"
        color={user.emailVerified ? 'success' : 'warning'}
        label={translate(user.emailVerified ? 'resources.users.status.verified' : 'resources.users.status.invited')}
      />
    </Stack>
  );
};

/** The district by name, else the region, else "national" for the coordinator. */
export const UserScopeField = (_props: { label?: string }) => {
  const user = useRecordContext<UserRecord>();
  const translate = useTranslate();
  if (!user) return null;
  if (user.districtCode) return <DistrictReferenceField />;
  if (user.regionCode) return <TextField source="regionCode" />;
  return <span>{user.role === 'national-coordinator' ? translate('resources.users.national') : '—'}</span>;
};

/** The organisation by name. */
export const UserOrganisationField = (_props: { label?: string }) => (
  <ReferenceField source="organisationId" reference="organisations" link="show" emptyText="—">
    <TextField source="name" />
  </ReferenceField>
);
