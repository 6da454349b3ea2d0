import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import GlobalStyles from '@mui/material/GlobalStyles';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ResidentSurveyView, SurveyLanguage } from '@rd/contracts';
import qrcode from 'qrcode-generator';
import { useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useApiQuery, useInvalidateApi } from '../data/apiQueries';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { SurveyForm, type SurveyAnswer } from './SurveyForm';
import { SURVEY_TEXTS } from './surveyTexts';

const T = 'resources.meetings.feedback.survey';
/** The printable QR page carries this class; printing shows it alone (as the minutes' print view, ADR 40). */
const PRINT_AREA = 'survey-print';
const PRINT_STYLES = {
  '@media print': {
    [`body *:not(:has(.${PRINT_AREA})):not(.${PRINT_AREA}):not(.${PRINT_AREA} *)`]: { display: 'none !important' },
    [`.${PRINT_AREA}`]: { display: 'block !important' },
    '@page': { size: 'A4', margin: '15mm' },
    body: { background: '#fff' },
  },
} as const;

export const surveyLink = (code: string) => `${window.location.origin}/s/${code}`;

/** A QR code of `text` as a data: URL (the console's CSP allows data: images). */
function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(8, 16);
}

/** Open, close and reopen the meeting's resident survey, show its link, print its QR page; start the kiosk. */
export function ResidentSurveyPanel({ meetingId }: { meetingId: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const invalidate = useInvalidateApi();
  const path = `meetings/${encodeURIComponent(meetingId)}/survey`;
  const query = useApiQuery<ResidentSurveyView>(path);
  const survey = query.error ? null : (query.data ?? null);
  const [slips, setSlips] = useState('0');
  const [kiosk, setKiosk] = useState(false);

  const call = (suffix: string, body: unknown) =>
    dataProvider
      .meetingCall('POST', meetingId, `survey${suffix}`, body)
      .then(() => invalidate(path))
      .catch((error: Error) => notify(error.message, { type: 'error' }));

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="resident-survey-panel">
      <Stack spacing={2}>
        <Typography variant="h6">{translate(`${T}.title`)}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate(`${T}.help`)}
        </Typography>
        {!survey ? (
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <TextField
              type="number"
              label={translate(`${T}.slipCodes`)}
              value={slips}
              onChange={(event) => setSlips(event.target.value)}
              slotProps={{ htmlInput: { min: 0, max: 500, 'data-testid': 'survey-open-slips' } }}
              sx={{ width: 260 }}
            />
            <Button variant="contained" size="large" onClick={() => void call('', { slipCodes: Math.max(0, Math.min(500, Number(slips) || 0)) })} data-testid="survey-open">
              {translate(`${T}.open`)}
            </Button>
          </Stack>
        ) : (
          <>
            <Typography data-testid="survey-link">
              {translate(`${T}.link`)}: <strong>{surveyLink(survey.code)}</strong>
            </Typography>
            <Typography data-testid="survey-state">
              {translate(`${T}.state`, {
                state: translate(`${T}.states.${survey.state}`),
                responses: survey.responses,
                cap: survey.responseCap,
                from: survey.opensOn,
                to: survey.closesOn,
              })}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
              {survey.closed ? (
                <Button variant="outlined" onClick={() => void call('/reopen', {})} data-testid="survey-reopen">
                  {translate(`${T}.reopen`)}
                </Button>
              ) : (
                <Button variant="outlined" onClick={() => void call('/close', {})} data-testid="survey-close">
                  {translate(`${T}.close`)}
                </Button>
              )}
              <Button variant="outlined" onClick={() => window.print()} data-testid="survey-print-button">
                {translate(`${T}.print`)}
              </Button>
            </Stack>
            <SurveyPrintPage survey={survey} />
          </>
        )}
        <Box>
          <Button variant="contained" color="secondary" size="large" onClick={() => setKiosk(true)} data-testid="kiosk-start">
            {translate(`${T}.kiosk`)}
          </Button>
        </Box>
      </Stack>
      {kiosk && <KioskMode meetingId={meetingId} language={survey?.language} slipCodeRequired={false} onLeave={() => setKiosk(false)} onAnswered={() => invalidate(`meetings/${encodeURIComponent(meetingId)}/feedback/summary`)} />}
    </Paper>
  );
}

