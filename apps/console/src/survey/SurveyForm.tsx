import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { RAISER_AGE_GROUPS, RAISER_GENDERS } from '@rd/contracts';
import { useState } from 'react';
import type { SurveyTexts } from './surveyTexts';

/** One resident's answer as the form collects it (the public route's body, the kiosk's response). */
export interface SurveyAnswer {
  usefulness: number;
  trustInPolice: number;
  wouldContactPoliceFirst: boolean;
  gender?: (typeof RAISER_GENDERS)[number];
  ageGroup?: (typeof RAISER_AGE_GROUPS)[number];
  comment?: string;
  slipCode?: string;
}

interface Choice<T> {
  value: T;
  label: string;
}

/** Large buttons, one tap per answer; tapping the chosen one again clears it (the style of the field kit's BigToggle). */
function Buttons<T extends string | number | boolean>(props: { value: T | undefined; choices: readonly Choice<T>[]; onChange: (next: T | undefined) => void; testId: string; label: string }) {
  return (
    <ToggleButtonGroup
      exclusive
      color="primary"
      value={props.value === undefined ? null : String(props.value)}
      onChange={(_, next: string | null) => props.onChange(props.choices.find((c) => String(c.value) === next)?.value)}
      aria-label={props.label}
      sx={{ flexWrap: 'wrap', gap: 1, '& .MuiToggleButtonGroup-grouped': { border: 1, borderColor: 'divider', borderRadius: 1 } }}
    >
      {props.choices.map((choice) => (
        <ToggleButton
          key={String(choice.value)}
          value={String(choice.value)}
          data-testid={`${props.testId}-${String(choice.value)}`}
          sx={{ minWidth: 56, minHeight: 56, fontSize: 20, textTransform: 'none', '&.Mui-selected, &.Mui-selected:hover': { bgcolor: 'primary.main', color: 'primary.contrastText' } }}
        >
          {choice.label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

const Question = ({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) => (
  <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
    <Typography component="legend" variant="h6" sx={{ mb: 0.5 }}>
      {label}
    </Typography>
    {hint && (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {hint}
      </Typography>
    )}
    {children}
  </Box>
);

const SCORES = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));

/** The survey's questions for one person; `onSubmit` gets a complete answer. Used by the public form and the kiosk. */
export function SurveyForm({ texts, slipCodeRequired, onSubmit, busy }: { texts: SurveyTexts; slipCodeRequired: boolean; onSubmit: (answer: SurveyAnswer) => void; busy?: boolean }) {
  const [usefulness, setUsefulness] = useState<number>();
  const [trust, setTrust] = useState<number>();
  const [first, setFirst] = useState<boolean>();
  const [gender, setGender] = useState<SurveyAnswer['gender']>();
  const [ageGroup, setAgeGroup] = useState<SurveyAnswer['ageGroup']>();
  const [comment, setComment] = useState('');
  const [slipCode, setSlipCode] = useState('');
  const complete = usefulness !== undefined && trust !== undefined && first !== undefined && (!slipCodeRequired || slipCode.trim().length > 0);
  const optional = (label: string) => `${label} (${texts.optional})`;

  const submit = () => {
    if (!complete) return;
    onSubmit({
      usefulness,
      trustInPolice: trust,
      wouldContactPoliceFirst: first,
      ...(gender ? { gender } : {}),
      ...(ageGroup ? { ageGroup } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(slipCodeRequired ? { slipCode: slipCode.trim().toUpperCase() } : {}),
    });
  };

  return (
    <Stack spacing={3} component="form" onSubmit={(event) => (event.preventDefault(), submit())} data-testid="survey-form">
      <Typography variant="body2" color="text.secondary">
        {texts.anonymous}
      </Typography>
      {slipCodeRequired && (
        <TextField
          label={texts.slipCode}
          value={slipCode}
          onChange={(event) => setSlipCode(event.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'survey-slip-code', autoCapitalize: 'characters', autoComplete: 'off', maxLength: 6, style: { fontSize: 24, letterSpacing: 4 } } }}
        />
      )}
      <Question label={texts.usefulness} hint={texts.scaleHint}>
        <Buttons value={usefulness} choices={SCORES} onChange={setUsefulness} testId="survey-usefulness" label={texts.usefulness} />
      </Question>
      <Question label={texts.trust} hint={texts.scaleHint}>
        <Buttons value={trust} choices={SCORES} onChange={setTrust} testId="survey-trust" label={texts.trust} />
      </Question>
      <Question label={texts.contactFirst}>
        <Buttons
          value={first}
          choices={[
            { value: true, label: texts.yes },
            { value: false, label: texts.no },
          ]}
          onChange={setFirst}
          testId="survey-first"
          label={texts.contactFirst}
        />
      </Question>
      <Question label={optional(texts.gender)}>
        <Buttons
          value={gender}
          choices={RAISER_GENDERS.map((g) => ({ value: g, label: g === 'female' ? texts.female : texts.male }))}
          onChange={setGender}
          testId="survey-gender"
          label={texts.gender}
        />
      </Question>
      <Question label={optional(texts.ageGroup)}>
        <Buttons value={ageGroup} choices={RAISER_AGE_GROUPS.map((a) => ({ value: a, label: texts.ages[a] }))} onChange={setAgeGroup} testId="survey-age" label={texts.ageGroup} />
      </Question>
      <TextField
        label={optional(texts.comment)}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'survey-comment' } }}
      />
      <Button type="submit" variant="contained" size="large" disabled={!complete || busy} sx={{ minHeight: 56, fontSize: 20 }} data-testid="survey-send">
        {texts.send}
      </Button>
    </Stack>
  );
}
