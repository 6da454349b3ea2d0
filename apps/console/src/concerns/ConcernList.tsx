import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { CONCERN_STATUSES, CONCERN_TOPICS, SENSITIVITIES, type ConcernRegisterRow } from '@rd/contracts';
import { AutocompleteInput, DataTable, FunctionField, List, NumberInput, ReferenceArrayField, ReferenceInput, SelectInput, SimpleList, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { DistrictReferenceField } from '../communities/DistrictReferenceField';
import { DistrictInput } from '../districts/DistrictInput';
import { NO_HIDDEN, parseHidden } from '../meetings/inputs';
import { LocalDateField } from '../i18n/LocalDateField';
import { formatDate } from '../i18n/dates';

const C = 'resources.meetings.concerns';

const ChoiceInput = ({ source, values, prefix }: { source: string; values: readonly string[]; prefix: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SelectInput source={source} choices={values.map((id) => ({ id, name: translate(`${prefix}.${id}`) }))} />;
};

const filters = [
  <DistrictInput key="districtCode" source="districtCode" alwaysOn />,
  <ReferenceInput key="communityId" source="communityId" reference="communities" alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <ChoiceInput key="topic" source="topic" values={CONCERN_TOPICS} prefix={`${C}.topics`} alwaysOn />,
  <ChoiceInput key="sensitivity" source="sensitivity" values={SENSITIVITIES} prefix={`${C}.sensitivities`} alwaysOn />,
  <ChoiceInput key="status" source="status" values={CONCERN_STATUSES} prefix="resources.concerns.statuses" alwaysOn />,
  <NumberInput key="minAgeDays" source="minAgeDays" min={0} />,
  <NumberInput key="maxAgeDays" source="maxAgeDays" min={0} />,
];

const meetingOf = (row: ConcernRegisterRow) => `/meetings/${row.meetingId}/show`;

/** The concerns the reader may not read, as counts per sensitivity from X-Hidden-Concerns: never which they are. */
const HiddenCounts = () => {
  const translate = useTranslate();
  const { meta } = useListContext();
  const hidden = meta?.hiddenConcerns ? parseHidden(meta.hiddenConcerns as string) : NO_HIDDEN;
  const total = hidden.public + hidden.restricted + hidden.confidential;
  if (total === 0) return null;
  return (
    <Alert severity="info" sx={{ mx: 1, my: 1 }} data-testid="register-hidden">
      {translate('resources.concerns.hidden', { ...hidden })}
    </Alert>
  );
};

const Labels = ({ row }: { row: ConcernRegisterRow }) => {
  const translate = useTranslate();
  return (
    <>
      {translate(`${C}.topics.${row.topic}`)}{' '}
      <Chip size="small" variant="outlined" label={translate(`${C}.sensitivities.${row.sensitivity}`)} />{' '}
      <Chip size="small" color={row.resolved ? 'success' : 'warning'} label={translate(`resources.concerns.statuses.${row.resolved ? 'resolved' : 'open'}`)} />
    </>
  );
};

/**
 * The concerns register (issue 15): every concern the reader may read across meetings, newest first, filtered by
 * district, community, topic, sensitivity, status and age; a row opens its meeting. What each reader sees is decided by
 * the gateway (canReadConcern); the rest is only counted. On a phone it is a one-column list.
 */
export const ConcernList = () => {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <List filters={filters} sort={{ field: 'raisedAt', order: 'DESC' }} exporter={false}>
      <HiddenCounts />
      {small ? (
        <SimpleList<ConcernRegisterRow>
          rowClick={(_id, _resource, record) => meetingOf(record as ConcernRegisterRow)}
          primaryText={(row) => <Labels row={row} />}
          secondaryText={(row) => row.text}
          tertiaryText={(row) => formatDate(row.raisedAt, locale)}
        />
      ) : (
        <DataTable rowClick={(_id, _resource, record) => meetingOf(record as ConcernRegisterRow)} bulkActionButtons={false}>
          <DataTable.Col source="raisedAt">
            <LocalDateField source="raisedAt" />
          </DataTable.Col>
          <DataTable.Col source="topic">
            <FunctionField<ConcernRegisterRow> render={(row) => <Labels row={row} />} />
          </DataTable.Col>
          <DataTable.Col source="text" disableSort />
          <DataTable.Col source="districtCode">
            <DistrictReferenceField />
          </DataTable.Col>
          <DataTable.Col source="meeting" disableSort>
            <FunctionField<ConcernRegisterRow> render={(row) => row.meeting.title} />
          </DataTable.Col>
          <DataTable.Col source="communityIds" disableSort>
            <ReferenceArrayField source="meeting.communityIds" reference="communities" />
          </DataTable.Col>
          <DataTable.Col source="openActionCount" disableSort>
            <FunctionField<ConcernRegisterRow> render={(row) => translate('resources.concerns.actionCounts', { open: row.openActionCount, total: row.actionCount })} />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
