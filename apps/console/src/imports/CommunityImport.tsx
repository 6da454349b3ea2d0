import { Typography } from '@mui/material';
import { CommunityImportResultSchema } from '@rd/contracts';
import { useTranslate } from 'react-admin';
import { ImportedList, ImportWizard } from './ImportWizard';

const T = 'resources.community-imports';

/** Columns a community import file may have, in the order the console shows them. */
export const IMPORT_COLUMNS = ['name', 'districtCode', 'kind', 'population', 'borderAdjacent', 'languages', 'latitude', 'longitude', 'code'];

/** Bulk onboarding: new communities from a CSV or XLSX file, checked first, then created in one go. */
export const CommunityImport = () => {
  const translate = useTranslate();
  return (
    <ImportWizard
      paths={{ dryRun: 'community-imports/dry-run', apply: 'community-imports' }}
      title={`${T}.title`}
      intro={<Typography variant="body2">{translate(`${T}.intro`, { columns: IMPORT_COLUMNS.join(', ') })}</Typography>}
      resultSchema={CommunityImportResultSchema}
      applied={(result) => (
        <ImportedList
          done={translate(`${T}.done`, { count: result.created.length })}
          resource="communities"
          items={result.created.map((community) => ({ id: community.id, label: community.name, extra: `(${community.districtCode})` }))}
        />
      )}
    />
  );
};