/** The A4 page to pin up: meeting, QR code and short link in the community's language; then the tear-off slips. */
function SurveyPrintPage({ survey }: { survey: ResidentSurveyView }) {
  const texts = SURVEY_TEXTS[survey.language];
  const link = surveyLink(survey.code);
  return (
    <Box className={PRINT_AREA} lang={survey.language} sx={{ display: 'none' }} data-testid="survey-print-page">
      <GlobalStyles styles={PRINT_STYLES} />
      <Box sx={{ textAlign: 'center', breakAfter: survey.slipCodes.length ? 'page' : 'auto' }}>
        <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
          {texts.printCall}
        </Typography>
        <Typography variant="h5">{survey.meetingTitle}</Typography>
        <Typography variant="h6" sx={{ mb: 3 }}>
          {survey.communityName}
        </Typography>
        <img src={qrDataUrl(link)} alt={link} style={{ width: '110mm', height: '110mm', imageRendering: 'pixelated' }} data-testid="survey-qr" />
        <Typography sx={{ mt: 3 }}>{texts.printScan}</Typography>
        <Typography variant="h5" sx={{ fontFamily: 'monospace' }}>
          {link}
        </Typography>
        <Typography sx={{ mt: 2 }}>{texts.anonymous}</Typography>
      </Box>
      {survey.slipCodes.length > 0 && (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)' }} data-testid="survey-slips">
          {survey.slipCodes.map((slip) => (
            <Box key={slip.code} sx={{ border: '1px dashed #000', p: 1.5, textAlign: 'center', breakInside: 'avoid' }}>
              <Typography variant="body2">{texts.printSlip}</Typography>
              <Typography variant="h5" sx={{ fontFamily: 'monospace', letterSpacing: 3 }}>
                {slip.code}
              </Typography>
              <Typography variant="caption">{link}</Typography>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}

/**
 * Kiosk mode: the organiser's phone shows the form full screen for residents to answer one after another; answers
 * go through the organisers' feedback route as source `kiosk`. Leaving asks for the PIN set at the start, which is
 * kept in this component's memory only.
 */
function KioskMode(props: { meetingId: string; language?: SurveyLanguage; slipCodeRequired: boolean; onLeave: () => void; onAnswered: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [locale] = useLocaleState();
  const [pin, setPin] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [leaving, setLeaving] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [round, setRound] = useState(0);
  const [thanks, setThanks] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [language, setLanguage] = useState<SurveyLanguage>(props.language ?? ((['en', 'ru', 'tg', 'ky'] as const).find((l) => l === locale) ?? 'ru'));
  const texts = SURVEY_TEXTS[language];
  const validPin = /^\d{4,8}$/.test(typed);

  const submit = (answer: SurveyAnswer) => {
    setError(null);
    dataProvider
      .meetingCall('POST', props.meetingId, 'feedback', [{ ...answer, source: 'kiosk' }])
      .then(() => {
        props.onAnswered();
        setThanks(true);
        setRound((n) => n + 1);
        window.setTimeout(() => setThanks(false), 2500);
      })
      .catch((e: Error) => setError(e.message));
  };

  return (
    <Dialog fullScreen open data-testid="kiosk">
      <Box sx={{ p: 2, maxWidth: 600, mx: 'auto', width: '100%' }}>
        {pin === null ? (
          <Stack spacing={2}>
            <Typography variant="h6">{translate(`${T}.kiosk`)}</Typography>
            <TextField
              type="password"
              label={translate(`${T}.kioskPin`)}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'kiosk-pin' } }}
            />
            <Stack direction="row" spacing={1}>
              <Button variant="contained" size="large" disabled={!validPin} onClick={() => (setPin(typed), setTyped(''))} data-testid="kiosk-pin-set">
                {translate(`${T}.kioskStart`)}
              </Button>
              <Button size="large" onClick={props.onLeave}>
                {translate('ra.action.cancel')}
              </Button>
            </Stack>
          </Stack>
        ) : leaving ? (
          <Stack spacing={2}>
            <TextField
              type="password"
              autoFocus
              label={translate(`${T}.kioskPin`)}
              value={typed}
              error={wrong}
              helperText={wrong ? translate(`${T}.kioskWrongPin`) : undefined}
              onChange={(event) => (setTyped(event.target.value), setWrong(false))}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'kiosk-leave-pin' } }}
            />
            <Stack direction="row" spacing={1}>
              <Button variant="contained" size="large" onClick={() => (typed === pin ? props.onLeave() : (setWrong(true), setTyped('')))} data-testid="kiosk-leave-confirm">
                {translate(`${T}.kioskLeave`)}
              </Button>
              <Button size="large" onClick={() => (setLeaving(false), setTyped(''))}>
                {translate('ra.action.cancel')}
              </Button>
            </Stack>
          </Stack>
        ) : (
          <Stack spacing={2}>
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
              <Stack direction="row" spacing={0.5}>
                {(['en', 'ru', 'tg', 'ky'] as const).map((l) => (
                  <Button key={l} size="small" variant={l === language ? 'contained' : 'text'} onClick={() => setLanguage(l)} data-testid={`kiosk-lang-${l}`}>
                    {SURVEY_TEXTS[l].languageName}
                  </Button>
                ))}
              </Stack>
              <Button size="small" onClick={() => setLeaving(true)} data-testid="kiosk-leave">
                {translate(`${T}.kioskLeave`)}
              </Button>
            </Stack>
            {thanks && (
              <Alert severity="success" data-testid="kiosk-thanks">
                {texts.thanks}
              </Alert>
            )}
            {error && <Alert severity="error">{error}</Alert>}
            <SurveyForm key={round} texts={texts} slipCodeRequired={props.slipCodeRequired} onSubmit={submit} />
          </Stack>
        )}
      </Box>
    </Dialog>
  );
}
