import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Stack, Typography } from '@mui/material';
import { CONCERN_TOPICS, PastReportingDayImportResultSchema, SENSITIVITIES } from '@rd/contracts';
import { useTranslate } from 'react-admin';
import { saveFile } from '../data/fileClient';
import { ImportedList, ImportWizard } from '../imports/ImportWizard';
import { PAST_DAY_COLUMNS, pastDayTemplateCsv } from './importTemplate';

const T = 'resources.past-reporting-day-imports';

/** Past reporting days from a CSV or XLSX file, one per row: checked first (dry run), then recorded in one go. */
export const PastReportingDayImport = () => {
  const translate = useTranslate();
  return (
    <ImportWizard
      paths={{ dryRun: 'past-reporting-day-imports/dry-run', apply: 'past-reporting-day-imports' }}
      title={`${T}.title`}
      testId="past-day-import"
      intro={
        <Stack spacing={1}>
          <Typography variant="body2">{translate(`${T}.intro`)}</Typography>
          {Object.entries(PAST_DAY_COLUMNS).map(([group, columns]) => (
            <Typography key={group} variant="body2">
              <strong>{translate(`${T}.columnGroups.${group}`)}:</strong>{' '}
              <code>{group === 'concerns' ? `concerns_${CONCERN_TOPICS[0]}_${SENSITIVITIES[0]}, …` : columns.join(', ')}</code>
            </Typography>
          ))}
          <Box>
            <Button
              variant="outlined"
              startIcon={<DownloadIcon />}
              onClick={() => saveFile({ blob: new Blob([pastDayTemplateCsv()], { type: 'text/csv' }), fileName: 'past-reporting-days.csv' }, 'past-reporting-days.csv')}
              data-testid="past-day-template"
            >
              {translate(`${T}.template`)}
            </Button>
          </Box>
        </Stack>
      }
      resultSchema={PastReportingDayImportResultSchema}
      applied={(result) => (
        <ImportedList
          done={translate(`${T}.done`, { count: result.created.length })}
          resource="meetings"
          items={result.created.map((day) => ({ id: day.meetingId, label: translate(`${T}.createdRow`, { row: day.row, heldOn: day.heldOn }) }))}
        />
      )}
    />
  );
};
