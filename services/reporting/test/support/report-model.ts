import {
  ACTION_STATUSES,
  CONCERN_TOPICS,
  SENSITIVITIES,
  type ActionStatus,
  type AttendanceCounts,
  type CommunityStatus,
  type ConcernTopic,
  type OrganisedBy,
  type Sensitivity,
} from '@rd/contracts';
import { randomUUID } from 'node:crypto';

/**
 * A generated world of communities, meetings, concerns and actions (the "truth"), and the events the
 * platform would have published about it. The oracle computes measures from the world; the read model
 * from the events, in any order.
 */

export interface District {
  code: string;
  region: string;
  timeZone: string;
}
export interface Community {
  id: string;
  district: District;
  history: { at: Date; status: CommunityStatus }[];
}
export interface Plan {
  at: Date;
  quarter: string;
  scheduledFor: Date;
}
export interface Meeting {
  id: string;
  district: District;
  communityIds: string[];
  kind: 'local' | 'regional';
  plans: Plan[];
  cancelledAt: Date | null;
  held: { quarter: string; heldAt: Date; organisedBy: OrganisedBy; closedAt: Date | null } | null;
  attendance: { at: Date; counts: AttendanceCounts; officials: number }[];
  /** Survey responses, added in batches: each batch is one feedback-recorded event with the totals so far. */
  feedback: { at: Date; usefulness: number; trust: number; contactFirst: boolean }[][];
}
export interface Action {
  id: string;
  dueDate: string;
  assignedAt: Date;
  changes: { at: Date; from: ActionStatus; to: ActionStatus; concernResolved: boolean }[];
}
export interface Concern {
  id: string;
  meetingId: string;
  topic: ConcernTopic;
  followUpNeeded: boolean;
  recordedAt: Date;
  sensitivity: { at: Date; value: Sensitivity }[];
  actions: Action[];
}
export interface World {
  now: Date;
  districts: District[];
  communities: Community[];
  meetings: Meeting[];
  concerns: Concern[];
}

export interface ModelEvent {
  name: string;
  payload: Record<string, unknown>;
}

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    shuffle: <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
  };
}

const DAY = 86_400_000;

