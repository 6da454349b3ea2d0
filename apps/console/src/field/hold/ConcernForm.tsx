import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { CONCERN_TOPICS, RAISER_AGE_GROUPS, RAISER_GENDERS, SENSITIVITIES, type RecordConcernInput } from '@rd/contracts';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { BigToggle } from '../../meetings/fieldKit';
import { buildConcernInput, emptyConcern, type ConcernDraft } from '../../meetings/inputs';
import { isUnlocked, sealFields } from '../vault/vault';
import { meetingPath, type HoldContext } from './holdPack';
import { SaveWithPin } from './SaveWithPin';

const C = 'resources.meetings.concerns';

/**
 * A concern as ConcernsPanel records it (POST concerns). A confidential one's text and answer are sealed with the
 * device PIN's key before they touch IndexedDB; its other handlers are added online (the recorder is its handler).
 */
export const ConcernForm = ({ hold, onSaved }: { hold: HoldContext; onSaved: () => void }) => {
  const translate = useTranslate();
  const [draft, setDraft] = useState<ConcernDraft>(emptyConcern);
  const [errors, setErrors] = useState<string[]>([]);
  const [askPin, setAskPin] = useState(false);
  const update = (patch: Partial<ConcernDraft>) => setDraft({ ...draft, ...patch });
  const t = (path: string) => translate(`${C}.${path}`);

  const store = async (input: RecordConcernInput) => {
    const summary = `${t(`topics.${input.topic}`)} · ${t(`sensitivities.${input.sensitivity}`)}`;
    const base = { kind: 'concern', method: 'POST' as const, path: meetingPath(hold.parts.meeting.id, 'concerns'), summary };
    if (input.sensitivity === 'confidential') {
      await hold.save({ ...base, ...(await sealFields(hold.userId, input, ['text', 'answer'])), confidential: true });
    } else {
      await hold.save({ ...base, body: input });
    }
    setDraft(emptyConcern());
    onSaved();
  };

  const save = async () => {
    const built = buildConcernInput(draft, hold.userId);
    if (!built.ok) return setErrors(built.errors);
    setErrors([]);
    if (built.value.sensitivity === 'confidential' && !isUnlocked(hold.userId)) return setAskPin(true);
    await store(built.value);
  };

  return (
    <Stack spacing={2} data-testid="field-concern">
      <Box>
        <Typography gutterBottom>{t('topic')}</Typography>
        <BigToggle value={draft.topic || null} choices={CONCERN_TOPICS.map((topic) => ({ value: topic, label: t(`topics.${topic}`) }))} onChange={(topic) => update({ topic: topic ?? '' })} testId="field-concern-topic" />
      </Box>
      <Box>
        <Typography gutterBottom>{t('sensitivity')}</Typography>
        <BigToggle
          value={draft.sensitivity}
          allowClear={false}
          choices={SENSITIVITIES.map((value) => ({ value, label: t(`sensitivities.${value}`) }))}
          onChange={(sensitivity) => sensitivity && update({ sensitivity })}
          testId="field-concern-sensitivity"
        />
        <Typography variant="caption" color="text.secondary" sx={{ mt: 0.5, display: 'block' }}>
          {draft.sensitivity === 'confidential' ? translate('field.hold.concern.sealed') : t(`sensitivityHelp.${draft.sensitivity}`)}
        </Typography>
      </Box>
      <TextField label={t('text')} value={draft.text} onChange={(event) => update({ text: event.target.value })} multiline minRows={3} slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'field-concern-text' } }} />
      <TextField label={t('answer')} value={draft.answer} onChange={(event) => update({ answer: event.target.value })} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'field-concern-answer' } }} />
      <FormControlLabel
        control={<Switch checked={draft.followUpNeeded} onChange={(event) => update({ followUpNeeded: event.target.checked })} />}
        label={t('followUpNeeded')}
        sx={{ minHeight: 48 }}
      />
      <Box>
        <Typography gutterBottom>{t('raiserGender')}</Typography>
        <BigToggle value={draft.gender} choices={RAISER_GENDERS.map((value) => ({ value, label: translate(`resources.meetings.genders.${value}`) }))} onChange={(gender) => update({ gender })} testId="field-concern-gender" />
      </Box>
      <Box>
        <Typography gutterBottom>{t('raiserAge')}</Typography>
        <BigToggle value={draft.ageGroup} choices={RAISER_AGE_GROUPS.map((value) => ({ value, label: translate(`resources.meetings.ageGroups.${value}`) }))} onChange={(ageGroup) => update({ ageGroup })} testId="field-concern-age" />
      </Box>
      <SaveWithPin userId={hold.userId} errors={errors} askPin={askPin} onAskPinDone={() => setAskPin(false)} save={save} label={t('save')} testId="field-concern-save" />
    </Stack>
  );
};
