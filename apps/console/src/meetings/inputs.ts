import type {
  ActionStatus,
  AssignActionInput,
  AttendanceInputRaw,
  ConcernTopic,
  ConcernView,
  CreateMeetingInput,
  FeedbackResponseInput,
  HiddenConcernCounts,
  MeetingKind,
  MeetingStatus,
  MeetingView,
  OrganisedBy,
  RecordConcernInput,
  Sensitivity,
  TransitionActionInput,
  UpdateMeetingInput,
  VenueType,
} from '@rd/contracts';
import { totalOf, type Counts } from './draft';
import { zonedLocalToUtc } from './timeZone';

/**
 * Pure builders from what the field forms hold to the gateway's request bodies. Each returns either the body
 * or the translation keys of what is missing, so the page can say what to fix before anything is sent.
 */
export type Built<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const E = 'resources.meetings.errors';

// ---------------------------------------------------------------- create (local or regional)

export interface MeetingForm {
  kind: MeetingKind;
  districtCode: string;
  communityId?: string | null;
  communityIds?: string[] | null;
  title: string;
  /** datetime-local text, read in the district's time zone */
  startsAtLocal: string;
  durationMinutes?: number | null;
  venueName: string;
  venueType: VenueType;
  policeUnitId?: string | null;
  organisedBy: OrganisedBy;
  /** The NGO that organised or facilitated it; required unless the police organised it alone. */
  facilitatingOrganisationId?: string | null;
  /** Optional venue coordinates, both or neither. */
  venueLat?: number | null;
  venueLng?: number | null;
  /** How residents reach the venue (optional). */
  venueAccessibility?: string | null;
}

const given = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** Both coordinates in range, neither (undefined), or an error (null). */
function venueLocationOf(form: Pick<MeetingForm, 'venueLat' | 'venueLng'>): { lat: number; lng: number } | undefined | null {
  if (!given(form.venueLat) && !given(form.venueLng)) return undefined;
  if (!given(form.venueLat) || !given(form.venueLng)) return null;
  if (Math.abs(form.venueLat) > 90 || Math.abs(form.venueLng) > 180) return null;
  return { lat: form.venueLat, lng: form.venueLng };
}

export function buildCreateMeetingInput(form: MeetingForm, timeZone: string): Built<CreateMeetingInput> {
  const errors: string[] = [];
  const communityIds = form.kind === 'local' ? (form.communityId ? [form.communityId] : []) : [...new Set(form.communityIds ?? [])];
  if (form.kind === 'local' && communityIds.length !== 1) errors.push(`${E}.oneCommunity`);
  if (form.kind === 'regional' && communityIds.length < 2) errors.push(`${E}.twoCommunities`);
  const startsAt = zonedLocalToUtc(form.startsAtLocal ?? '', timeZone);
  if (!startsAt) errors.push(`${E}.startsAt`);
  if (!form.districtCode) errors.push(`${E}.district`);
  if (form.organisedBy !== 'police' && !form.facilitatingOrganisationId) errors.push(`${E}.facilitator`);
  const venueLocation = venueLocationOf(form);
  if (venueLocation === null) errors.push(`${E}.coordinates`);
  if (errors.length || !startsAt) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: form.kind,
      communityIds,
      districtCode: form.districtCode,
      title: form.title.trim(),
      startsAt,
      durationMinutes: form.durationMinutes ?? 120,
      venueName: form.venueName.trim(),
      venueType: form.venueType,
      organisedBy: form.organisedBy,
      inviteeContactIds: [],
      inviteeOrganisationIds: [],
      ...(form.policeUnitId ? { policeUnitId: form.policeUnitId } : {}),
      ...(form.facilitatingOrganisationId ? { facilitatingOrganisationId: form.facilitatingOrganisationId } : {}),
      ...(venueLocation ? { venueLocation } : {}),
      ...(form.venueAccessibility?.trim() ? { venueAccessibility: form.venueAccessibility.trim() } : {}),
    },
  };
}

// ---------------------------------------------------------------- edit (draft, scheduled or postponed)

/** Statuses in which a meeting's plan (and its agenda) may still change, as the service allows. */
export const EDITABLE_STATUSES: readonly MeetingStatus[] = ['draft', 'scheduled', 'postponed'];
export const isEditable = (status: MeetingStatus | undefined) => status !== undefined && EDITABLE_STATUSES.includes(status);

