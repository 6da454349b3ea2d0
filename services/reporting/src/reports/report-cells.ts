import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActionStatus, ConcernTopic, Sensitivity } from '@rd/contracts';
import { allDueDays, buildRawCounts, splitDueDays, sumCounts, withDueDays, type ActionRow, type ComplianceFlags, type ConcernRow, type DueDays, type RawCounts } from './raw-counts';
import { districtInfo, dueDateText, pgArray, toDate, toMeetingRow, type MeetingFactRecord } from './report-facts';

/** Levels of the pre-aggregated cells. */
export type ReportCellLevel = 'community' | 'district' | 'region' | 'country';

/** Level name of the year cells (quarter column = the year), one per quarter level. */
export const YEAR_LEVEL: Readonly<Record<ReportCellLevel, string>> = { community: 'community-y', district: 'district-y', region: 'region-y', country: 'country-y' };

/** Affected cells of one event: a district, some quarters, and the communities whose own cells change. */
export interface Touch {
  districtCode: string;
  quarters: Set<string>;
  communityIds: Set<string>;
}

/** Where a cell sits (stored with it for scope filters and day boundaries). */
interface CellPlace {
  districtCode: string | null;
  regionCode: string | null;
  timeZone: string | null;
}

/** A stored cell's counts and its due-date days (kept in their own column). */
interface StoredCounts {
  counts: RawCounts;
  due_days: DueDays | null;
}

/** Recomputes the touched cells from facts: communities, the district, its region and the country. */
export async function refreshCells(tx: EntityManager, touch: Touch, now: Date): Promise<void> {
  if (touch.quarters.size === 0) return;
  const district = await districtInfo(tx, touch.districtCode);
  for (const quarter of touch.quarters) {
    const meetings = await tx.execute<MeetingFactRecord[]>('select * from meeting_fact where district_code = ? and quarter = ?', [touch.districtCode, quarter]);
    const ids = meetings.map((m) => m.meeting_id);
    const concerns = ids.length
      ? await tx.execute<{ meeting_id: string; topic: ConcernTopic; sensitivity: Sensitivity; follow_up_needed: boolean | null; recorded_at: Date; resolved_at: Date | null }[]>(
          'select meeting_id, topic, sensitivity, follow_up_needed, recorded_at, resolved_at from concern_fact where meeting_id = any(?::uuid[]) and recorded_at is not null',
          [pgArray(ids)],
        )
      : [];
    const actions = ids.length
      ? await tx.execute<{ meeting_id: string; status: ActionStatus; due_date: string | Date | null }[]>(
          'select meeting_id, status, due_date from action_fact where meeting_id = any(?::uuid[])',
          [pgArray(ids)],
        )
      : [];
    const compliance = await tx.execute<{ community_id: string; expected: boolean; held: boolean; held_on_time: boolean; planned: boolean; region_code: string | null }[]>(
      'select community_id, expected, held, held_on_time, planned, region_code from community_quarter where district_code = ? and quarter = ?',
      [touch.districtCode, quarter],
    );
    const meetingRows = meetings.map(toMeetingRow);
    const concernRows: ConcernRow[] = concerns.map((c) => ({
      meetingId: c.meeting_id,
      topic: c.topic,
      sensitivity: c.sensitivity,
      followUpNeeded: c.follow_up_needed === true,
      recordedAt: new Date(c.recorded_at),
      resolvedAt: toDate(c.resolved_at),
    }));
    const actionRows: ActionRow[] = actions.map((a) => ({ meetingId: a.meeting_id, status: a.status, dueDate: dueDateText(a.due_date) }));
    const flags = (r: (typeof compliance)[number]): ComplianceFlags => ({ expected: r.expected, held: r.held, heldOnTime: r.held_on_time, planned: r.planned });
    const regionCode = district.regionCode ?? compliance.find((r) => r.region_code)?.region_code ?? meetings.find((m) => m.region_code)?.region_code ?? null;

    await writeCell(tx, 'district', touch.districtCode, quarter, { districtCode: touch.districtCode, regionCode, timeZone: district.timeZone }, buildRawCounts(compliance.map(flags), meetingRows, concernRows, actionRows), now);

    for (const communityId of touch.communityIds) {
      const own = meetingRows.filter((_, i) => meetings[i].community_ids.includes(communityId));
      const ownIds = new Set(own.map((m) => m.meetingId));
      const [ownCompliance] = await tx.execute<{ expected: boolean; held: boolean; held_on_time: boolean; planned: boolean; district_code: string; region_code: string | null }[]>(
        'select expected, held, held_on_time, planned, district_code, region_code from community_quarter where community_id = ? and quarter = ?',
        [communityId, quarter],
      );
      const raw = buildRawCounts(
        ownCompliance ? [{ expected: ownCompliance.expected, held: ownCompliance.held, heldOnTime: ownCompliance.held_on_time, planned: ownCompliance.planned }] : [],
        own,
        concernRows.filter((c) => ownIds.has(c.meetingId)),
        actionRows.filter((a) => ownIds.has(a.meetingId)),
      );
      const [snapshot] = await tx.execute<{ district_code: string; region_code: string }[]>(
        'select district_code, region_code from community_snapshot where community_id = ?',
        [communityId],
      );
      await writeCell(
        tx,
        'community',
        communityId,
        quarter,
        { districtCode: snapshot?.district_code ?? touch.districtCode, regionCode: snapshot?.region_code ?? regionCode, timeZone: district.timeZone },
        raw,
        now,
      );
    }

    if (regionCode) {
      const districts = await tx.execute<StoredCounts[]>("select counts, due_days from report_cell where level = 'district' and region_code = ? and quarter = ?", [regionCode, quarter]);
      await writeCell(tx, 'region', regionCode, quarter, { districtCode: null, regionCode, timeZone: null }, sumStored(districts), now);
    }
    const all = await tx.execute<StoredCounts[]>("select counts, due_days from report_cell where level = 'district' and quarter = ?", [quarter]);
    await writeCell(tx, 'country', '', quarter, { districtCode: null, regionCode: null, timeZone: null }, sumStored(all), now);
  }
}

