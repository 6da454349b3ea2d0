import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TemplateView } from '@rd/contracts';
import { useState } from 'react';
import { CanAccess, Show, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { HowTo } from '../meetings/AgendaPanel';
import { addDays, offsetText, previewOf, versionFormOf } from './templateView';

const T = 'resources.templates';
const today = () => new Date().toISOString().slice(0, 10);

/** The version's agenda and checklist as the handbook writes them, each with its "How to". */
const Content = () => {
  const record = useRecordContext<TemplateView>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={1}>
      <Typography variant="h5" component="h2" data-testid="template-title">
        {translate(`${T}.title`, { name: record.name, version: record.version })}
      </Typography>
      <Typography variant="h6" component="h3">
        {translate(`${T}.agenda`)}
      </Typography>
      <List dense data-testid="template-agenda">
        {record.agenda.map((item, index) => (
          <ListItem key={`${item.kind}-${index}`} sx={{ flexWrap: 'wrap' }} data-testid={`template-agenda-${index + 1}`}>
            <ListItemText primary={`${index + 1}. ${item.title}`} secondary={translate(`resources.meetings.agenda.kinds.${item.kind}`)} />
            <HowTo guidance={item.guidance} testId={`template-agenda-how-to-${index + 1}`} />
          </ListItem>
        ))}
      </List>
      <Typography variant="h6" component="h3">
        {translate(`${T}.checklist`)}
      </Typography>
      <List dense data-testid="template-checklist">
        {record.checklist.map((step) => {
          const when = offsetText(step.offsetDays);
          return (
            <ListItem key={step.key} sx={{ flexWrap: 'wrap' }} data-testid={`template-step-${step.key}`}>
              <ListItemText primary={step.title} secondary={translate(when.key, { smart_count: when.count })} />
              <HowTo guidance={step.guidance} testId={`template-step-how-to-${step.key}`} />
            </ListItem>
          );
        })}
      </List>
    </Stack>
  );
};

/** How the version would look on a meeting held on a chosen day: the agenda in order and the checklist on the calendar. */
const Preview = () => {
  const record = useRecordContext<TemplateView>();
  const translate = useTranslate();
  const [date, setDate] = useState(() => addDays(today(), 21));
  if (!record) return null;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const preview = valid ? previewOf(record, date) : null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="template-preview">
      <Stack spacing={1}>
        <Typography variant="h6" component="h3">
          {translate(`${T}.preview.title`)}
        </Typography>
        <TextField
          type="date"
          size="small"
          label={translate(`${T}.preview.date`)}
          value={date}
          onChange={(event) => setDate(event.target.value)}
          sx={{ maxWidth: 240 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'template-preview-date' } }}
        />
        {preview && (
          <>
            <Typography variant="subtitle1" component="h4">
              {translate(`${T}.preview.agendaOn`, { date })}
            </Typography>
            <ol data-testid="template-preview-agenda">
              {preview.agenda.map((item) => (
                <li key={item.position}>{item.title}</li>
              ))}
            </ol>
            <Typography variant="subtitle1" component="h4">
              {translate(`${T}.preview.checklist`)}
            </Typography>
            <List dense data-testid="template-preview-checklist">
              {preview.checklist.map((step) => (
                <ListItem key={step.key} data-testid={`template-preview-step-${step.key}`}>
                  <ListItemText primary={step.title} />
                  <Chip size="small" variant="outlined" label={translate('resources.meetings.agenda.due', { date: step.dueDate })} />
                </ListItem>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
};

/** The other versions of the family, and (for the national coordinator) publishing the next one from this one. */
const Versions = () => {
  const record = useRecordContext<TemplateView>();
  const translate = useTranslate();
  const { data } = useGetList<TemplateView>('templates', { pagination: { page: 1, perPage: 500 } });
  if (!record) return null;
  const versions = (data ?? []).filter((row) => row.key === record.key).sort((a, b) => b.version - a.version);
  return (
    <Stack spacing={1} data-testid="template-versions">
      <Typography variant="h6" component="h3">
        {translate(`${T}.versions`)}
      </Typography>
      {versions.map((row) => (
        <Typography key={row.id} component={Link} to={`/templates/${row.id}/show`} sx={{ fontWeight: row.id === record.id ? 'bold' : undefined }}>
          {translate(`${T}.versionLine`, { version: row.version, agenda: row.agenda.length, checklist: row.checklist.length, date: row.createdAt.slice(0, 10) })}
        </Typography>
      ))}
      <CanAccess resource="templates" action="create">
        <Button component={Link} to="/templates/create" state={{ record: { ...versionFormOf(record), versionOf: record.id } }} variant="outlined" sx={{ alignSelf: 'flex-start' }} data-testid="template-new-version">
          {translate(`${T}.newVersion`)}
        </Button>
      </CanAccess>
    </Stack>
  );
};

/** One template version: what it holds, how to run each part, and a preview on a meeting's calendar. */
export const TemplateShow = () => (
  <Show>
    <Stack spacing={3} sx={{ p: 2 }}>
      <Content />
      <Preview />
      <Versions />
    </Stack>
  </Show>
);
