import Alert from '@mui/material/Alert';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import { inLanguage } from '../briefings/briefingText';
import { formatInZone, zoneLabel } from '../meetings/timeZone';
import { packsOf, sessionExpired } from './deviceIdentity';
import type { DeviceIdentity, MeetingPack } from './fieldDb';
import { HoldSlot } from './HoldSlot';
import { partsOf, type PackParts } from './meetingPack';
import { StatusSlot } from './StatusSlot';
import { formatDate } from '../i18n/dates';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface FieldAppProps {
  identity: DeviceIdentity;
  locale: string;
  translate: Translate;
  /** Offline: started from the device without Keycloak (read and queue only). Online: opened from the console. */
  mode: 'offline' | 'online';
  /** The packs already read at an offline start; otherwise read here. */
  packs?: MeetingPack[];
  /** Online: back to the console. Offline: once the connection is back, sign in (a reload through Keycloak). */
  onLeave: () => void;
}

/**
 * The day of a meeting on a phone (360 px first), with or without signal: the user's name and the queue's status on
 * top, the meetings taken offline on this device, and per meeting its plan and the hold forms. Reads only the device's
 * database, never react-admin's data provider, so it runs the same before sign-in as after.
 */
export const FieldApp = ({ identity, locale, translate, mode, packs: initial, onLeave }: FieldAppProps) => {
  const [packs, setPacks] = useState<MeetingPack[] | undefined>(initial);
  const [openId, setOpenId] = useState<string | null>(initial?.length === 1 ? initial[0].meetingId : null);
  const online = useOnline();
  useEffect(() => {
    if (initial) return;
    packsOf(identity.userId).then(setPacks, () => setPacks([]));
  }, [identity.userId, initial]);
  const open = packs?.find((pack) => pack.meetingId === openId);
  const time = (epochMs: number) => formatDate(epochMs, locale, { time: true });
  return (
    <Box lang={locale} sx={{ maxWidth: 720, mx: 'auto', minHeight: '100vh', bgcolor: 'background.default' }} data-testid="field-app" data-mode={mode}>
      <AppBar position="static" elevation={0}>
        <Toolbar sx={{ gap: 1, flexWrap: 'wrap', py: 1 }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="h6" component="h1" sx={{ lineHeight: 1.2 }}>
              {translate('field.plan.title')}
            </Typography>
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid="field-user">
              {identity.name}
            </Typography>
          </Box>
          <StatusSlot identity={identity} />
          {mode === 'online' && (
            <Button color="inherit" variant="outlined" onClick={onLeave} data-testid="field-to-console">
              {translate('field.plan.toConsole')}
            </Button>
          )}
        </Toolbar>
      </AppBar>
      <Stack component="main" spacing={2} sx={{ p: 2 }}>
        {mode === 'offline' && (online ? <Reconnected translate={translate} onSignIn={onLeave} /> : <Alert severity="info">{translate('field.plan.offline')}</Alert>)}
        {mode === 'offline' && sessionExpired(identity, Date.now()) && (
          <Alert severity="warning" data-testid="field-session-expired">
            {translate('field.plan.sessionExpired')}
          </Alert>
        )}
        {open ? (
          <>
            <Button variant="text" onClick={() => setOpenId(null)} sx={{ alignSelf: 'flex-start' }} data-testid="field-all-meetings">
              ← {translate('field.plan.allMeetings')}
            </Button>
            <MeetingPlan pack={open} identity={identity} locale={locale} translate={translate} time={time} />
          </>
        ) : (
          <PackList packs={packs} locale={locale} translate={translate} time={time} onOpen={setOpenId} />
        )}
      </Stack>
    </Box>
  );
};

/** navigator.onLine, kept current by the browser's online/offline events. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

// Signal in a field comes and goes: the screen offers to sign in rather than reloading under the user's thumb.
const Reconnected = ({ translate, onSignIn }: { translate: Translate; onSignIn: () => void }) => (
  <Alert
    severity="success"
    data-testid="field-reconnected"
    action={
      <Button color="inherit" onClick={onSignIn} data-testid="field-sign-in">
        {translate('field.plan.signIn')}
      </Button>
    }
  >
    {translate('field.plan.reconnected')}
  </Alert>
);

const PackList = ({
  packs,
  locale,
  translate,
  time,
  onOpen,
}: {
  packs: MeetingPack[] | undefined;
  locale: string;
  translate: Translate;
  time: (epochMs: number) => string;
  onOpen: (meetingId: string) => void;
}) => {
  if (!packs) return null;
  if (packs.length === 0) return <Typography data-testid="field-no-packs">{translate('field.device.none')}</Typography>;
  return (
    <Stack spacing={1.5} data-testid="field-packs" aria-label={translate('field.plan.meetings')} component="section">
      <Typography variant="h6" component="h2">
        {translate('field.plan.meetings')}
      </Typography>
      {packs.map((pack) => {
        const { meeting } = partsOf(pack);
        return (
          <Card key={pack.meetingId} variant="outlined" data-testid={`field-pack-${pack.meetingId}`}>
            {/* Its name is what it shows (title, time, place): WCAG 2.5.3, as a voice user says it. */}
            <CardActionArea onClick={() => onOpen(pack.meetingId)} sx={{ minHeight: 48 }}>
              <CardContent>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                  {meeting.title}
                </Typography>
                <Typography variant="body2">{formatInZone(meeting.startsAt, meeting.timeZone, locale)}</Typography>
                <Typography variant="body2">{meeting.venueName}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate('field.plan.takenAt', { time: time(pack.takenAt) })}
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        );
      })}
    </Stack>
  );
};

