import { canReadConcern } from '@rd/auth-core';
import { SENSITIVITIES, type Actor, type ConcernStatus, type DataOf, type HiddenConcernCounts, type ListConcernRegisterQryV1 } from '@rd/contracts';
import { accessFactsOf } from './concern-rules';
import type { RegisterCandidate, RegisterFilter } from './concern.repository';

type RegisterQuery = DataOf<typeof ListConcernRegisterQryV1>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The filters SQL can apply; ages count back from `now` to the start of the meeting the concern was raised at. */
export function registerFilterOf(query: RegisterQuery, now: Date): RegisterFilter {
  return {
    districtCode: query.districtCode,
    communityId: query.communityId,
    topic: query.topic,
    sensitivity: query.sensitivity,
    raisedBefore: query.minAgeDays === undefined ? undefined : new Date(now.getTime() - query.minAgeDays * DAY_MS),
    raisedSince: query.maxAgeDays === undefined ? undefined : new Date(now.getTime() - query.maxAgeDays * DAY_MS),
  };
}

/**
 * The candidates the actor may read (canReadConcern, the rule of the per-meeting list), and the others counted per
 * sensitivity: counts only, never which they are.
 */
export function splitReadable(actor: Actor, candidates: readonly RegisterCandidate[]): { readable: RegisterCandidate[]; hidden: HiddenConcernCounts } {
  const hidden: HiddenConcernCounts = { public: 0, restricted: 0, confidential: 0 };
  const readable: RegisterCandidate[] = [];
  for (const candidate of candidates) {
    if (canReadConcern(actor, accessFactsOf(candidate))) readable.push(candidate);
    else hidden[candidate.sensitivity] += 1;
  }
  return { readable, hidden };
}

/** Sorts in place by the query's field and direction, then by id so pages never overlap. */
export function sortRegister(rows: RegisterCandidate[], sort: RegisterQuery['sort'], order: RegisterQuery['order']): RegisterCandidate[] {
  const direction = order === 'ASC' ? 1 : -1;
  const key = (c: RegisterCandidate): string | number => {
    switch (sort) {
      case 'raisedAt':
        return c.raisedAt.getTime();
      case 'createdAt':
        return c.createdAt.getTime();
      case 'sensitivity':
        return SENSITIVITIES.indexOf(c.sensitivity);
      case 'topic':
        return c.topic;
      case 'districtCode':
        return c.districtCode;
    }
  };
  return rows.sort((a, b) => (key(a) < key(b) ? -direction : key(a) > key(b) ? direction : a.id.localeCompare(b.id)));
}

/** Whether a concern is in the status asked for. */
export function hasStatus(status: ConcernStatus, resolved: boolean): boolean {
  return status === (resolved ? 'resolved' : 'open');
}
