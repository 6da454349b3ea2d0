import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import CssBaseline from '@mui/material/CssBaseline';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { SURVEY_LANGUAGES, type PublicSurvey, type SurveyLanguage } from '@rd/contracts';
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig } from '../config';
import { randomKey } from '../data/idempotencyKeys';
import { AnswerQueue, httpAnswerSender, type SendOutcome } from './answerQueue';
import { SurveyForm, type SurveyAnswer } from './SurveyForm';
import { SURVEY_TEXTS } from './surveyTexts';

/**
 * The resident survey behind `/s/{code}` (ADR 46): no sign-in, no react-admin; loaded on its own so it weighs
 * nothing on the console. The survey is kept on the phone once seen, and answers given offline wait in
 * localStorage with their Idempotency-Key until the connection is back.
 */
const theme = createTheme({ palette: { primary: { main: '#1a5a96' } }, typography: { fontSize: 16 } });
const RETRY_MS = 15_000;

type Loaded = { kind: 'loading' } | { kind: 'ready'; survey: PublicSurvey } | { kind: 'not-found' } | { kind: 'failed' };
type Phase = { kind: 'form' } | { kind: 'done'; outcome: SendOutcome };

const cacheKey = (code: string) => `rd.survey.${code}`;

async function fetchSurvey(apiUrl: string, code: string): Promise<Loaded> {
  try {
    const response = await fetch(`${apiUrl}/public/surveys/${encodeURIComponent(code)}`, { headers: { Accept: 'application/json' } });
    if (response.status === 404) return { kind: 'not-found' };
    if (!response.ok) throw new Error(`answered ${response.status}`);
    const survey = (await response.json()) as PublicSurvey;
    localStorage.setItem(cacheKey(code), JSON.stringify(survey));
    return { kind: 'ready', survey };
  } catch {
    // Offline: the copy kept when the phone last saw this survey.
    const kept = localStorage.getItem(cacheKey(code));
    return kept ? { kind: 'ready', survey: JSON.parse(kept) as PublicSurvey } : { kind: 'failed' };
  }
}

function SurveyApp({ code, apiUrl }: { code: string; apiUrl: string }) {
  const queue = useMemo(() => new AnswerQueue(localStorage, httpAnswerSender(apiUrl)), [apiUrl]);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [language, setLanguage] = useState<SurveyLanguage | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [waiting, setWaiting] = useState(() => queue.pending().length);
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void fetchSurvey(apiUrl, code).then(setLoaded);
  }, [apiUrl, code]);

  // Back online (or every little while): send what waits, oldest first.
  useEffect(() => {
    const flush = () => void queue.flush().then(setWaiting);
    flush();
    window.addEventListener('online', flush);
    const timer = window.setInterval(flush, RETRY_MS);
    return () => {
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [queue]);

  const lang = language ?? (loaded.kind === 'ready' ? loaded.survey.language : 'ru');
  const texts = SURVEY_TEXTS[lang];
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const submit = async (answer: SurveyAnswer) => {
    setBusy(true);
    const outcome = await queue.submit({ key: randomKey(), code, body: { ...answer } });
    setWaiting(queue.pending().length);
    setBusy(false);
    setPhase({ kind: 'done', outcome });
  };
  const next = () => {
    setPhase({ kind: 'form' });
    setRound((n) => n + 1);
    window.scrollTo(0, 0);
  };

  return (
    <Container maxWidth="sm" sx={{ py: 2 }} data-testid="survey-app">
      <Stack spacing={2}>
        <ToggleButtonGroup exclusive size="small" value={lang} onChange={(_, next: SurveyLanguage | null) => next && setLanguage(next)} aria-label={texts.language}>
          {SURVEY_LANGUAGES.map((l) => (
            <ToggleButton key={l} value={l} lang={l} data-testid={`survey-lang-${l}`} sx={{ minHeight: 44, textTransform: 'none' }}>
              {SURVEY_TEXTS[l].languageName}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {loaded.kind === 'loading' && <Typography>{texts.loading}</Typography>}
        {loaded.kind === 'not-found' && <Alert severity="warning">{texts.notFound}</Alert>}
        {loaded.kind === 'failed' && <Alert severity="error">{texts.failed}</Alert>}
        {loaded.kind === 'ready' && (
          <>
            <Box>
              <Typography variant="h5" component="h1" data-testid="survey-title">
                {loaded.survey.meetingTitle}
              </Typography>
              <Typography color="text.secondary">{loaded.survey.communityName}</Typography>
            </Box>
            {!loaded.survey.open ? (
              <Alert severity="info" data-testid="survey-closed">
                {texts.closed}
              </Alert>
            ) : phase.kind === 'form' ? (
              <SurveyForm key={round} texts={texts} slipCodeRequired={loaded.survey.slipCodeRequired} onSubmit={(a) => void submit(a)} busy={busy} />
            ) : (
              <Stack spacing={3} data-testid="survey-done">
                {phase.outcome.kind === 'sent' && <Alert severity="success">{texts.thanks}</Alert>}
                {phase.outcome.kind === 'offline' && (
                  <Alert severity="info" data-testid="survey-saved-offline">
                    {texts.savedOffline}
                  </Alert>
                )}
                {phase.outcome.kind === 'refused' && <Alert severity="warning">{texts.refused[phase.outcome.code ?? ''] ?? texts.failed}</Alert>}
                <Button variant="contained" size="large" onClick={next} sx={{ minHeight: 56, fontSize: 20 }} data-testid="survey-next">
                  {texts.next}
                </Button>
              </Stack>
            )}
          </>
        )}
        {waiting > 0 && (
          <Typography variant="body2" data-testid="survey-waiting">
            {texts.waiting.replace('{n}', String(waiting))}
          </Typography>
        )}
      </Stack>
    </Container>
  );
}

/** Renders the resident survey in place of the console. */
export async function mountSurvey(root: HTMLElement, code: string): Promise<void> {
  const config = await loadConfig();
  createRoot(root).render(
    <StrictMode>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <SurveyApp code={code} apiUrl={config.apiUrl} />
      </ThemeProvider>
    </StrictMode>,
  );
}