/** What the edit form holds: the plan details of MeetingCreate, except kind, district, communities and the date. */
export type MeetingEditForm = Pick<
  MeetingForm,
  'title' | 'venueName' | 'venueType' | 'venueLat' | 'venueLng' | 'venueAccessibility' | 'policeUnitId' | 'organisedBy' | 'facilitatingOrganisationId'
>;

type EditedView = Pick<
  MeetingView,
  'title' | 'venueName' | 'venueType' | 'venueLocation' | 'venueAccessibility' | 'policeUnitId' | 'organisedBy' | 'facilitatingOrganisationId'
>;

export function meetingEditFormOf(meeting: EditedView): MeetingEditForm {
  return {
    title: meeting.title,
    venueName: meeting.venueName,
    venueType: meeting.venueType,
    venueLat: meeting.venueLocation?.lat ?? null,
    venueLng: meeting.venueLocation?.lng ?? null,
    venueAccessibility: meeting.venueAccessibility ?? '',
    policeUnitId: meeting.policeUnitId,
    organisedBy: meeting.organisedBy,
    facilitatingOrganisationId: meeting.facilitatingOrganisationId,
  };
}

/** PATCH /meetings/:id: every plan detail of the form, cleared ones as null (the service announces only real changes). */
export function buildUpdateMeetingInput(form: MeetingEditForm): Built<UpdateMeetingInput> {
  const errors: string[] = [];
  if (form.organisedBy !== 'police' && !form.facilitatingOrganisationId) errors.push(`${E}.facilitator`);
  const venueLocation = venueLocationOf(form);
  if (venueLocation === null) errors.push(`${E}.coordinates`);
  if (errors.length || venueLocation === null) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title: form.title.trim(),
      venueName: form.venueName.trim(),
      venueType: form.venueType,
      venueLocation: venueLocation ?? null,
      venueAccessibility: form.venueAccessibility?.trim() || null,
      policeUnitId: form.policeUnitId || null,
      organisedBy: form.organisedBy,
      facilitatingOrganisationId: form.facilitatingOrganisationId || null,
    },
  };
}

// ---------------------------------------------------------------- concerns

export type RaiserGender = 'female' | 'male';
export type RaiserAge = 'under-18' | '18-29' | '30-59' | '60-plus';

export interface ConcernDraft {
  topic: ConcernTopic | '';
  sensitivity: Sensitivity;
  text: string;
  answer: string;
  followUpNeeded: boolean;
  gender: RaiserGender | null;
  ageGroup: RaiserAge | null;
  /** Other handlers' user ids, picked by name from the directory; the recorder is always one of a confidential concern's handlers. */
  otherHandlers: string[];
}

export const emptyConcern = (): ConcernDraft => ({
  topic: '',
  sensitivity: 'public',
  text: '',
  answer: '',
  followUpNeeded: false,
  gender: null,
  ageGroup: null,
  otherHandlers: [],
});

/** The handlers of a draft; a draft kept from before the picker holds them as one comma-separated text. */
function handlerList(handlers: string[] | string | undefined): string[] {
  const ids = Array.isArray(handlers) ? handlers : (handlers ?? '').split(/[\s,;]+/);
  return ids.map((id) => id.trim()).filter(Boolean);
}

export function buildConcernInput(draft: ConcernDraft, myUserId: string): Built<RecordConcernInput> {
  const errors: string[] = [];
  if (!draft.topic) errors.push(`${E}.topic`);
  if (!draft.text.trim()) errors.push(`${E}.text`);
  if (errors.length || !draft.topic) return { ok: false, errors };
  const handlerIds =
    draft.sensitivity === 'confidential'
      ? [...new Set([myUserId, ...handlerList(draft.otherHandlers)])].slice(0, 10)
      : [];
  return {
    ok: true,
    value: {
      topic: draft.topic,
      sensitivity: draft.sensitivity,
      text: draft.text.trim(),
      answer: draft.answer.trim() || null,
      followUpNeeded: draft.followUpNeeded,
      raiser: { gender: draft.gender, ageGroup: draft.ageGroup },
      handlerIds,
    },
  };
}

// ---------------------------------------------------------------- sensitivity of a recorded concern

const RANK: Record<Sensitivity, number> = { public: 0, restricted: 1, confidential: 2 };

