import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { NotificationPreviewView, NotificationTemplateVersionView, NotificationTemplateView } from '@rd/contracts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  Button,
  Loading,
  Title,
  useCanAccess,
  useDataProvider,
  useGetRecordId,
  useLocaleState,
  useNotify,
  useTranslate,
  type HttpError,
} from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { useApiQuery, useInvalidateApi, useNotifyError } from '../data/apiQueries';
import { FIELD_REFUSED } from '../data/problem';
import { draftBody, draftOf, placeholder, splitTemplateId, type TemplateDraft } from './templates';
import { useFailureText } from '../data/useFailureText';
import { formatDate } from '../i18n/dates';

const FIELDS: readonly (keyof TemplateDraft)[] = ['subject', 'text', 'html', 'sms'];
const ROWS: Readonly<Record<keyof TemplateDraft, number>> = { subject: 1, text: 8, html: 6, sms: 3 };

/**
 * The fields a 400 problem (mustache syntax) names, each → the message key to show under it: the parser's own words
 * are English (and the problem's `errors[]`, not react-admin's field map, names the template's fields).
 */
function fieldErrors(error: unknown): Record<string, string> {
  const body = (error as HttpError | undefined)?.body as { problem?: { errors?: { field?: string }[] } } | undefined;
  return Object.fromEntries((body?.problem?.errors ?? []).map((item) => [String(item.field ?? '').replace(/^body\./, ''), FIELD_REFUSED]));
}

/**
 * One template (type + language): its current version as an editable draft, a preview rendered by the server
 * with sample data (HTML in a sandboxed frame), saving as a new version, and the earlier versions.
 */
