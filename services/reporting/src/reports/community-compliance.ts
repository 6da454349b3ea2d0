import type { EntityManager } from '@mikro-orm/postgresql';
import { quarterOf, type CommunityStatus } from '@rd/contracts';
import { complianceRows, type CommunityQuarterRow, type MeetingFactForCompliance } from './compliance';
import { districtInfo, meetingState, toDate, type MeetingFactRecord } from './report-facts';

/**
 * Rewrites a community's compliance rows (community_quarter) from its status facts and its meetings' facts, up to
 * the quarter of `now`; returns the quarters whose row changed (appeared, went or differs).
 */
export async function recomputeCompliance(tx: EntityManager, communityId: string, now: Date): Promise<string[]> {
  const [snapshot] = await tx.execute<{ district_code: string; region_code: string }[]>(
    'select district_code, region_code from community_snapshot where community_id = ?',
    [communityId],
  );
  const old = await tx.execute<{ quarter: string; active_share: number; expected: boolean; held: boolean; held_on_time: boolean; planned: boolean }[]>(
    'select quarter, active_share, expected, held, held_on_time, planned from community_quarter where community_id = ?',
    [communityId],
  );
  if (!snapshot) return old.map((r) => r.quarter);
  const facts = await tx.execute<{ occurred_at: Date; effective_at: Date | null; status: CommunityStatus }[]>(
    'select occurred_at, effective_at, status from community_status_fact where community_id = ?',
    [communityId],
  );
  const district = await districtInfo(tx, snapshot.district_code);
  const meetings = await tx.execute<MeetingFactRecord[]>('select * from meeting_fact where community_ids @> array[?]::uuid[]', [communityId]);
  const forCompliance: MeetingFactForCompliance[] = meetings
    .filter((m) => m.held_quarter ?? m.planned_quarter)
    .map((m) => ({
      meetingId: m.meeting_id,
      quarter: (m.held_quarter ?? m.planned_quarter) as string,
      state: meetingState(m),
      heldAt: toDate(m.held_at) ?? toDate(m.closed_at),
      timeZone: m.time_zone ?? district.timeZone,
      scheduledFor: toDate(m.scheduled_for),
    }));
  const rows = complianceRows(
    facts.map((f) => ({ at: new Date(f.effective_at ?? f.occurred_at), recordedAt: new Date(f.occurred_at), status: f.status })),
    forCompliance,
    quarterOf(now, 'UTC'),
  );
  const key = (r: Pick<CommunityQuarterRow, 'activeShare' | 'expected' | 'held' | 'heldOnTime' | 'planned'>) =>
    `${r.activeShare.toFixed(9)}|${r.expected}|${r.held}|${r.heldOnTime}|${r.planned}`;
  const before = new Map(old.map((r) => [r.quarter, key({ activeShare: Number(r.active_share), expected: r.expected, held: r.held, heldOnTime: r.held_on_time, planned: r.planned })]));
  const after = new Map(rows.map((r) => [r.quarter, key(r)]));
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((q) => before.get(q) !== after.get(q));
  if (changed.length === 0) return [];
  await tx.execute('delete from community_quarter where community_id = ?', [communityId]);
  for (const r of rows) {
    await tx.execute(
      `insert into community_quarter (community_id, quarter, district_code, region_code, active_share, expected, held, held_on_time, planned)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [communityId, r.quarter, snapshot.district_code, snapshot.region_code, r.activeShare, r.expected, r.held, r.heldOnTime, r.planned],
    );
  }
  // A community that moved district (not possible today) would also need its old district refreshed.
  return changed;
}
