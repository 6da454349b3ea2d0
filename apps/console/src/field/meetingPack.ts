import {
  RAISER_AGE_GROUPS,
  RAISER_GENDERS,
  type AgendaItemView,
  type BriefingView,
  type CarryOver,
  type ChecklistItemView,
  type CommunityView,
  type ContactView,
  type MeetingAgendaView,
  type MeetingStatus,
  type MeetingView,
  type OfficerAssignmentView,
  type ProposedStaff,
} from '@rd/contracts';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { organisationsToAsk } from '../meetings/inputs';
import { fieldDb, type FieldDb, type MeetingPack } from './fieldDb';

/**
 * A meeting whose day is still to come or still under way (planned, scheduled, postponed, or held and awaiting its
 * minutes and feedback); a cancelled or closed one has nothing left to do in the field.
 */
const TAKEABLE: readonly MeetingStatus[] = ['draft', 'scheduled', 'postponed', 'held'];
export const canTakeOffline = (status: MeetingStatus | undefined): boolean => status !== undefined && TAKEABLE.includes(status);

export interface Named {
  id: string;
  name: string;
}

/** One officer of the meeting's communities as the card shows them to residents. */
export interface OfficerCard {
  communityId: string;
  officerContactId: string;
  name: string;
  position: string | null;
  phone: string | null;
  policeUnitId: string | null;
  policeUnitName: string | null;
}

/** A question of the feedback survey as the console asks it (FeedbackPanel): its key and the answers offered. */
export interface SurveyQuestion {
  key: 'usefulness' | 'trust' | 'contactFirst' | 'gender' | 'ageGroup' | 'comment';
  answers: readonly (string | number | boolean)[];
}

/** The survey the console asks after a meeting; texts are `resources.meetings.feedback.*`, answers from the contracts. */
export const SURVEY_QUESTIONS: readonly SurveyQuestion[] = [
  { key: 'usefulness', answers: [1, 2, 3, 4, 5] },
  { key: 'trust', answers: [1, 2, 3, 4, 5] },
  { key: 'contactFirst', answers: [true, false] },
  { key: 'gender', answers: RAISER_GENDERS },
  { key: 'ageGroup', answers: RAISER_AGE_GROUPS },
  { key: 'comment', answers: [] },
];

/** The parts of a pack, typed: what FieldApp reads back (parts is `Record<string, unknown>` in the schema). */
export interface PackParts {
  meeting: MeetingView;
  agenda: { templateVersion: number | null; items: AgendaItemView[]; proposedStaff: ProposedStaff[] };
  checklist: ChecklistItemView[];
  carryOver: CarryOver;
  communities: CommunityView[];
  invitees: { contacts: ContactView[]; organisations: Named[] };
  survey: readonly SurveyQuestion[];
  briefings: BriefingView[];
  officers: OfficerCard[];
  /** Organisations to count among the officials present: the meeting's own, then the rest of its region. */
  organisations: Named[];
}

export const partsOf = (pack: MeetingPack): PackParts => pack.parts as unknown as PackParts;

// The gateway's largest page (listQuerySchema): a region's organisations or a community's roster fit in one.
const ALL = { page: 1, perPage: 500 };
const BY_NAME = { field: 'name', order: 'ASC' } as const;

type Source = Pick<ConsoleDataProvider, 'getOne' | 'getList' | 'getMany' | 'apiCall'>;

const uniq = (ids: readonly (string | null | undefined)[]): string[] => [...new Set(ids.filter((id): id is string => Boolean(id)))];

/**
 * Everything one meeting's day needs, read through the gateway with the signed-in user's token and the same routes
 * the meeting page reads: what the server withholds from this user online (confidential carry-over text, contacts out
 * of scope) is withheld here too. Throws (nothing stored) if any part fails: a half pack would mislead in the field.
 */