async function writeCell(
  tx: EntityManager,
  level: ReportCellLevel,
  code: string,
  quarter: string,
  place: CellPlace,
  counts: RawCounts,
  at: Date,
): Promise<void> {
  if (Object.keys(counts).length === 0 && level === 'community') {
    await tx.execute('delete from report_cell where level = ? and code = ? and quarter = ?', [level, code, quarter]);
  } else {
    await upsertCell(tx, level, code, quarter, place, counts, at);
  }
  // The year cell (sum of its four quarters) lets a long range read a quarter of the rows.
  const year = quarter.slice(0, 4);
  const quarters = await tx.execute<StoredCounts[]>('select counts, due_days from report_cell where level = ? and code = ? and quarter = any(?::text[])', [
    level,
    code,
    `{${[1, 2, 3, 4].map((q) => `${year}-Q${q}`).join(',')}}`,
  ]);
  if (quarters.length === 0) {
    await tx.execute('delete from report_cell where level = ? and code = ? and quarter = ?', [YEAR_LEVEL[level], code, year]);
  } else {
    await upsertCell(tx, YEAR_LEVEL[level], code, year, place, sumStored(quarters), at);
  }
}

async function upsertCell(
  tx: EntityManager,
  level: string,
  code: string,
  period: string,
  place: CellPlace,
  counts: RawCounts,
  at: Date,
): Promise<void> {
  const { counts: stored, dueDays } = splitDueDays(counts);
  await tx.execute(
    `insert into report_cell (level, code, quarter, district_code, region_code, time_zone, counts, due_days, updated_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
     on conflict (level, code, quarter) do update set district_code = excluded.district_code, region_code = excluded.region_code,
       time_zone = excluded.time_zone, counts = excluded.counts, due_days = excluded.due_days, updated_at = excluded.updated_at`,
    [level, code, period, place.districtCode, place.regionCode, place.timeZone, JSON.stringify(stored), JSON.stringify(dueDays), at],
  );
}

/** Key-wise sum of stored cells, day keys included. */
function sumStored(rows: readonly StoredCounts[]): RawCounts {
  return sumCounts(rows.map((r) => withDueDays(r.counts, allDueDays(r.due_days))));
}
