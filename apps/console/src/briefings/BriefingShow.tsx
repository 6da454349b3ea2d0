import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { BriefingDelivery, BriefingView } from '@rd/contracts';
import { Link } from 'react-router-dom';
import { CanAccess, Show, SimpleShowLayout, useGetList, useGetMany, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useApiQuery } from '../data/apiQueries';
import { UserNameField } from '../directory/UserName';
import { inLanguage, versionsOf } from './briefingText';
import { LocalDateField } from '../i18n/LocalDateField';

const T = 'resources.briefings';

const BriefingText = () => {
  const record = useRecordContext<BriefingView>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Stack spacing={1} data-testid="briefing-text">
      <Typography variant="h5">{inLanguage(record.title, locale)}</Typography>
      <Typography color="text.secondary">{inLanguage(record.summary, locale)}</Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap' }}>{inLanguage(record.body, locale)}</Typography>
    </Stack>
  );
};

/** The other versions of the same briefing, and the button to publish the next one (prefilled with this one). */
const Versions = () => {
  const record = useRecordContext<BriefingView>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useGetList<BriefingView>('briefings', { pagination: { page: 1, perPage: 500 } });
  if (!record) return null;
  return (
    <Stack spacing={1} data-testid="briefing-versions">
      <Typography variant="h6">{translate(`${T}.versions`)}</Typography>
      {versionsOf(data ?? [], record.familyId).map((row) => (
        <Typography key={row.id} component={Link} to={`/briefings/${row.id}/show`} sx={{ fontWeight: row.id === record.id ? 'bold' : undefined }}>
          {translate(`${T}.versionLine`, { version: row.version, title: inLanguage(row.title, locale), date: row.effectiveDate })}
        </Typography>
      ))}
      <CanAccess resource="briefings" action="create">
        <Button
          component={Link}
          to="/briefings/create"
          state={{ record: { title: record.title, summary: record.summary, body: record.body, effectiveDate: record.effectiveDate, versionOf: record.id } }}
          variant="outlined"
          size="large"
          sx={{ alignSelf: 'flex-start' }}
          data-testid="briefing-new-version"
        >
          {translate(`${T}.newVersion`)}
        </Button>
      </CanAccess>
    </Stack>
  );
};

/** Which communities received this version, and when: the held meetings in the reader's scope that presented it. */
const Deliveries = () => {
  const record = useRecordContext<BriefingView>();
  const translate = useTranslate();
  const { data } = useApiQuery<BriefingDelivery[]>(record ? `briefings/${record.id}/deliveries` : null);
  const ids = [...new Set((data ?? []).flatMap((row) => row.communityIds))];
  const { data: communities } = useGetMany<{ id: string; name: string }>('communities', { ids }, { enabled: ids.length > 0 });
  if (!record || !data) return null;
  const names = (list: string[]) => list.map((id) => communities?.find((c) => c.id === id)?.name ?? '…').join(', ');
  return (
    <Stack spacing={1} data-testid="briefing-deliveries">
      <Typography variant="h6">{translate(`${T}.deliveries`)}</Typography>
      {data.length === 0 ? (
        <Typography color="text.secondary">{translate(`${T}.noDeliveries`)}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate(`${T}.fields.presentedOn`)}</TableCell>
              <TableCell>{translate(`${T}.fields.district`)}</TableCell>
              <TableCell>{translate(`${T}.fields.communities`)}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((row) => (
              <TableRow key={row.meetingId} data-testid="briefing-delivery">
                <TableCell>
                  <Link to={`/meetings/${row.meetingId}/show`}>{row.startsAt.slice(0, 10)}</Link>
                </TableCell>
                <TableCell>{row.districtCode}</TableCell>
                <TableCell>{names(row.communityIds)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};

export const BriefingShow = () => (
  <Show>
    <SimpleShowLayout>
      <BriefingText />
      <LocalDateField source="effectiveDate" label="resources.briefings.fields.effectiveDate" />
      <LocalDateField source="createdAt" showTime label="resources.briefings.fields.createdAt" />
      <UserNameField source="createdBy" label="resources.briefings.fields.createdBy" />
      <Versions />
      <Deliveries />
    </SimpleShowLayout>
  </Show>
);