export async function buildMeetingPack(source: Source, meetingId: string, userId: string, now: number): Promise<MeetingPack> {
  const meeting = (await source.getOne<MeetingView & { id: string }>('meetings', { id: meetingId })).data;
  if (!canTakeOffline(meeting.status)) throw new Error('field.device.notTakeable');
  const [agenda, communities, assignments] = await Promise.all([
    source.apiCall<MeetingAgendaView>('GET', `meetings/${encodeURIComponent(meetingId)}/agenda`).then(({ json }) => json),
    source.getMany<CommunityView & { id: string }>('communities', { ids: meeting.communityIds }).then(({ data }) => data),
    Promise.all(
      meeting.communityIds.map(
        async (communityId) =>
          (
            await source.getList<OfficerAssignmentView & { id: string }>('officer-assignments', {
              pagination: ALL,
              sort: { field: 'since', order: 'DESC' },
              filter: { current: true, communityId },
            })
          ).data,
      ),
    ).then((lists) => lists.flat()),
  ]);
  const briefingIds = uniq(agenda.items.map((item) => item.briefingId));
  const ownOrganisationIds = uniq([...organisationsToAsk(meeting, { officials: {} }), ...assignments.map((row) => row.policeUnitId)]);
  const [briefings, invitedContacts, officerContacts, ownOrganisations, region] = await Promise.all([
    Promise.all(briefingIds.map(async (id) => (await source.getOne<BriefingView>('briefings', { id })).data)),
    getMany<ContactView>(source, 'contacts', meeting.inviteeContactIds),
    getMany<ContactView>(source, 'contacts', uniq(assignments.map((row) => row.officerContactId))),
    getMany<Named>(source, 'organisations', ownOrganisationIds),
    source.getList<Named & { id: string }>('organisations', { pagination: ALL, sort: BY_NAME, filter: { regionCode: meeting.regionCode } }).then(({ data }) => data),
  ]);
  const organisationName = (id: string | null) => (id ? (ownOrganisations.find((row) => row.id === id)?.name ?? null) : null);
  const parts: PackParts = {
    meeting,
    agenda: { templateVersion: agenda.templateVersion, items: agenda.items, proposedStaff: agenda.proposedStaff },
    checklist: agenda.checklist,
    carryOver: agenda.carryOver,
    communities,
    invitees: {
      contacts: invitedContacts,
      organisations: meeting.inviteeOrganisationIds.map((id) => ({ id, name: organisationName(id) ?? '—' })),
    },
    survey: SURVEY_QUESTIONS,
    briefings,
    officers: officerCards(assignments, officerContacts, organisationName),
    organisations: [...ownOrganisations.map(named), ...region.map(named).filter((row) => !ownOrganisationIds.includes(row.id))],
  };
  return { meetingId, userId, takenAt: now, parts: parts as unknown as Record<string, unknown> };
}

const named = ({ id, name }: Named): Named => ({ id, name });

async function getMany<T>(source: Source, resource: string, ids: readonly string[]): Promise<T[]> {
  if (ids.length === 0) return [];
  return (await source.getMany(resource, { ids: [...ids] })).data as T[];
}

/** The current officer of each community with the details residents need to reach them; erased contacts are left out. */
export function officerCards(
  assignments: readonly OfficerAssignmentView[],
  contacts: readonly ContactView[],
  organisationName: (id: string | null) => string | null,
): OfficerCard[] {
  return assignments.flatMap((assignment) => {
    const contact = contacts.find((row) => row.id === assignment.officerContactId);
    if (!contact || contact.erasedAt) return [];
    return [
      {
        communityId: assignment.communityId,
        officerContactId: contact.id,
        name: contact.name,
        position: contact.position,
        phone: contact.phone,
        policeUnitId: assignment.policeUnitId,
        policeUnitName: organisationName(assignment.policeUnitId),
      },
    ];
  });
}

/** "Take offline" and "Update": the new pack replaces the old one whole. */
export async function savePack(pack: MeetingPack, db: FieldDb | Promise<FieldDb> = fieldDb()): Promise<void> {
  await (await db).put('packs', pack);
}

export async function loadPack(meetingId: string, userId: string, db: FieldDb | Promise<FieldDb> = fieldDb()): Promise<MeetingPack | null> {
  const pack = await (await db).get('packs', meetingId);
  // Another user's pack on a shared device is not theirs to read.
  return pack && pack.userId === userId ? pack : null;
}

export async function removePack(meetingId: string, userId: string, db: FieldDb | Promise<FieldDb> = fieldDb()): Promise<void> {
  const open = await db;
  const pack = await open.get('packs', meetingId);
  if (pack?.userId === userId) await open.delete('packs', meetingId);
}
