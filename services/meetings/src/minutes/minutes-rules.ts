import {
  CONCERN_TOPICS,
  minutesApproverRefusal,
  SENSITIVITIES,
  type ConcernTopic,
  type FieldError,
  type Actor,
  type MeetingStatus,
  type MinutesConcernSection,
  type MinutesStatus,
  type Sensitivity,
} from '@rd/contracts';

/** What the generated section and the leak check read of a concern. */
export interface ConcernFacts {
  topic: ConcernTopic;
  sensitivity: Sensitivity;
  text: string;
  answer: string | null;
}

/** Passages shorter than this (after normalising) are matched only as a whole word run: "yes" or "no" would refuse every draft. */
export const LEAK_MIN_LENGTH = 12;
/** A run of this many consecutive words of a concern's text found in the minutes counts as quoting it, edits around it aside. */
export const QUOTE_WORDS = 5;

function words(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean);
}

function runs(list: readonly string[], size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= list.length; i += 1) out.push(list.slice(i, i + size).join(' '));
  return out;
}

/**
 * Whether `body` quotes `passage`, compared case-, punctuation- and whitespace-insensitively: the whole passage
 * (when it is at least LEAK_MIN_LENGTH long), or any QUOTE_WORDS consecutive words of it, so a long text copied
 * with a word or two changed is still found.
 */
export function quotes(body: string, passage: string): boolean {
  const passageWords = words(passage);
  if (passageWords.join(' ').length < LEAK_MIN_LENGTH) return false;
  const bodyText = ` ${words(body).join(' ')} `;
  if (bodyText.includes(` ${passageWords.join(' ')} `)) return true;
  return runs(passageWords, QUOTE_WORDS).some((run) => bodyText.includes(` ${run} `));
}

/**
 * Which concerns (by position in `concerns`) that `hidden` selects have their text or answer quoted in the body.
 * Returns indices only: the caller must never echo the text.
 */
export function quotedConcerns<C extends ConcernFacts>(body: string, concerns: readonly C[], hidden: (concern: C) => boolean): number[] {
  const leaks: number[] = [];
  concerns.forEach((concern, index) => {
    if (!hidden(concern)) return;
    if ([concern.text, concern.answer ?? ''].some((passage) => quotes(body, passage))) leaks.push(index);
  });
  return leaks;
}

/**
 * Minutes go to local government, so their text may hold only public concerns (ADR 0011): which restricted or
 * confidential concerns of the meeting the body quotes.
 */
export function protectedLeaks(body: string, concerns: readonly ConcernFacts[]): number[] {
  return quotedConcerns(body, concerns, (concern) => concern.sensitivity !== 'public');
}

const zero = (): Record<Sensitivity, number> => ({ public: 0, restricted: 0, confidential: 0 });

/**
 * The section generated from the meeting's concerns. Minutes go to local government, so only public concern
 * text (and answer) appears; restricted and confidential concerns are counts (ADR 0011).
 */
export function concernSection(concerns: readonly ConcernFacts[]): MinutesConcernSection {
  const bySensitivity = zero();
  const byTopic = new Map<ConcernTopic, MinutesConcernSection['byTopic'][number]>();
  for (const concern of concerns) {
    bySensitivity[concern.sensitivity] += 1;
    const entry = byTopic.get(concern.topic) ?? { topic: concern.topic, counts: zero(), publicItems: [] };
    entry.counts[concern.sensitivity] += 1;
    if (concern.sensitivity === 'public') entry.publicItems.push({ text: concern.text, answer: concern.answer });
    byTopic.set(concern.topic, entry);
  }
  const order = (t: ConcernTopic) => CONCERN_TOPICS.indexOf(t);
  return {
    total: concerns.length,
    bySensitivity,
    byTopic: [...byTopic.values()].sort((a, b) => order(a.topic) - order(b.topic)),
  };
}

export type MinutesDecision = { ok: true } | { ok: false; reason: 'locked' | 'meeting-not-held' | 'no-draft' | 'stale' | 'not-organiser'; message: string; errors?: FieldError[] };

/** Whether a new draft may be saved; pure. Drafting starts once the meeting is held and stops at approval. */
export function decideSave(minutes: MinutesStatus, meeting: MeetingStatus, currentVersion: number, expectedVersion?: number): MinutesDecision {
  if (minutes === 'approved') return { ok: false, reason: 'locked', message: 'The minutes are approved and locked' };
  if (meeting !== 'held') return { ok: false, reason: 'meeting-not-held', message: `Minutes are drafted for a held meeting; this one is ${meeting}` };
  if (expectedVersion !== undefined && expectedVersion !== currentVersion) {
    return { ok: false, reason: 'stale', message: `The minutes changed meanwhile: version ${currentVersion}, your edit is based on ${expectedVersion}`, errors: [{ field: 'expectedVersion', message: `current version is ${currentVersion}` }] };
  }
  return { ok: true };
}

/** Whether the current draft may be approved; pure. */
export function decideApprove(minutes: MinutesStatus, meeting: MeetingStatus, currentVersion: number, expectedVersion?: number): MinutesDecision {
  if (minutes === 'approved') return { ok: false, reason: 'locked', message: 'The minutes are already approved' };
  if (minutes === 'none') return { ok: false, reason: 'no-draft', message: 'There is no draft to approve' };
  if (meeting !== 'held') return { ok: false, reason: 'meeting-not-held', message: `Minutes are approved for a held meeting; this one is ${meeting}` };
  if (expectedVersion !== undefined && expectedVersion !== currentVersion) {
    return { ok: false, reason: 'stale', message: `The minutes changed meanwhile: version ${currentVersion}, you approved ${expectedVersion}`, errors: [{ field: 'expectedVersion', message: `current version is ${currentVersion}` }] };
  }
  return { ok: true };
}

/**
 * Whether this actor may approve the minutes of this meeting, after role, scope and state allow it; pure. Only the
 * organising police unit or the facilitating NGO approve (the organisation in the token), the coordinator always
 * (ADR 34).
 */
export function decideApprover(
  actor: Pick<Actor, 'roles' | 'organisationId'>,
  meeting: { policeUnitId: string | null; facilitatingOrganisationId: string | null },
): MinutesDecision {
  const refusal = minutesApproverRefusal(actor, meeting);
  if (refusal === null) return { ok: true };
  const who = 'Minutes are approved by a member of the meeting’s organising police unit or its facilitating NGO';
  if (refusal === 'no-organisation') {
    return { ok: false, reason: 'not-organiser', message: `${who}; your account belongs to no organisation (the coordinator can set it)` };
  }
  return { ok: false, reason: 'not-organiser', message: `${who}; your organisation is neither` };
}

export const SENSITIVITY_ORDER = SENSITIVITIES;