export const TemplateShow = () => {
  const id = String(useGetRecordId());
  const translate = useTranslate();
  const failureText = useFailureText();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { canAccess: mayEdit = false } = useCanAccess({ resource: 'notifications/templates', action: 'edit' });
  const path = `notifications/templates/${encodeURIComponent(id)}`;
  const invalidate = useInvalidateApi();
  const notifyError = useNotifyError();
  const current = useApiQuery<NotificationTemplateView>(path);
  const versions = useApiQuery<NotificationTemplateVersionView[]>(`${path}/versions`);
  const [draft, setDraft] = useState<TemplateDraft>(draftOf(undefined));
  const [preview, setPreview] = useState<NotificationPreviewView | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const missing = (current.error as HttpError | undefined)?.status === 404;
  const parts = splitTemplateId(id);

  useEffect(() => {
    if (current.data) setDraft(draftOf(current.data));
  }, [current.data]);

  // Preview and save post the draft; a refusal marks the fields it names.
  const { mutate: post, isPending: busy } = useMutation({
    mutationFn: async (target: string) => (await dataProvider.apiCall<unknown>('POST', target, draftBody(draft))).json,
    onMutate: () => setErrors({}),
    onError: (error) => {
      setErrors(fieldErrors(error));
      notifyError(error);
    },
  });

  const runPreview = () => post(`${path}/preview`, { onSuccess: (answer) => setPreview(answer as NotificationPreviewView) });

  const save = () =>
    post(`${path}/versions`, {
      onSuccess: (answer) => {
        notify('notifications.templates.saved', { type: 'success', messageArgs: { version: (answer as NotificationTemplateView).version } });
        // The template and its versions are both under `path`.
        void invalidate(path);
      },
    });

  if (current.isFetching && !current.data && !current.error) return <Loading />;
  if (current.error && !missing) return <Alert severity="error">{failureText(current.error)}</Alert>;
  const template = current.data;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('notifications.templates.one', { id })} />
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="h6" component="h1">
            {parts ? `${translate(`notifications.types.${parts.type}`)} · ${translate(`app.languages.${parts.language}`)}` : id}
          </Typography>
          {template && <Chip label={translate('notifications.templates.version', { version: template.version })} />}
          {template && (
            <Typography variant="body2" color="text.secondary">
              {translate('notifications.templates.writtenBy', {
                user: template.createdBy,
                when: formatDate(template.updatedAt, locale, { time: true }),
              })}
            </Typography>
          )}
        </Stack>
        {missing && (
          <Alert severity="info" sx={{ mb: 2 }} data-testid="template-missing">
            {translate('notifications.templates.missing')}
          </Alert>
        )}
        {template && template.variables.length > 0 && (
          <Box sx={{ mb: 2 }}>
            <Typography variant="subtitle2">{translate('notifications.templates.variables')}</Typography>
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {template.variables.map((variable) => (
                <Chip key={variable} size="small" variant="outlined" label={placeholder(variable)} sx={{ fontFamily: 'monospace' }} />
              ))}
            </Stack>
          </Box>
        )}
        <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } }}>
          <Stack spacing={2}>
            {FIELDS.map((field) => (
              <TextField
                key={field}
                label={translate(`notifications.templates.fields.${field}`)}
                value={draft[field]}
                onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
                multiline={ROWS[field] > 1}
                minRows={ROWS[field]}
                error={!!errors[field]}
                helperText={errors[field] ? translate(errors[field]) : (field === 'html' ? translate('notifications.templates.htmlHelp') : ' ')}
                slotProps={{ htmlInput: { 'data-testid': `template-field-${field}`, readOnly: !mayEdit, style: { fontFamily: 'monospace' } } }}
                fullWidth
              />
            ))}
            <Stack direction="row" spacing={1}>
              <Button label="notifications.templates.preview" variant="outlined" onClick={runPreview} disabled={busy} data-testid="template-preview" />
              {mayEdit && (
                <Button
                  label={missing ? 'notifications.templates.createFirst' : 'notifications.templates.saveVersion'}
                  variant="contained"
                  onClick={save}
                  disabled={busy}
                  data-testid="template-save"
                />
              )}
            </Stack>
          </Stack>
          <Box data-testid="template-preview-pane">
            <Typography variant="subtitle2" gutterBottom>
              {translate('notifications.templates.previewTitle')}
            </Typography>
            {!preview ? (
              <Typography variant="body2" color="text.secondary">
                {translate('notifications.templates.previewHint')}
              </Typography>
            ) : (
              <Stack spacing={1.5}>
                <Typography data-testid="preview-subject" sx={{ fontWeight: 700 }}>
                  {preview.subject}
                </Typography>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }} data-testid="preview-text">
                  {preview.text}
                </Typography>
                <Divider />
                {/* Rendered by the server from a template anyone with the manage right may write: sandboxed, no scripts. */}
                <iframe
                  title={translate('notifications.templates.fields.html')}
                  sandbox=""
                  srcDoc={preview.html}
                  style={{ width: '100%', minHeight: 240, border: '1px solid #ddd', background: '#fff' }}
                />
                <Divider />
                <Typography variant="subtitle2">{translate('notifications.templates.fields.sms')}</Typography>
                <Typography variant="body2" data-testid="preview-sms">
                  {preview.sms}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate('notifications.templates.smsSegments', { smart_count: preview.smsSegments })}
                </Typography>
              </Stack>
            )}
          </Box>
        </Box>
        <Divider sx={{ my: 3 }} />
        <Typography variant="subtitle1">{translate('notifications.templates.history')}</Typography>
        {(versions.data ?? []).length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('notifications.templates.noHistory')}
          </Typography>
        ) : (
          <List dense>
            {(versions.data ?? []).map((version) => (
              <ListItem
                key={version.version}
                secondaryAction={
                  mayEdit ? <Button label="notifications.templates.useVersion" onClick={() => setDraft(draftOf(version))} /> : undefined
                }
              >
                <ListItemText
                  primary={`${translate('notifications.templates.version', { version: version.version })} · ${version.subject}`}
                  secondary={`${version.createdBy} · ${formatDate(version.createdAt, locale, { time: true })}`}
                />
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
};
