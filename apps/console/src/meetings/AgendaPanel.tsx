import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Box from '@mui/material/Box';
import { AGENDA_ITEM_KINDS, type AgendaItemKind, type AgendaItemView, type BriefingView, type CarryOver, type MeetingAgendaView, type MeetingStatus, type ProposedStaff } from '@rd/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useGetList, useGetMany, useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { inLanguage, latestVersions } from '../briefings/briefingText';
import { useApiQuery, useInvalidateApi, useNotifyError } from '../data/apiQueries';
import { apiQueryKey } from '../data/apiQueryKey';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { UserName } from '../directory/UserName';
import { isEditable } from './inputs';

const T = 'resources.meetings.agenda';

/**
 * A legal-information item presents one briefing version (so it is known which community received which briefing
 * when): the one chosen is shown, and planners pick or change it from the newest versions of the library.
 */
const ItemBriefing = ({ meetingId, item, canPlan, onChanged }: { meetingId: string; item: AgendaItemView; canPlan: boolean; onChanged: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const { data: library } = useGetList<BriefingView>('briefings', { pagination: { page: 1, perPage: 500 } });
  const notifyError = useNotifyError();
  const [chosen, setChosen] = useState('');
  const current = library?.find((row) => row.id === item.briefingId);
  const { mutate: attach, isPending: pending } = useMutation({
    mutationFn: () => dataProvider.apiCall('POST', `meetings/${meetingId}/agenda/items/${item.id}/briefing`, { briefingId: chosen }),
    onSuccess: () => {
      notify(`${T}.briefingAttached`, { type: 'success' });
      setChosen('');
      onChanged();
    },
    onError: (attachError) => notifyError(attachError),
  });
  return (
    <Stack spacing={1} sx={{ pl: 2, width: '100%' }}>
      {current && (
        <Typography variant="body2" data-testid={`agenda-briefing-${item.position}`}>
          {translate(`${T}.briefing`, { title: inLanguage(current.title, locale), version: current.version })}
        </Typography>
      )}
      {canPlan && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            select
            size="small"
            label={translate(`${T}.chooseBriefing`)}
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
            sx={{ minWidth: 280 }}
            slotProps={{ htmlInput: { 'data-testid': `agenda-briefing-choice-${item.position}` } }}
          >
            {latestVersions(library ?? []).map((row) => (
              <MenuItem key={row.id} value={row.id}>
                {`${inLanguage(row.title, locale)} (v${row.version})`}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="outlined" size="large" disabled={!chosen || pending} onClick={() => attach()} data-testid={`agenda-briefing-attach-${item.position}`}>
            {translate(`${T}.attachBriefing`)}
          </Button>
        </Stack>
      )}
    </Stack>
  );
};

/** The handbook's guidance for an item or step, folded: a native disclosure whose name is its visible "How to". */
export const HowTo = ({ guidance, testId }: { guidance?: string; testId: string }) => {
  const translate = useTranslate();
  if (!guidance) return null;
  return (
    <Box component="details" data-testid={testId} sx={{ width: '100%', pl: 2, '& > summary': { cursor: 'pointer', color: 'primary.main', py: 0.5 } }}>
      <summary>{translate(`${T}.howTo`)}</summary>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-line', py: 0.5 }}>
        {guidance}
      </Typography>
    </Box>
  );
};

/** Move up, move down and remove, for planners while the meeting is not yet held. Labels are the buttons' names. */
const ItemEditButtons = ({ item, count, busy, onMove, onRemove }: { item: AgendaItemView; count: number; busy: boolean; onMove: (position: number) => void; onRemove: () => void }) => {
  const translate = useTranslate();
  const titleId = `agenda-item-title-${item.id}`;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', pl: 2, gap: 1 }}>
      <Button size="small" variant="outlined" disabled={busy || item.position === 1} onClick={() => onMove(item.position - 1)} aria-describedby={titleId} data-testid={`agenda-move-up-${item.position}`}>
        {translate(`${T}.edit.moveUp`)}
      </Button>
      <Button size="small" variant="outlined" disabled={busy || item.position === count} onClick={() => onMove(item.position + 1)} aria-describedby={titleId} data-testid={`agenda-move-down-${item.position}`}>
        {translate(`${T}.edit.moveDown`)}
      </Button>
      <Button size="small" variant="outlined" color="error" disabled={busy} onClick={onRemove} aria-describedby={titleId} data-testid={`agenda-remove-${item.position}`}>
        {translate(`${T}.edit.remove`)}
      </Button>
    </Stack>
  );
};

/** A new item at the end of the agenda; its heading starts as the kind's name and can be changed. */
const AddItemForm = ({ busy, onAdd }: { busy: boolean; onAdd: (kind: AgendaItemKind, title: string) => void }) => {
  const translate = useTranslate();
  const [kind, setKind] = useState<AgendaItemKind | ''>('');
  const [title, setTitle] = useState('');
  const kindLabel = (value: AgendaItemKind) => translate(`${T}.kinds.${value}`);
  const choose = (value: AgendaItemKind) => {
    if (!title.trim() || (kind && title === kindLabel(kind))) setTitle(kindLabel(value));
    setKind(value);
  };
  const ready = kind !== '' && title.trim().length > 0 && title.trim().length <= 200;
  return (
    <Stack component="form" spacing={1} data-testid="agenda-add" onSubmit={(event) => {
      event.preventDefault();
      if (!ready) return;
      onAdd(kind, title.trim());
      setKind('');
      setTitle('');
    }}>
      <Typography variant="subtitle1" component="h3">{translate(`${T}.edit.addTitle`)}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
        <TextField
          select
          size="small"
          label={translate(`${T}.edit.kind`)}
          value={kind}
          onChange={(event) => choose(event.target.value as AgendaItemKind)}
          sx={{ minWidth: 240 }}
          slotProps={{ htmlInput: { 'data-testid': 'agenda-add-kind' } }}
        >
          {AGENDA_ITEM_KINDS.map((value) => (
            <MenuItem key={value} value={value}>
              {kindLabel(value)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label={translate(`${T}.edit.heading`)}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          sx={{ flexGrow: 1 }}
          slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'agenda-add-title' } }}
        />
        <Button type="submit" variant="contained" disabled={busy || !ready} data-testid="agenda-add-submit">
          {translate(`${T}.edit.add`)}
        </Button>
      </Stack>
    </Stack>
  );
};

/** "Progress since last meeting" (you said — we did): what earlier meetings of the communities left open. */
const CarryOverSection = ({ carryOver }: { carryOver: CarryOver }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} data-testid="carry-over">
      <Typography variant="h6">{translate(`${T}.carryOver`)}</Typography>
      {carryOver.concerns.length === 0 && carryOver.confidentialOpenCount === 0 && (
        <Typography data-testid="carry-over-empty">{translate(`${T}.carryOverNone`)}</Typography>
      )}
      <List dense>
        {carryOver.concerns.map((concern) => (
          <ListItem key={concern.concernId} data-testid="carry-over-concern" sx={{ display: 'block' }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Chip size="small" label={translate(`resources.meetings.concerns.topics.${concern.topic}`)} />
              <Typography variant="body2" color="text.secondary">
                {translate(`${T}.raisedOn`, { date: concern.meetingStartsAt.slice(0, 10) })}
              </Typography>
            </Stack>
            <ListItemText primary={concern.text} secondary={concern.answer ? translate(`${T}.answered`, { answer: concern.answer }) : null} />
            {concern.openActions.map((action) => (
              <Typography key={action.id} variant="body2" data-testid="carry-over-action">
                {translate(`${T}.openAction`, {
                  status: translate(`resources.meetings.actions.statuses.${action.status}`),
                  due: action.dueDate,
                  description: action.description ?? '',
                })}
              </Typography>
            ))}
          </ListItem>
        ))}
      </List>
      {carryOver.confidentialOpenCount > 0 && (
        <Alert severity="info" data-testid="carry-over-confidential">
          {translate(`${T}.confidentialOpen`, { count: carryOver.confidentialOpenCount })}
        </Alert>
      )}
    </Stack>
  );
};

/**
 * Officers assigned since the last held meeting: to introduce under "introduction of new staff". An officer whose
 * contact is linked to a login shows who signs in (ADR 34): the person who owns actions and approves minutes.
 */
const NewStaffSection = ({ staff }: { staff: ProposedStaff[] }) => {
  const translate = useTranslate();
  const { data: contacts } = useGetMany<{ id: string; name: string; userId?: string | null }>(
    'contacts',
    { ids: staff.map((s) => s.officerContactId) },
    { enabled: staff.length > 0 },
  );
  if (staff.length === 0) return null;
  const nameOf = (id: string) => contacts?.find((c) => c.id === id)?.name ?? translate(`${T}.unknownOfficer`);
  const loginOf = (id: string) => contacts?.find((c) => c.id === id)?.userId ?? null;
  return (
    <Stack spacing={1} data-testid="new-staff">
      <Typography variant="h6">{translate(`${T}.newStaff`)}</Typography>
      <List dense>
        {staff.map((s) => (
          <ListItem key={s.assignmentId} data-testid="new-staff-officer">
            <ListItemText
              primary={nameOf(s.officerContactId)}
              secondary={
                <>
                  {translate(`${T}.since`, { date: s.since })}
                  {loginOf(s.officerContactId) && (
                    <>
                      {' · '}
                      {translate(`${T}.signsInAs`)} <UserName id={loginOf(s.officerContactId)} testId="new-staff-login" />
                    </>
                  )}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </Stack>
  );
};

/**
 * The agenda and preparation checklist the meeting copied from a handbook template (at creation or later),
 * so planners see what the day will cover and what is due before it. Template titles are shown as written.
 */
export const AgendaPanel = () => {
  const record = useRecordContext<{ id: string; status?: MeetingStatus }>();
  const translate = useTranslate();
  const agendaPath = record ? `meetings/${record.id}/agenda` : null;
  const { data, error } = useApiQuery<MeetingAgendaView>(agendaPath);
  // Ticking is planning work (meeting:plan), as the gateway's tick route requires.
  const { canAccess: canPlan } = useCanAccess({ resource: 'meetings', action: 'transition' });
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notifyError = useNotifyError();
  const invalidate = useInvalidateApi();
  const reload = () => void (agendaPath && invalidate(agendaPath));
  const { mutate: tick, isPending: ticking } = useMutation({
    mutationFn: (itemId: string) => dataProvider.apiCall('POST', `meetings/${record?.id}/checklist/${itemId}/tick`, {}),
    onSuccess: reload,
    onError: (tickError) => notifyError(tickError, translate(`${T}.tickFailed`)),
  });
  // Adding, removing and moving items: planners (meeting:plan), until the meeting is held (the service says 409 after).
  const { canAccess: mayEditAgenda } = useCanAccess({ resource: 'meetings', action: 'editAgenda' });
  const editing = mayEditAgenda === true && isEditable(record?.status);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { mutate: editAgenda, isPending: changing } = useMutation({
    mutationFn: (change: { method: 'POST' | 'DELETE'; path: string; body?: unknown; done: string }) =>
      dataProvider.apiCall<MeetingAgendaView>(change.method, `meetings/${record?.id}/agenda/items${change.path}`, change.body).then(({ json }) => ({ json, done: change.done })),
    onSuccess: ({ json, done }) => {
      // The answer is the agenda after the change: shown at once, so the next click acts on the positions it shows.
      if (agendaPath) queryClient.setQueryData(apiQueryKey(agendaPath), json);
      notify(`${T}.edit.${done}`, { type: 'success' });
    },
    onError: (editError) => notifyError(editError, translate(`${T}.edit.failed`)),
  });
  if (!record) return null;

  if (error) return <Alert severity="warning">{translate(`${T}.unavailable`)}</Alert>;
  if (!data) return null;

  return (
    <Stack spacing={1} data-testid="agenda-panel" sx={{ mt: 2 }}>
      <Typography variant="h6">{translate(`${T}.title`)}</Typography>
      {data.templateVersion !== null && (
        <Typography variant="body2" color="text.secondary" data-testid="agenda-template">
          {translate(`${T}.fromTemplate`, { version: data.templateVersion })}
        </Typography>
      )}
      {data.items.length === 0 ? (
        <Typography data-testid="agenda-empty">{translate(editing ? `${T}.edit.none` : `${T}.none`)}</Typography>
      ) : (
        <List dense data-testid="agenda-items">
          {data.items.map((item) => (
            <ListItem key={item.id} data-testid={`agenda-item-${item.position}`} sx={{ flexWrap: 'wrap' }}>
              <ListItemText primary={`${item.position}. ${item.title}`} slotProps={{ primary: { id: `agenda-item-title-${item.id}` } }} />
              {editing && (
                <ItemEditButtons
                  item={item}
                  count={data.items.length}
                  busy={changing}
                  onMove={(position) => editAgenda({ method: 'POST', path: `/${item.id}/move`, body: { position }, done: 'moved' })}
                  onRemove={() => editAgenda({ method: 'DELETE', path: `/${item.id}`, done: 'removed' })}
                />
              )}
              <HowTo guidance={item.guidance} testId={`agenda-how-to-${item.position}`} />
              {item.kind === 'legal-information' && <ItemBriefing meetingId={record.id} item={item} canPlan={canPlan === true} onChanged={reload} />}
            </ListItem>
          ))}
        </List>
      )}
      {editing && <AddItemForm busy={changing} onAdd={(kind, title) => editAgenda({ method: 'POST', path: '', body: { kind, title }, done: 'added' })} />}
      <CarryOverSection carryOver={data.carryOver} />
      <NewStaffSection staff={data.proposedStaff} />
      {data.checklist.length > 0 && (
        <>
          <Typography variant="h6">{translate(`${T}.checklist`)}</Typography>
          <List dense data-testid="agenda-checklist">
            {data.checklist.map((item) => (
              <ListItem key={item.id} data-testid={`checklist-item-${item.key}`} sx={{ flexWrap: 'wrap' }}>
                <ListItemText
                  primary={item.title}
                  secondary={[translate(`${T}.due`, { date: item.dueDate }), ...(item.lateStart ? [translate(`${T}.lateStartHint`)] : [])].join(' · ')}
                />
                {item.done && <Chip color="success" size="small" label={translate(`${T}.done`)} data-testid={`checklist-done-${item.key}`} />}
                {item.lateStart && <Chip variant="outlined" size="small" label={translate(`${T}.lateStart`)} data-testid={`checklist-late-start-${item.key}`} />}
                {item.overdue && <Chip color="warning" size="small" label={translate(`${T}.overdue`)} data-testid={`checklist-overdue-${item.key}`} />}
                {!item.done && canPlan && (
                  <Button size="large" variant="outlined" sx={{ ml: 1 }} disabled={ticking} onClick={() => tick(item.id)} data-testid={`checklist-tick-${item.key}`}>
                    {translate(`${T}.tick`)}
                  </Button>
                )}
                <HowTo guidance={item.guidance} testId={`checklist-how-to-${item.key}`} />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
};