/** Where a reader may move a concern: up always; down only as one of its handlers or the national coordinator (the gateway decides too). */
export function sensitivityTargets(concern: Pick<ConcernView, 'sensitivity' | 'handlerIds' | 'provisionalHandlerIds'>, me: string, coordinator: boolean): Sensitivity[] {
  // A provisional handler (named by themselves while raising it) may not lower it: the service refuses it too.
  const mayLower = coordinator || (concern.handlerIds.includes(me) && !(concern.provisionalHandlerIds ?? []).includes(me));
  return (['public', 'restricted', 'confidential'] as const).filter(
    (to) => to !== concern.sensitivity && (RANK[to] > RANK[concern.sensitivity] || mayLower),
  );
}

/** PATCH /concerns/:id: a confidential concern needs a named handler, so whoever raises it without one becomes it. */
export function sensitivityPatch(concern: Pick<ConcernView, 'handlerIds'>, to: Sensitivity, me: string): { sensitivity: Sensitivity; handlerIds?: string[] } {
  if (to === 'confidential' && concern.handlerIds.length === 0) return { sensitivity: to, handlerIds: [me] };
  return { sensitivity: to };
}

// ---------------------------------------------------------------- actions

export interface ActionDraft {
  ownerOrganisationId: string | null;
  ownerContactId: string | null;
  dueDate: string;
  description: string;
}

export const emptyAction = (): ActionDraft => ({ ownerOrganisationId: null, ownerContactId: null, dueDate: '', description: '' });

export function buildActionInput(draft: ActionDraft): Built<AssignActionInput> {
  const errors: string[] = [];
  if (!draft.ownerOrganisationId) errors.push(`${E}.owner`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.dueDate)) errors.push(`${E}.dueDate`);
  if (errors.length || !draft.ownerOrganisationId) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ownerOrganisationId: draft.ownerOrganisationId,
      ownerContactId: draft.ownerContactId,
      dueDate: draft.dueDate,
      description: draft.description.trim() || null,
    },
  };
}

/** Which text a move needs: done a note, referred the agency, dropped a reason; in-progress nothing. */
export const ACTION_TEXT_NEEDED: Readonly<Record<Exclude<ActionStatus, 'open'>, 'note' | 'referredTo' | 'reason' | null>> = {
  'in-progress': null,
  done: 'note',
  referred: 'referredTo',
  dropped: 'reason',
};

export function buildActionTransition(to: Exclude<ActionStatus, 'open'>, text: string): Built<TransitionActionInput> {
  const field = ACTION_TEXT_NEEDED[to];
  if (field === null) return { ok: true, value: { to } };
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, errors: [`${E}.${field}`] };
  return { ok: true, value: { to, [field]: trimmed } };
}

// ---------------------------------------------------------------- feedback survey, entered in bulk

export interface FeedbackRow {
  usefulness: number | null;
  trust: number | null;
  contactFirst: boolean | null;
  comment: string;
  gender: RaiserGender | null;
  ageGroup: RaiserAge | null;
}

export const emptyFeedbackRow = (): FeedbackRow => ({ usefulness: null, trust: null, contactFirst: null, comment: '', gender: null, ageGroup: null });

const isBlank = (row: FeedbackRow) =>
  row.usefulness === null && row.trust === null && row.contactFirst === null && !row.comment.trim() && !row.gender && !row.ageGroup;

/** Rows still being filled in: something entered but one of the three required answers missing (0-based). */
export function incompleteRows(rows: readonly FeedbackRow[]): number[] {
  return rows.flatMap((row, index) =>
    !isBlank(row) && (row.usefulness === null || row.trust === null || row.contactFirst === null) ? [index] : [],
  );
}

/** The batch for POST /meetings/:id/feedback: blank rows are skipped, incomplete ones block the save. */
export function buildFeedbackBatch(rows: readonly FeedbackRow[]): Built<FeedbackResponseInput[]> {
  const incomplete = incompleteRows(rows);
  if (incomplete.length) return { ok: false, errors: [`${E}.feedbackIncomplete`] };
  const value = rows
    .filter((row) => !isBlank(row))
    .map((row): FeedbackResponseInput => ({
      usefulness: row.usefulness ?? 0,
      trustInPolice: row.trust ?? 0,
      wouldContactPoliceFirst: row.contactFirst ?? false,
      ...(row.comment.trim() ? { comment: row.comment.trim() } : {}),
      ...(row.gender ? { gender: row.gender } : {}),
      ...(row.ageGroup ? { ageGroup: row.ageGroup } : {}),
    }));
  if (value.length === 0) return { ok: false, errors: [`${E}.feedbackEmpty`] };
  return { ok: true, value };
}

