import type { BriefingView } from '@rd/contracts';
import { CreateButton, DataTable, FunctionField, List, TopToolbar, useLocaleState } from 'react-admin';
import { inLanguage } from './briefingText';
import { LocalDateField } from '../i18n/LocalDateField';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** The national legal briefing library: every version, in the reader's language where translated. */
export const BriefingList = () => {
  const [locale] = useLocaleState();
  return (
    <List actions={<Actions />} sort={{ field: 'effectiveDate', order: 'DESC' }} pagination={false} perPage={500}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" label="resources.briefings.fields.title">
          <FunctionField<BriefingView> render={(row) => inLanguage(row.title, locale)} />
        </DataTable.Col>
        <DataTable.NumberCol source="version" label="resources.briefings.fields.version" />
        <DataTable.Col source="effectiveDate" label="resources.briefings.fields.effectiveDate">
          <LocalDateField source="effectiveDate" />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="resources.briefings.fields.createdAt">
          <LocalDateField source="createdAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