/** The quarter of an instant in a zone, by formatting (independent of the service's own helper). */
export function localQuarter(at: Date, timeZone: string): string {
  const [y, m] = at.toLocaleDateString('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).split('-').map(Number);
  return `${y}-Q${Math.ceil(m / 3)}`;
}

export const DISTRICTS: District[] = [
  { code: 'isfara', region: 'sughd', timeZone: 'Asia/Dushanbe' },
  { code: 'khujand', region: 'sughd', timeZone: 'Asia/Dushanbe' },
  { code: 'batken', region: 'batken', timeZone: 'Asia/Bishkek' },
  { code: 'greenwich', region: 'west', timeZone: 'UTC' },
];

/**
 * A world between `start` and `now`: communities onboarded and paused at random instants (mid-quarter
 * included), meetings planned, postponed, cancelled or held (some recorded late, after their quarter),
 * attendance corrected, feedback in batches, concerns whose sensitivity changes, actions moving on.
 */
export function generateWorld(seed: number, now = new Date('2026-03-31T20:00:00Z'), start = new Date('2023-07-01T00:00:00Z'), districts: District[] = DISTRICTS): World {
  const r = rng(seed);
  const span = now.getTime() - start.getTime();
  const at = (from = start.getTime(), to = now.getTime()) => new Date(from + Math.floor(r.next() * Math.max(1, to - from)));
  const communities: Community[] = [];
  for (const district of districts) {
    for (let i = 0; i < 3; i += 1) {
      const created = at(start.getTime(), start.getTime() + span / 3);
      const history: Community['history'] = [{ at: created, status: 'proposed' }];
      let t = created.getTime();
      // onboarding → active, then maybe paused and active again, maybe archived
      const steps: CommunityStatus[] = ['onboarding', 'active'];
      if (r.chance(0.5)) steps.push('paused', 'active');
      if (r.chance(0.2)) steps.push('archived');
      for (const status of steps) {
        t = t + r.int(1, 120) * DAY + r.int(0, DAY);
        if (t > now.getTime()) break;
        history.push({ at: new Date(t), status });
      }
      communities.push({ id: randomUUID(), district, history });
    }
  }
  const meetings: Meeting[] = [];
  const concerns: Concern[] = [];
  for (const district of districts) {
    const own = communities.filter((c) => c.district === district);
    const count = r.int(4, 9);
    for (let i = 0; i < count; i += 1) {
      const regional = r.chance(0.25);
      const communityIds = regional ? own.map((c) => c.id).slice(0, r.int(2, own.length)) : [r.pick(own).id];
      const plannedAt = at(start.getTime(), now.getTime() - 10 * DAY);
      const first = new Date(plannedAt.getTime() + r.int(1, 80) * DAY);
      const plans: Plan[] = [{ at: plannedAt, scheduledFor: first, quarter: localQuarter(first, district.timeZone) }];
      if (r.chance(0.3)) {
        const moved = new Date(first.getTime() + r.int(5, 60) * DAY);
        const when = new Date(Math.min(first.getTime() - DAY, plannedAt.getTime() + DAY * r.int(1, 5)));
        plans.push({ at: when > plannedAt ? when : new Date(plannedAt.getTime() + 1000), scheduledFor: moved, quarter: localQuarter(moved, district.timeZone) });
      }
      const last = plans[plans.length - 1];
      const meeting: Meeting = { id: randomUUID(), district, communityIds, kind: regional ? 'regional' : 'local', plans, cancelledAt: null, held: null, attendance: [], feedback: [] };
      const roll = r.next();
      if (last.scheduledFor.getTime() < now.getTime() && roll < 0.7) {
        // Held: recorded on the day, or some days late (possibly after the quarter ended in the district zone).
        const heldAt = new Date(last.scheduledFor.getTime() + (r.chance(0.3) ? r.int(1, 40) * DAY : r.int(1, 6) * 3_600_000));
        const recorded = heldAt.getTime() > now.getTime() ? new Date(now.getTime() - 1000) : heldAt;
        meeting.held = { quarter: last.quarter, heldAt: recorded, organisedBy: r.pick(['police', 'police-ngo-facilitated', 'ngo'] as const), closedAt: r.chance(0.5) ? new Date(recorded.getTime() + 1000) : null };
        const versions = r.int(1, 2);
        for (let v = 0; v < versions; v += 1) {
          const row = () => ({ under18: r.int(0, 8), from18to29: r.int(0, 8), from30to59: r.int(0, 12), from60: r.int(0, 4) });
          meeting.attendance.push({ at: new Date(recorded.getTime() + (v + 1) * 60_000), counts: { women: row(), men: row(), other: { under18: 0, from18to29: r.int(0, 2), from30to59: 0, from60: 0 } }, officials: r.int(0, 6) });
        }
        const batches = r.int(0, 2);
        for (let b = 0; b < batches; b += 1) {
          const n = r.int(1, 6);
          meeting.feedback.push(
            Array.from({ length: n }, () => ({ at: new Date(recorded.getTime() + (b + 1) * 3_600_000), usefulness: r.int(1, 5), trust: r.int(1, 5), contactFirst: r.chance(0.5) })),
          );
        }
        const nConcerns = r.int(0, 6);
        for (let k = 0; k < nConcerns; k += 1) {
          const recordedAt = new Date(recorded.getTime() + (k + 1) * 1000);
          const sensitivity: Concern['sensitivity'] = [{ at: recordedAt, value: r.pick(SENSITIVITIES) }];
          if (r.chance(0.3)) sensitivity.push({ at: new Date(recordedAt.getTime() + r.int(1, 10) * DAY), value: r.pick(SENSITIVITIES) });
          const concern: Concern = { id: randomUUID(), meetingId: meeting.id, topic: r.pick(CONCERN_TOPICS), followUpNeeded: r.chance(0.6), recordedAt, sensitivity, actions: [] };
          if (concern.followUpNeeded) {
            const nActions = r.int(0, 2);
            for (let a = 0; a < nActions; a += 1) {
              const assignedAt = new Date(recordedAt.getTime() + a * 1000 + 500);
              const due = new Date(assignedAt.getTime() + r.int(-20, 90) * DAY);
              concern.actions.push({ id: randomUUID(), dueDate: due.toISOString().slice(0, 10), assignedAt, changes: [] });
            }
            // Move actions on over time; the concern is resolved when every action is done/referred/dropped.
            let t = recordedAt.getTime() + DAY;
            for (const action of concern.actions) {
              let status: ActionStatus = 'open';
              const moves = r.int(0, 2);
              for (let m = 0; m < moves; m += 1) {
                t += r.int(0, 30) * DAY + r.int(1, 3_600_000);
                if (t > now.getTime()) break;
                const to = r.pick(ACTION_STATUSES.filter((s) => s !== 'open' && s !== status));
                action.changes.push({ at: new Date(t), from: status, to, concernResolved: false });
                status = to;
              }
            }
            // concernResolved on each change = all actions closed at that instant.
            const all = concern.actions.flatMap((a) => a.changes.map((c) => ({ a, c }))).sort((x, y) => x.c.at.getTime() - y.c.at.getTime());
            const current = new Map(concern.actions.map((a) => [a.id, 'open' as ActionStatus]));
            for (const { a, c } of all) {
              current.set(a.id, c.to);
              c.concernResolved = [...current.values()].every((s) => s === 'done' || s === 'referred' || s === 'dropped');
            }
          }
          concerns.push(concern);
        }
      } else if (roll < 0.85) {
        meeting.cancelledAt = new Date(Math.min(now.getTime() - 1000, last.at.getTime() + r.int(1, 5) * DAY));
      }
      meetings.push(meeting);
    }
  }
  return { now, districts, communities, meetings, concerns };
}

/** The events the platform would have published about the world (in causal order; shuffle to test order independence). */
export function eventsOf(world: World): ModelEvent[] {
  const out: ModelEvent[] = [];
  const iso = (d: Date) => d.toISOString();
  for (const c of world.communities) {
    const [created, ...rest] = c.history;
    out.push({ name: 'communities.evt.community.created.v1', payload: { communityId: c.id, districtCode: c.district.code, regionCode: c.district.region, kind: 'village', status: created.status, occurredAt: iso(created.at) } });
    let from = created.status;
    for (const step of rest) {
      const action = { onboarding: 'onboarding-started', active: 'activated', paused: 'paused', archived: 'archived', proposed: '' }[step.status];
      out.push({ name: `communities.evt.community.${action}.v1`, payload: { communityId: c.id, districtCode: c.district.code, regionCode: c.district.region, from, to: step.status, occurredAt: iso(step.at) } });
      from = step.status;
    }
  }
  const meetingById = new Map(world.meetings.map((m) => [m.id, m]));
  for (const m of world.meetings) {
    const where = { meetingId: m.id, communityIds: m.communityIds, districtCode: m.district.code, regionCode: m.district.region };
    const [first, ...moves] = m.plans;
    out.push({
      name: 'meetings.evt.meeting.scheduled.v1',
      payload: { meetingId: m.id, communityIds: m.communityIds, districtCode: m.district.code, scheduledFor: iso(first.scheduledFor), quarter: first.quarter, regionCode: m.district.region, timeZone: m.district.timeZone, occurredAt: iso(first.at) },
    });
    let previous = first;
    for (const move of moves) {
      out.push({
        name: 'meetings.evt.meeting.rescheduled.v1',
        payload: { ...where, quarter: move.quarter, previousStartsAt: iso(previous.scheduledFor), scheduledFor: iso(move.scheduledFor), inviteeContactIds: [], inviteeOrganisationIds: [], occurredAt: iso(move.at) },
      });
      previous = move;
    }
    const last = m.plans[m.plans.length - 1];
    if (m.cancelledAt) {
      out.push({
        name: 'meetings.evt.meeting.cancelled.v1',
        payload: { ...where, quarter: last.quarter, from: 'scheduled', scheduledFor: iso(last.scheduledFor), inviteeContactIds: [], inviteeOrganisationIds: [], occurredAt: iso(m.cancelledAt) },
      });
    }
    if (m.held) {
      out.push({
        name: 'meetings.evt.meeting.held.v1',
        payload: { ...where, quarter: m.held.quarter, kind: m.kind, organisedBy: m.held.organisedBy, heldAt: iso(m.held.heldAt), startsAt: iso(last.scheduledFor), timeZone: m.district.timeZone },
      });
      if (m.held.closedAt) {
        out.push({ name: 'meetings.evt.meeting.closed.v1', payload: { ...where, quarter: m.held.quarter, kind: m.kind, organisedBy: m.held.organisedBy, closedAt: iso(m.held.closedAt) } });
      }
    }
    for (const a of m.attendance) {
      const total = Object.values(a.counts).reduce((s, row) => s + row.under18 + row.from18to29 + row.from30to59 + row.from60, 0);
      out.push({
        name: 'meetings.evt.meeting.attendance-recorded.v1',
        payload: { meetingId: m.id, districtCode: m.district.code, regionCode: m.district.region, counts: a.counts, total, communityCount: 0, organisationsPresent: 1, officialsPresent: a.officials, staffIntroduced: 0, occurredAt: iso(a.at) },
      });
    }
    const seen: Meeting['feedback'][number] = [];
    for (const batch of m.feedback) {
      seen.push(...batch);
      const n = seen.length;
      out.push({
        name: 'meetings.evt.meeting.feedback-recorded.v1',
        payload: {
          meetingId: m.id,
          districtCode: m.district.code,
          regionCode: m.district.region,
          added: batch.length,
          respondents: n,
          usefulnessAverage: seen.reduce((s, x) => s + x.usefulness, 0) / n,
          trustAverage: seen.reduce((s, x) => s + x.trust, 0) / n,
          contactPoliceFirstShare: seen.filter((x) => x.contactFirst).length / n,
          occurredAt: iso(batch[0].at),
        },
      });
    }
  }
  for (const c of world.concerns) {
    const m = meetingById.get(c.meetingId) as Meeting;
    const where = { meetingId: m.id, districtCode: m.district.code, regionCode: m.district.region };
    out.push({ name: 'meetings.evt.concern.recorded.v1', payload: { concernId: c.id, ...where, topic: c.topic, sensitivity: c.sensitivity[0].value, followUpNeeded: c.followUpNeeded, occurredAt: c.recordedAt.toISOString() } });
    for (let i = 1; i < c.sensitivity.length; i += 1) {
      out.push({ name: 'meetings.evt.concern.sensitivity-changed.v1', payload: { concernId: c.id, ...where, topic: c.topic, from: c.sensitivity[i - 1].value, to: c.sensitivity[i].value, occurredAt: c.sensitivity[i].at.toISOString() } });
    }
    for (const a of c.actions) {
      // The events carry the sensitivity the concern had at the time.
      const sensitivityAt = (t: Date) => [...c.sensitivity].filter((s) => s.at.getTime() <= t.getTime()).pop()?.value ?? c.sensitivity[0].value;
      const about = { actionId: a.id, concernId: c.id, ...where, topic: c.topic };
      out.push({ name: 'meetings.evt.action.assigned.v1', payload: { ...about, sensitivity: sensitivityAt(a.assignedAt), ownerOrganisationId: randomUUID(), dueDate: a.dueDate, occurredAt: a.assignedAt.toISOString() } });
      for (const change of a.changes) {
        out.push({
          name: 'meetings.evt.action.status-changed.v1',
          payload: { ...about, sensitivity: sensitivityAt(change.at), from: change.from, to: change.to, openActionCount: 0, concernResolved: change.concernResolved, occurredAt: change.at.toISOString() },
        });
      }
    }
  }
  return out;
}