const Section = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Box component="section" data-testid={testId} aria-label={title}>
    <Typography variant="h6" component="h3" sx={{ mb: 0.5 }}>
      {title}
    </Typography>
    {children}
  </Box>
);

const Lines = ({ rows, none }: { rows: { key: string; primary: ReactNode; secondary?: ReactNode }[]; none: string }) =>
  rows.length === 0 ? (
    <Typography color="text.secondary">{none}</Typography>
  ) : (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {rows.map((row) => (
        <Box component="li" key={row.key} sx={{ mb: 0.75, overflowWrap: 'anywhere' }}>
          <Typography>{row.primary}</Typography>
          {row.secondary && (
            <Typography variant="body2" color="text.secondary">
              {row.secondary}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );

/** One meeting's plan as taken offline: what, when (in the district's zone), where, the agenda and everyone to meet. */
export const MeetingPlan = ({
  pack,
  identity,
  locale,
  translate,
  time,
}: {
  pack: MeetingPack;
  identity: DeviceIdentity;
  locale: string;
  translate: Translate;
  time: (epochMs: number) => string;
}) => {
  const parts: PackParts = partsOf(pack);
  const { meeting } = parts;
  const t = (key: string, options?: Record<string, unknown>) => translate(`field.plan.${key}`, options);
  const none = t('none');
  const briefingOf = (id: string | null) => parts.briefings.find((briefing) => briefing.id === id);
  const communityName = (id: string) => parts.communities.find((community) => community.id === id)?.name ?? '—';
  return (
    <Stack spacing={2.5} data-testid={`field-plan-${meeting.id}`}>
      <Box>
        <Typography variant="h5" component="h2" sx={{ overflowWrap: 'anywhere' }} data-testid="field-plan-title">
          {meeting.title}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('field.device.available', { time: time(pack.takenAt) })}
        </Typography>
      </Box>
      <Section title={t('when')} testId="field-plan-when">
        <Typography>{formatInZone(meeting.startsAt, meeting.timeZone, locale)}</Typography>
        <Typography variant="body2" color="text.secondary">
          {zoneLabel(meeting.startsAt, meeting.timeZone)}
        </Typography>
      </Section>
      <Section title={t('where')} testId="field-plan-where">
        <Typography>{meeting.venueName}</Typography>
        {meeting.venueAccessibility && (
          <Typography variant="body2" color="text.secondary">
            {meeting.venueAccessibility}
          </Typography>
        )}
      </Section>
      <Section title={t('communities')} testId="field-plan-communities">
        <Lines none={none} rows={parts.communities.map((community) => ({ key: community.id, primary: community.name }))} />
      </Section>
      <Section title={t('agenda')} testId="field-plan-agenda">
        <Lines
          none={none}
          rows={parts.agenda.items.map((item) => {
            const briefing = briefingOf(item.briefingId);
            return { key: item.id, primary: `${item.position}. ${item.title}`, secondary: briefing ? inLanguage(briefing.title, locale) : undefined };
          })}
        />
      </Section>
      <Section title={t('checklist')} testId="field-plan-checklist">
        <Lines
          none={none}
          rows={parts.checklist.map((item) => ({ key: item.id, primary: `${item.done ? '✓ ' : ''}${item.title}`, secondary: item.done ? t('done') : t('due', { date: item.dueDate }) }))}
        />
      </Section>
      <Section title={t('carryOver')} testId="field-plan-carry-over">
        <Lines
          none={none}
          rows={parts.carryOver.concerns.map((concern) => ({ key: concern.concernId, primary: concern.text, secondary: concern.answer ? t('answer', { answer: concern.answer }) : undefined }))}
        />
        {parts.carryOver.confidentialOpenCount > 0 && (
          <Typography variant="body2" color="text.secondary" data-testid="field-plan-confidential-count">
            {t('confidentialOpen', { count: parts.carryOver.confidentialOpenCount })}
          </Typography>
        )}
      </Section>
      <Section title={t('invitees')} testId="field-plan-invitees">
        <Lines
          none={none}
          rows={[
            ...parts.invitees.contacts.map((contact) => ({ key: contact.id, primary: contact.name || '—', secondary: contact.position ?? undefined })),
            ...parts.invitees.organisations.map((organisation) => ({ key: organisation.id, primary: organisation.name })),
          ]}
        />
      </Section>
      <Section title={t('briefings')} testId="field-plan-briefings">
        {parts.briefings.length === 0 ? (
          <Typography color="text.secondary">{none}</Typography>
        ) : (
          parts.briefings.map((briefing) => (
            <Box component="details" key={briefing.id} sx={{ mb: 1, '& summary': { minHeight: 48, display: 'flex', alignItems: 'center', cursor: 'pointer' } }}>
              <Box component="summary" sx={{ fontWeight: 600 }}>
                {inLanguage(briefing.title, locale)}
              </Box>
              <Typography variant="body2" sx={{ mb: 1 }}>
                {inLanguage(briefing.summary, locale)}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{inLanguage(briefing.body, locale)}</Typography>
            </Box>
          ))
        )}
      </Section>
      <Section title={t('officers')} testId="field-plan-officers">
        {parts.officers.length === 0 ? (
          <Typography color="text.secondary">{t('noOfficer')}</Typography>
        ) : (
          <Stack spacing={1}>
            {parts.officers.map((officer) => (
              <Card variant="outlined" key={`${officer.communityId}.${officer.officerContactId}`} data-testid={`field-officer-${officer.officerContactId}`}>
                <CardContent>
                  <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                    {officer.name}
                  </Typography>
                  {officer.position && <Typography variant="body2">{officer.position}</Typography>}
                  <Typography variant="body2" color="text.secondary">
                    {communityName(officer.communityId)}
                  </Typography>
                  {officer.phone && (
                    <Typography>
                      {t('phone')}:{' '}
                      <a href={`tel:${officer.phone.replace(/[^+\d]/g, '')}`} style={{ color: 'inherit' }}>
                        {officer.phone}
                      </a>
                    </Typography>
                  )}
                  {officer.policeUnitName && (
                    <Typography variant="body2">
                      {t('unit')}: {officer.policeUnitName}
                    </Typography>
                  )}
                </CardContent>
              </Card>
            ))}
          </Stack>
        )}
      </Section>
      <Section title={t('survey')} testId="field-plan-survey">
        <Lines none={none} rows={parts.survey.map((question) => ({ key: question.key, primary: translate(`resources.meetings.feedback.${question.key}`) }))} />
      </Section>
      <Section title={t('hold')} testId="field-plan-hold">
        <HoldSlot pack={pack} identity={identity} translate={translate} />
      </Section>
    </Stack>
  );
};
