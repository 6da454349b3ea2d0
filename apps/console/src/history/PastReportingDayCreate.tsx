import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { CONCERN_TOPICS, dateInZone, DEFAULT_TIME_ZONE, ORGANISED_BY, SENSITIVITIES, type ConcernTopic, type PastReportingDayView, type Sensitivity } from '@rd/contracts';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Title, useDataProvider, useGetOne, useNotify, useRecordFromLocation, useRedirect, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { AGE_GROUPS, GENDERS, totalOf } from '../meetings/draft';
import { CountGrid } from '../meetings/CountGrid';
import { BigToggle, RecordPicker } from '../meetings/fieldKit';
import { SaveControls, useSaveForm } from '../meetings/SaveControls';
import { checkSheetSize, SIGN_IN_SHEET_ACCEPT } from '../meetings/signInSheet';
import type { CommunityRecord, DistrictRecord } from '../types';
import {
  buildPastReportingDayInput,
  CONTACT_ANSWERS,
  emptyPastReportingDay,
  respondents,
  SCORE_QUESTIONS,
  SCORES,
  type PastReportingDayDraft,
} from './pastReportingDay';

const T = 'resources.past-reporting-days';

const Section = ({ title, help, children }: { title: string; help?: string; children: ReactNode }) => (
  <Stack spacing={1}>
    <Typography variant="h6" component="h2">
      {title}
    </Typography>
    {help && (
      <Typography variant="body2" color="text.secondary">
        {help}
      </Typography>
    )}
    {children}
  </Stack>
);

/**
 * Records a reporting day held before the platform (ADR 35): the community, the day, who organised it, attendance
 * by gender and age, concerns counted by topic and sensitivity (no text), survey answers per score and, optionally,
 * the minutes as a scan or photo. Opened from a community's page (community preset) or from the meetings list.
 * Saved, it is a closed meeting marked "recorded afterwards" that reporting counts in its quarter.
 */
