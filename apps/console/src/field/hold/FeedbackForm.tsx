import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { RAISER_AGE_GROUPS, RAISER_GENDERS } from '@rd/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { BigToggle } from '../../meetings/fieldKit';
import { buildFeedbackBatch, emptyFeedbackRow, type FeedbackRow } from '../../meetings/inputs';
import { meetingPath, type HoldContext } from './holdPack';

const F = 'resources.meetings.feedback';
const SCORES = [1, 2, 3, 4, 5] as const;

const Question = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box>
    <Typography gutterBottom>{label}</Typography>
    {children}
  </Box>
);

/** One paper survey answer at a time, entered by staff (POST feedback with a batch of one, as FeedbackPanel sends). */
export const FeedbackForm = ({ hold, onSaved }: { hold: HoldContext; onSaved: () => void }) => {
  const translate = useTranslate();
  const [row, setRow] = useState<FeedbackRow>(emptyFeedbackRow);
  const [errors, setErrors] = useState<string[]>([]);
  const patch = (next: Partial<FeedbackRow>) => setRow({ ...row, ...next });
  const t = (path: string) => translate(`${F}.${path}`);
  const count = hold.actions.filter((action) => action.kind === 'feedback').length;

  const save = async () => {
    const built = buildFeedbackBatch([row]);
    if (!built.ok) return setErrors(built.errors);
    setErrors([]);
    await hold.save({ kind: 'feedback', method: 'POST', path: meetingPath(hold.parts.meeting.id, 'feedback'), body: built.value, summary: `${row.usefulness} · ${row.trust}` });
    setRow(emptyFeedbackRow());
    onSaved();
  };

  const scores = SCORES.map((value) => ({ value, label: String(value) }));
  return (
    <Stack spacing={2} data-testid="field-feedback">
      <Typography data-testid="field-feedback-count">{translate('field.hold.feedback.count', { smart_count: count })}</Typography>
      <Question label={t('usefulness')}>
        <BigToggle value={row.usefulness} choices={scores} onChange={(usefulness) => patch({ usefulness })} testId="field-feedback-usefulness" />
      </Question>
      <Question label={t('trust')}>
        <BigToggle value={row.trust} choices={scores} onChange={(trust) => patch({ trust })} testId="field-feedback-trust" />
      </Question>
      <Question label={t('contactFirst')}>
        <BigToggle
          value={row.contactFirst}
          choices={[
            { value: true, label: t('yes') },
            { value: false, label: t('no') },
          ]}
          onChange={(contactFirst) => patch({ contactFirst })}
          testId="field-feedback-contact-first"
        />
      </Question>
      <Question label={t('gender')}>
        <BigToggle value={row.gender} choices={RAISER_GENDERS.map((value) => ({ value, label: translate(`resources.meetings.genders.${value}`) }))} onChange={(gender) => patch({ gender })} testId="field-feedback-gender" />
      </Question>
      <Question label={t('ageGroup')}>
        <BigToggle value={row.ageGroup} choices={RAISER_AGE_GROUPS.map((value) => ({ value, label: translate(`resources.meetings.ageGroups.${value}`) }))} onChange={(ageGroup) => patch({ ageGroup })} testId="field-feedback-age" />
      </Question>
      <TextField label={t('comment')} value={row.comment} onChange={(event) => patch({ comment: event.target.value })} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 2000 } }} />
      {errors.map((error) => (
        <Alert key={error} severity="error">
          {translate(error)}
        </Alert>
      ))}
      <Button variant="contained" size="large" sx={{ minHeight: 56 }} onClick={() => void save()} data-testid="field-feedback-save">
        {translate('field.hold.feedback.save')}
      </Button>
    </Stack>
  );
};
