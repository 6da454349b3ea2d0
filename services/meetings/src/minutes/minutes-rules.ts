import {
  CONCERN_TOPICS,
  SENSITIVITIES,
  type ConcernTopic,
  type FieldError,
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

/** Confidential passages shorter than this (after normalising) are not matched: "yes" or "no" would refuse every draft. */
export const LEAK_MIN_LENGTH = 12;

function normalise(text: string): string {
  return text.toLocaleLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}

/**
 * Which confidential concerns (by position in `concerns`) have their text or answer inside the body, compared
 * case- and whitespace-insensitively. Returns indices only: the caller must never echo the text.
 */
export function confidentialLeaks(body: string, concerns: readonly ConcernFacts[]): number[] {
  const haystack = normalise(body);
  const leaks: number[] = [];
  concerns.forEach((concern, index) => {
    if (concern.sensitivity !== 'confidential') return;
    const passages = [concern.text, concern.answer ?? ''].map(normalise).filter((p) => p.length >= LEAK_MIN_LENGTH);
    if (passages.some((p) => haystack.includes(p))) leaks.push(index);
  });
  return leaks;
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

export type MinutesDecision = { ok: true } | { ok: false; reason: 'locked' | 'meeting-not-held' | 'no-draft' | 'stale'; message: string; errors?: FieldError[] };

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

export const SENSITIVITY_ORDER = SENSITIVITIES;