// ---------------------------------------------------------------- attendance

export interface AttendanceDraft {
  counts: Counts;
  /** Officials present per organisation id (0 or absent: the organisation was not there). */
  officials: Record<string, number>;
  /** New staff (contact ids) introduced at the meeting. */
  staffIntroduced?: string[];
  /** Regional meetings: attendees per community id. */
  byCommunity?: Record<string, number>;
}

/** What the gateway has, as a draft: nothing recorded before is lost when it is saved again. */
export function attendanceDraftOf(saved: Pick<AttendanceInputRaw, 'counts' | 'officials' | 'byCommunity' | 'staffIntroducedContactIds'>): AttendanceDraft {
  return {
    counts: saved.counts,
    officials: Object.fromEntries((saved.officials ?? []).map((row) => [row.organisationId, row.count])),
    staffIntroduced: [...(saved.staffIntroducedContactIds ?? [])],
    byCommunity: Object.fromEntries((saved.byCommunity ?? []).map((row) => [row.communityId, row.attendees])),
  };
}

/** A draft kept by an earlier console had one number for the police unit's officials: read it as that unit's count. */
export function upgradeAttendanceDraft(draft: Omit<AttendanceDraft, 'officials'> & { officials: number | Record<string, number> }, policeUnitId: string | null): AttendanceDraft {
  if (typeof draft.officials !== 'number') return draft as AttendanceDraft;
  return { ...draft, officials: policeUnitId && draft.officials > 0 ? { [policeUnitId]: draft.officials } : {} };
}

/** The organisations to ask about, in order: police unit, facilitating NGO, invited ones, then any others recorded. */
export function organisationsToAsk(
  meeting: { policeUnitId: string | null; facilitatingOrganisationId?: string | null; inviteeOrganisationIds?: readonly string[] },
  draft: Pick<AttendanceDraft, 'officials'>,
): string[] {
  const ids = [meeting.policeUnitId, meeting.facilitatingOrganisationId, ...(meeting.inviteeOrganisationIds ?? []), ...Object.keys(draft.officials)];
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

export const communitySum = (draft: AttendanceDraft, communityIds: readonly string[]) =>
  communityIds.reduce((sum, id) => sum + (draft.byCommunity?.[id] ?? 0), 0);

/**
 * PUT /meetings/:id/attendance. A regional meeting sends one row per community, and the gateway requires
 * them to add up to the gender × age total: checked here first so the field sees it before saving.
 */
export function buildAttendanceInput(
  draft: AttendanceDraft,
  meeting: { kind: MeetingKind; communityIds: readonly string[]; policeUnitId: string | null },
): Built<AttendanceInputRaw> {
  const officials = Object.entries(draft.officials)
    .filter(([, count]) => count > 0)
    .map(([organisationId, count]) => ({ organisationId, count }));
  const staffIntroducedContactIds = [...new Set(draft.staffIntroduced ?? [])];
  if (meeting.kind !== 'regional') return { ok: true, value: { counts: draft.counts, officials, staffIntroducedContactIds } };
  if (communitySum(draft, meeting.communityIds) !== totalOf(draft.counts)) {
    return { ok: false, errors: [`${E}.communitySum`] };
  }
  const byCommunity = meeting.communityIds.map((communityId) => ({ communityId, attendees: draft.byCommunity?.[communityId] ?? 0 }));
  return { ok: true, value: { counts: draft.counts, officials, staffIntroducedContactIds, byCommunity } };
}

// ---------------------------------------------------------------- concerns withheld by the gateway

export const NO_HIDDEN: HiddenConcernCounts = { public: 0, restricted: 0, confidential: 0 };

/** The X-Hidden-Concerns header (counts per sensitivity of concerns the caller may not read); junk counts as none. */
export function parseHidden(header: string | null): HiddenConcernCounts {
  if (!header) return NO_HIDDEN;
  try {
    const parsed = JSON.parse(header) as Partial<HiddenConcernCounts>;
    const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.trunc(value) : 0);
    return { public: count(parsed.public), restricted: count(parsed.restricted), confidential: count(parsed.confidential) };
  } catch {
    return NO_HIDDEN;
  }
}
