import { Alert, List, ListItem, Stack, Typography } from '@mui/material';
import { CommunityImportResultSchema, type ImportedCommunity } from '@rd/contracts';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { ImportWizard } from './ImportWizard';

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
      applied={(result) => <Created created={result.created} />}
    />
  );
};

const Created = ({ created }: { created: ImportedCommunity[] }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Stack spacing={1}>
      <Alert severity="success">{translate(`${T}.done`, { count: created.length })}</Alert>
      <List dense>
        {created.map((community) => (
          <ListItem key={community.id}>
            <Link to={createPath({ resource: 'communities', type: 'show', id: community.id })}>
              {community.name}
            </Link>
            &nbsp;({community.districtCode})
          </ListItem>
        ))}
      </List>
    </Stack>
  );
};
