import type { MikroORM } from '@mikro-orm/postgresql';
import { quarterOf } from '@rd/contracts';
import { randomUUID } from 'node:crypto';

export interface SeedMeeting {
  districtCode: string;
  regionCode: string;
  communityIds?: string[];
  startsAt?: Date;
  status?: string;
  title?: string;
}

/** A meeting row written directly, for suites about what hangs off a meeting (concerns, actions); returns its id. */
export async function seedMeeting(orm: MikroORM, meeting: SeedMeeting): Promise<string> {
  const id = randomUUID();
  const startsAt = meeting.startsAt ?? new Date();
  await orm.em.fork().getConnection().execute(
    `insert into meeting (id, kind, title, community_ids, district_code, region_code, time_zone, starts_at, quarter, venue_name, venue_type,
                          organised_by, status, created_by, created_at, updated_at)
     values (?, 'local', ?, ?::jsonb, ?, ?, 'Asia/Dushanbe', ?, ?, 'School No. 3', 'school', 'police', ?, 'seed', now(), now())`,
    [
      id,
      meeting.title ?? 'Reporting day',
      JSON.stringify(meeting.communityIds ?? []),
      meeting.districtCode,
      meeting.regionCode,
      startsAt,
      quarterOf(startsAt, 'Asia/Dushanbe'),
      meeting.status ?? 'held',
    ],
  );
  return id;
}
