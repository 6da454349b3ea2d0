import ReplayIcon from '@mui/icons-material/Replay';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { DeliveryView } from '@rd/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, DataTable, DateTimeInput, FunctionField, List, ReferenceField, NullableBooleanInput, SelectInput, TextInput, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useNotifyError } from '../data/apiQueries';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { DistrictNameField } from '../districts/DistrictNameField';
import { toInstant } from '../audit/choices';
import { channelChoices, statusChoices, typeChoices } from './choices';
import { audienceOf, canResend, deliveryDetail, languageLabel, STATUS_TONES } from './deliveries';
import { LocalDateField } from '../i18n/LocalDateField';

const filters = [
  <SelectInput key="status" source="status" label="notifications.fields.status" choices={statusChoices} alwaysOn />,
  <SelectInput key="channel" source="channel" label="notifications.fields.channel" choices={channelChoices} alwaysOn />,
  <SelectInput key="type" source="type" label="notifications.fields.type" choices={typeChoices} alwaysOn />,
  <NullableBooleanInput key="languageFallback" source="languageFallback" label="notifications.fields.languageFallback" />,
  <TextInput key="districtCode" source="districtCode" label="notifications.fields.districtCode" />,
  <TextInput key="meetingId" source="meetingId" label="notifications.fields.meetingId" />,
  <DateTimeInput key="from" source="from" label="notifications.fields.from" parse={toInstant} />,
  <DateTimeInput key="to" source="to" label="notifications.fields.to" parse={toInstant} />,
];

const StatusChip = () => {
  const translate = useTranslate();
  const delivery = useRecordContext<DeliveryView>();
  if (!delivery) return null;
  return (
    <Chip
      size="small"
      color={STATUS_TONES[delivery.status]}
      label={translate(`notifications.statuses.${delivery.status}`)}
      data-testid="delivery-status"
      data-status={delivery.status}
    />
  );
};

/** The language used; a fallback (no template in the requested language) stands out as `tg → ru`. */
const LanguageChip = () => {
  const translate = useTranslate();
  const delivery = useRecordContext<DeliveryView>();
  if (!delivery) return null;
  const label = languageLabel(delivery);
  return delivery.languageFallback ? (
    <Tooltip title={translate('notifications.deliveries.fallbackHelp')}>
      <Chip size="small" color="warning" variant="outlined" label={label} data-testid="language-fallback" />
    </Tooltip>
  ) : (
    <span>{label}</span>
  );
};

const Detail = () => {
  const translate = useTranslate();
  return (
    <FunctionField<DeliveryView>
      render={(delivery) => {
        const detail = deliveryDetail(delivery);
        if (!detail) return null;
        return detail.kind === 'error' ? (
          <Typography variant="body2" color="error" sx={{ maxWidth: 280, overflowWrap: 'anywhere' }}>
            {detail.text}
          </Typography>
        ) : (
          <Typography variant="body2">{translate(`notifications.skipReasons.${detail.reason}`)}</Typography>
        );
      }}
    />
  );
};

/** `isfara:ngo-admin,police-officer` → "NGO administrator, Police officer" (the district has its own column). */
const AudienceRoles = ({ recipientId }: { recipientId: string }) => {
  const translate = useTranslate();
  const audience = audienceOf(recipientId);
  if (!audience) return <>{recipientId}</>;
  return <>{audience.roles.map((role) => translate(`app.roles.${role}`, { _: role })).join(', ')}</>;
};

const Recipient = () => {
  const translate = useTranslate();
  return (
    <FunctionField<DeliveryView>
      render={(delivery) => (
        <>
          <Typography variant="body2">
            {delivery.recipientKind === 'audience' ? translate('notifications.deliveries.audience') : delivery.recipientName || '—'}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {delivery.recipientKind === 'audience' ? <AudienceRoles recipientId={delivery.recipientId} /> : (delivery.address ?? '')}
          </Typography>
        </>
      )}
    />
  );
};

/** Sends a logged email or SMS again (to the recipient's current address, language and consent). */
const ResendButton = ({ allowed }: { allowed: boolean }) => {
  const delivery = useRecordContext<DeliveryView>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const notifyError = useNotifyError();
  const { mutate: resend, isPending: busy } = useMutation({
    mutationFn: (id: string) => dataProvider.apiCall('POST', `notifications/deliveries/${encodeURIComponent(id)}/resend`, {}),
    onSuccess: () => {
      notify('notifications.deliveries.resent', { type: 'success' });
      refresh();
    },
    onError: (error) => notifyError(error),
  });
  if (!allowed || !delivery || !canResend(delivery)) return null;
  return (
    <Button label="notifications.deliveries.resend" disabled={busy} onClick={() => resend(delivery.id)}>
      <ReplayIcon />
    </Button>
  );
};

/** The delivery log of the districts in scope: every message per recipient and channel, and where it stands. */
export const DeliveryList = () => {
  const { canAccess: mayResend = false } = useCanAccess({ resource: 'notifications/deliveries', action: 'resend' });
  return (
    <List
      title="notifications.deliveries.title"
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="createdAt" label="notifications.fields.createdAt">
          <LocalDateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="type" label="notifications.fields.type">
          <FunctionField<DeliveryView> render={(d) => <TypeLabel type={d.type} />} />
        </DataTable.Col>
        <DataTable.Col source="channel" label="notifications.fields.channel">
          <FunctionField<DeliveryView> render={(d) => <ChannelLabel channel={d.channel} />} />
        </DataTable.Col>
        <DataTable.Col label="notifications.fields.recipient" disableSort>
          <Recipient />
        </DataTable.Col>
        <DataTable.Col source="status" label="notifications.fields.status">
          <StatusChip />
        </DataTable.Col>
        <DataTable.Col label="notifications.fields.language" disableSort>
          <LanguageChip />
        </DataTable.Col>
        <DataTable.Col label="notifications.fields.detail" disableSort>
          <Detail />
        </DataTable.Col>
        <DataTable.NumberCol source="attempts" label="notifications.fields.attempts" disableSort />
        <DataTable.Col source="districtCode" label="notifications.fields.districtCode" disableSort>
          <ReferenceField source="districtCode" reference="districts" link={false}>
            <DistrictNameField />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="updatedAt" label="notifications.fields.updatedAt">
          <LocalDateField source="updatedAt" showTime />
        </DataTable.Col>
        <DataTable.Col label="notifications.fields.actions" disableSort>
          <ResendButton allowed={mayResend} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const TypeLabel = ({ type }: { type: string }) => {
  const translate = useTranslate();
  return <>{translate(`notifications.types.${type}`, { _: type })}</>;
};

const ChannelLabel = ({ channel }: { channel: string }) => {
  const translate = useTranslate();
  return <>{translate(`notifications.channels.${channel}`, { _: channel })}</>;
};
