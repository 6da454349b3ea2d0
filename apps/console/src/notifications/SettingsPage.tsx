import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { NotificationSettingsView } from '@rd/contracts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  Button,
  Loading,
  Title,
  useCanAccess,
  useDataProvider,
  useGetList,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { useApiQuery, useNotifyError } from '../data/apiQueries';
import { districtName } from '../districts/districtName';
import type { DistrictRecord } from '../types';
import { formatDays, parseDays } from './settings';
import { useFailureText } from '../data/useFailureText';
import { formatDate } from '../i18n/dates';

interface Form {
  reminderDaysBefore: string;
  minutesChaseDaysAfter: string;
  quarterWarningDays: string;
}

const formOf = (settings: NotificationSettingsView): Form => ({
  reminderDaysBefore: formatDays(settings.reminderDaysBefore),
  minutesChaseDaysAfter: formatDays(settings.minutesChaseDaysAfter),
  quarterWarningDays: String(settings.quarterWarningDays),
});

/** Reminder timing per district (days before meetings, minutes chasers, quarter warning), for districts in scope. */
export const SettingsPage = () => {
  const translate = useTranslate();
  const failureText = useFailureText();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { canAccess: mayEdit = false } = useCanAccess({ resource: 'notifications/settings', action: 'edit' });
  const { data: districts = [], isPending } = useGetList<DistrictRecord>('districts', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'code', order: 'ASC' },
  });
  const [code, setCode] = useState('');
  useEffect(() => {
    if (!code && districts.length > 0) setCode(districts[0].code);
  }, [code, districts]);
  const settingsPath = code ? `notifications/settings/${encodeURIComponent(code)}` : null;
  const settings = useApiQuery<NotificationSettingsView>(settingsPath);
  const notifyError = useNotifyError();
  const { mutate: put } = useMutation({
    mutationFn: (body: { reminderDaysBefore: number[]; minutesChaseDaysAfter: number[]; quarterWarningDays: number }) =>
      dataProvider.apiCall('PUT', settingsPath as string, body),
    onSuccess: () => {
      notify('notifications.settings.saved', { type: 'success' });
      void settings.refetch();
    },
    onError: (error) => notifyError(error),
  });
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    if (settings.data) setForm(formOf(settings.data));
  }, [settings.data]);

  if (isPending) return <Loading />;
  const reminder = form ? parseDays(form.reminderDaysBefore) : null;
  const chase = form ? parseDays(form.minutesChaseDaysAfter) : null;
  const warning = form ? Number(form.quarterWarningDays) : NaN;
  const warningOk = Number.isInteger(warning) && warning >= 1 && warning <= 80;
  const valid = reminder && 'days' in reminder && chase && 'days' in chase && warningOk;

  const save = () => {
    if (!valid || !reminder || !chase || !('days' in reminder) || !('days' in chase)) return;
    put({ reminderDaysBefore: reminder.days, minutesChaseDaysAfter: chase.days, quarterWarningDays: warning });
  };

  const problem = (parsed: ReturnType<typeof parseDays> | null) =>
    parsed && 'problem' in parsed ? translate(parsed.problem) : translate('notifications.settings.daysHelp');

  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title="notifications.settings.title" />
      <CardContent>
        <Stack spacing={2}>
          <TextField select label={translate('notifications.fields.districtCode')} value={code} onChange={(event) => setCode(event.target.value)}>
            {districts.map((district) => (
              <MenuItem key={district.code} value={district.code}>
                {districtName(district, locale)}
              </MenuItem>
            ))}
          </TextField>
          {settings.error ? (
            <Alert severity="error">{failureText(settings.error)}</Alert>
          ) : null}
          {settings.data && form && (
            <>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Chip
                  size="small"
                  label={translate(settings.data.isDefault ? 'notifications.settings.isDefault' : 'notifications.settings.changed')}
                />
                <Typography variant="body2" color="text.secondary">
                  {translate('notifications.settings.timeZone', { zone: settings.data.timeZone })}
                  {settings.data.updatedBy && settings.data.updatedAt
                    ? ` · ${settings.data.updatedBy}, ${formatDate(settings.data.updatedAt, locale, { time: true })}`
                    : ''}
                </Typography>
              </Stack>
              <TextField
                label={translate('notifications.settings.reminderDaysBefore')}
                value={form.reminderDaysBefore}
                onChange={(event) => setForm({ ...form, reminderDaysBefore: event.target.value })}
                error={!!reminder && 'problem' in reminder}
                helperText={problem(reminder)}
                slotProps={{ htmlInput: { readOnly: !mayEdit } }}
              />
              <TextField
                label={translate('notifications.settings.minutesChaseDaysAfter')}
                value={form.minutesChaseDaysAfter}
                onChange={(event) => setForm({ ...form, minutesChaseDaysAfter: event.target.value })}
                error={!!chase && 'problem' in chase}
                helperText={problem(chase)}
                slotProps={{ htmlInput: { readOnly: !mayEdit } }}
              />
              <TextField
                label={translate('notifications.settings.quarterWarningDays')}
                value={form.quarterWarningDays}
                onChange={(event) => setForm({ ...form, quarterWarningDays: event.target.value })}
                error={!warningOk}
                helperText={translate('notifications.settings.warningHelp')}
                slotProps={{ htmlInput: { inputMode: 'numeric', readOnly: !mayEdit } }}
              />
              {mayEdit && (
                <div>
                  <Button label="ra.action.save" variant="contained" disabled={!valid} onClick={save} />
                </div>
              )}
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
