import DoneAllIcon from '@mui/icons-material/DoneAll';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import MarkEmailUnreadIcon from '@mui/icons-material/MarkEmailUnread';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { InboxItemView } from '@rd/contracts';
import { MinutesText } from '../meetings/MinutesText';
import { useMutation } from '@tanstack/react-query';
import { Button, DataTable, FunctionField, List, ReferenceField, NullableBooleanInput, SelectInput, TextInput, TopToolbar, useDataProvider, useLocaleState, useNavigate, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useInvalidateApi, useNotifyError } from '../data/apiQueries';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { DistrictNameField } from '../districts/DistrictNameField';
import { typeChoices } from './choices';
import { consoleRoute, INBOX_COUNT_PATH, inboxLanguage } from './inbox';
import { LocalDateField } from '../i18n/LocalDateField';

const filters = [
  <NullableBooleanInput key="unread" source="unread" label="notifications.inbox.unreadOnly" alwaysOn />,
  <SelectInput key="type" source="type" label="notifications.fields.type" choices={typeChoices} alwaysOn />,
  <TextInput key="districtCode" source="districtCode" label="notifications.fields.districtCode" />,
];

/** Marks inbox messages read or unread (the read state is the caller's own), then refreshes the list and the badge. */
function useInboxWrite<T>(write: (dataProvider: ConsoleDataProvider) => Promise<T>, onDone?: (result: T) => void) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const refresh = useRefresh();
  const invalidate = useInvalidateApi();
  const notifyError = useNotifyError();
  return useMutation({
    mutationFn: () => write(dataProvider),
    onSuccess: (result) => {
      onDone?.(result);
      refresh();
      return invalidate(INBOX_COUNT_PATH);
    },
    onError: (error) => notifyError(error),
  });
}

/** Marks one message read or unread (the read state is the caller's own). */
const ToggleReadButton = () => {
  const item = useRecordContext<InboxItemView>();
  const to = item?.read ? 'unread' : 'read';
  const { mutate: toggle, isPending: busy } = useInboxWrite((dataProvider) =>
    dataProvider.apiCall('POST', `notifications/inbox/${encodeURIComponent(item?.id ?? '')}/${to}`, {}),
  );
  if (!item) return null;
  return (
    <Button
      label={item.read ? 'notifications.inbox.markUnread' : 'notifications.inbox.markRead'}
      onClick={(event) => {
        event.stopPropagation();
        toggle();
      }}
      disabled={busy}
      data-testid={`inbox-mark-${to}`}
    >
      {item.read ? <MarkEmailUnreadIcon /> : <MarkEmailReadIcon />}
    </Button>
  );
};

const OpenLinkButton = () => {
  const item = useRecordContext<InboxItemView>();
  const navigate = useNavigate();
  const route = consoleRoute(item?.link);
  if (!route) return null;
  return (
    <Button label="notifications.inbox.open" onClick={() => navigate(route)}>
      <OpenInNewIcon />
    </Button>
  );
};

const MarkAllReadButton = () => {
  const notify = useNotify();
  const { mutate: markAll } = useInboxWrite(
    (dataProvider) => dataProvider.apiCall<{ marked: number }>('POST', 'notifications/inbox/read-all', {}),
    ({ json }) => notify('notifications.inbox.markedAll', { messageArgs: { smart_count: json.marked } }),
  );
  return (
    <Button label="notifications.inbox.markAllRead" onClick={() => markAll()}>
      <DoneAllIcon />
    </Button>
  );
};

const Message = () => {
  const translate = useTranslate();
  return (
    <FunctionField<InboxItemView>
      render={(item) => (
        <Box data-testid="inbox-item" data-read={String(item.read)}>
          <Typography variant="body1" sx={{ fontWeight: item.read ? 400 : 700 }}>
            {item.title}
          </Typography>
          {item.type === 'minutes-distributed' ? (
            // Distributed minutes read as on the meeting page: formatted, sanitised markdown.
            <MinutesText body={item.body} testId="inbox-minutes" />
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>
              {item.body}
            </Typography>
          )}
          <Chip size="small" sx={{ mt: 0.5 }} label={translate(`notifications.types.${item.type}`, { _: item.type })} />
        </Box>
      )}
    />
  );
};

/**
 * The user's own console messages, newest first; the gateway decides which they are. They are asked for in the
 * console's language (a permanent filter, so switching the language fetches them again).
 */
export const InboxList = () => {
  const [locale] = useLocaleState();
  return (
    <List
      title="notifications.inbox.title"
      filters={filters}
      filter={{ language: inboxLanguage(locale) }}
      filterDefaultValues={{}}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={
        <TopToolbar>
          <MarkAllReadButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="createdAt" label="notifications.fields.createdAt">
          <LocalDateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="title" label="notifications.fields.message" disableSort>
          <Message />
        </DataTable.Col>
        <DataTable.Col source="districtCode" label="notifications.fields.districtCode" disableSort>
          <ReferenceField source="districtCode" reference="districts" link={false}>
            <DistrictNameField />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col label="notifications.fields.actions" disableSort>
          <ToggleReadButton />
          <OpenLinkButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