export const PastReportingDayCreate = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const preset = useRecordFromLocation();
  const [draft, setDraft] = useState<PastReportingDayDraft>(() => emptyPastReportingDay(typeof preset?.communityId === 'string' ? preset.communityId : null));
  const [minutes, setMinutes] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const update = (patch: Partial<PastReportingDayDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const { data: community } = useGetOne<CommunityRecord>('communities', { id: draft.communityId ?? '' }, { enabled: Boolean(draft.communityId) });
  const { data: district } = useGetOne<DistrictRecord>('districts', { id: community?.districtCode ?? '' }, { enabled: Boolean(community?.districtCode) });
  // "Today" on the district's calendar, as the server checks the day.
  const today = useMemo(() => dateInZone(new Date(), district?.timeZone ?? DEFAULT_TIME_ZONE), [district?.timeZone]);

  const form = useSaveForm(
    () => buildPastReportingDayInput(draft, today),
    async (input) => (await dataProvider.apiCall<PastReportingDayView>('POST', 'past-reporting-days', input)).json,
    async (recorded) => {
      if (minutes) {
        try {
          await dataProvider.putFile(`meetings/${recorded.meetingId}/minutes-file`, new Blob([await minutes.arrayBuffer()]), 'application/octet-stream');
        } catch {
          // The reporting day is recorded; the file can be attached again from the meeting page.
          notify(`${T}.minutesFailed`, { type: 'warning' });
          redirect('show', 'meetings', recorded.meetingId);
          return;
        }
      }
      notify(`${T}.saved`, { type: 'success', messageArgs: { quarter: recorded.quarter } });
      redirect('show', 'meetings', recorded.meetingId);
    },
  );

  const answered = respondents(draft.feedback);
  const concernValue = (topic: ConcernTopic, sensitivity: Sensitivity) => draft.concerns[topic]?.[sensitivity] ?? 0;

  return (
    <Card sx={{ mt: 2 }} data-testid="past-reporting-day-form">
      <Title title={translate(`${T}.title`)} />
      <CardContent>
        <Stack spacing={3} sx={{ maxWidth: 960 }}>
          <Typography variant="body2">{translate(`${T}.intro`)}</Typography>
          <Section title={translate(`${T}.sections.when`)}>
            <RecordPicker
              resource="communities"
              filter={{}}
              value={draft.communityId}
              onChange={(communityId) => update({ communityId, facilitatingOrganisationId: null })}
              label={translate(`${T}.fields.communityId`)}
              testId="past-day-community"
            />
            {community && (
              <Typography variant="body2" color="text.secondary" data-testid="past-day-community-chosen">
                {translate(`${T}.chosen`, { name: community.name, district: community.districtCode, today })}
              </Typography>
            )}
            <TextField
              type="date"
              label={translate(`${T}.fields.heldOn`)}
              value={draft.heldOn}
              onChange={(event) => update({ heldOn: event.target.value })}
              helperText={translate(`${T}.helpers.heldOn`)}
              sx={{ maxWidth: 280 }}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today, min: '2000-01-01', 'data-testid': 'past-day-held-on' } }}
            />
            <Box>
              <Typography gutterBottom>{translate(`${T}.fields.organisedBy`)}</Typography>
              <BigToggle
                value={draft.organisedBy}
                allowClear={false}
                choices={ORGANISED_BY.map((value) => ({ value, label: translate(`resources.meetings.organisedBy.${value}`) }))}
                onChange={(organisedBy) => organisedBy && update({ organisedBy })}
                testId="past-day-organised-by"
              />
            </Box>
            {draft.organisedBy !== 'police' && (
              <RecordPicker
                resource="organisations"
                filter={{ kind: 'ngo', ...(community?.districtCode ? { districtCode: community.districtCode } : {}) }}
                value={draft.facilitatingOrganisationId}
                onChange={(facilitatingOrganisationId) => update({ facilitatingOrganisationId })}
                label={translate('resources.meetings.fields.facilitatingOrganisationId')}
                testId="past-day-facilitator"
                disabled={!draft.communityId}
              />
            )}
            <TextField
              label={translate(`${T}.fields.venueName`)}
              value={draft.venueName}
              onChange={(event) => update({ venueName: event.target.value })}
              sx={{ maxWidth: 560 }}
              slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'past-day-venue' } }}
            />
          </Section>
          <Section title={translate(`${T}.sections.attendance`)}>
            <CountGrid
              rows={GENDERS}
              columns={AGE_GROUPS}
              rowLabel={(gender) => translate(`resources.meetings.attendance.genders.${gender}`)}
              columnLabel={(age) => translate(`resources.meetings.attendance.ages.${age}`)}
              value={(gender, age) => draft.attendance[gender][age]}
              onChange={(gender, age, count) => update({ attendance: { ...draft.attendance, [gender]: { ...draft.attendance[gender], [age]: count } } })}
              testId="past-day-attendance"
              labelWidth="minmax(72px, 120px)"
              cellWidth="56px"
            />
            <Typography data-testid="past-day-attendance-total">{translate('resources.meetings.attendance.total', { total: totalOf(draft.attendance) })}</Typography>
          </Section>
          <Section title={translate(`${T}.sections.concerns`)} help={translate(`${T}.helpers.concerns`)}>
            <CountGrid
              rows={CONCERN_TOPICS}
              columns={SENSITIVITIES}
              rowLabel={(topic) => translate(`resources.meetings.concerns.topics.${topic}`)}
              columnLabel={(sensitivity) => translate(`resources.meetings.concerns.sensitivities.${sensitivity}`)}
              value={concernValue}
              onChange={(topic, sensitivity, count) => update({ concerns: { ...draft.concerns, [topic]: { ...draft.concerns[topic], [sensitivity]: count } } })}
              testId="past-day-concerns"
              labelWidth="minmax(96px, 240px)"
              cellWidth="56px"
            />
          </Section>
          <Section title={translate(`${T}.sections.feedback`)} help={translate(`${T}.helpers.feedback`)}>
            <CountGrid
              rows={SCORE_QUESTIONS}
              columns={SCORES}
              rowLabel={(question) => translate(`${T}.feedback.${question}`)}
              columnLabel={(score) => String(score)}
              value={(question, score) => draft.feedback[question][score - 1] ?? 0}
              onChange={(question, score, count) =>
                update({ feedback: { ...draft.feedback, [question]: draft.feedback[question].map((value, i) => (i === score - 1 ? count : value)) } })
              }
              testId="past-day-feedback"
              labelWidth="minmax(72px, 160px)"
              cellWidth="48px"
            />
            <CountGrid
              rows={['contact'] as const}
              columns={CONTACT_ANSWERS}
              rowLabel={() => translate(`${T}.feedback.contact`)}
              columnLabel={(answer) => translate(`resources.meetings.feedback.${answer}`)}
              value={(_row, answer) => draft.feedback.contact[answer]}
              onChange={(_row, answer, count) => update({ feedback: { ...draft.feedback, contact: { ...draft.feedback.contact, [answer]: count } } })}
              testId="past-day-feedback"
              labelWidth="minmax(72px, 160px)"
              cellWidth="64px"
            />
            <Typography variant="body2" data-testid="past-day-respondents">
              {translate(`${T}.feedback.respondents`, answered)}
            </Typography>
          </Section>
          <Section title={translate(`${T}.sections.minutes`)} help={translate(`${T}.helpers.minutes`)}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <input
                ref={fileInput}
                hidden
                type="file"
                accept={SIGN_IN_SHEET_ACCEPT}
                data-testid="past-day-minutes-input"
                onChange={(event) => {
                  const file = event.target.files?.[0] ?? null;
                  const problem = file ? checkSheetSize(file.size, `${T}.minutesFile`) : null;
                  setFileProblem(problem);
                  setMinutes(problem ? null : file);
                }}
              />
              <Button variant="outlined" size="large" onClick={() => fileInput.current?.click()}>
                {translate(`${T}.minutesFile.upload`)}
              </Button>
              <Typography variant="body2">{minutes ? minutes.name : translate(`${T}.noMinutes`)}</Typography>
            </Stack>
            {fileProblem && <Alert severity="error">{translate(fileProblem)}</Alert>}
          </Section>
          <SaveControls form={form} label={`${T}.save`} testId="past-day-save" missingTestId="past-day-missing" />
        </Stack>
      </CardContent>
    </Card>
  );
};
