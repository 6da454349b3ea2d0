import { EntityRepository } from '@mikro-orm/postgresql';
import type { ActionStatus, ActorScope, ConcernTopic, Sensitivity } from '@rd/contracts';
import { Concern } from './concern.entity';

/** What the register decides on for each concern before loading any text: the access facts, filters and sort keys. */
export type RegisterCandidate = Pick<
  Concern,
  'id' | 'meetingId' | 'districtCode' | 'regionCode' | 'topic' | 'sensitivity' | 'handlerIds' | 'provisionalHandlerIds' | 'followUpNeeded' | 'createdAt'
> & {
  /** Start of the meeting it was raised at. */
  raisedAt: Date;
};

/** The register's filters that narrow the candidates in SQL (the status filter needs the actions: it is applied after). */
export interface RegisterFilter {
  districtCode?: string;
  communityId?: string;
  topic?: ConcernTopic;
  sensitivity?: Sensitivity;
  /** Raised at or before this instant (a minimum age). */
  raisedBefore?: Date;
  /** Raised at or after this instant (a maximum age). */
  raisedSince?: Date;
}

/** What a register row shows of its meeting. */
export interface MeetingSummary {
  id: string;
  title: string;
  status: string;
  communityIds: string[];
}

const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** What concerns need to know of the meeting they are raised at. */
export interface MeetingPlace {
  id: string;
  districtCode: string;
  regionCode: string;
  status: string;
}

export class ConcernRepository extends EntityRepository<Concern> {
  /** Reads the meeting row directly: concerns depend on its place and status only, not on the Meeting aggregate. */
  async findMeetingPlace(meetingId: string): Promise<MeetingPlace | null> {
    // em.execute runs in the caller's transaction; getConnection().execute took a second pool connection, and a burst
    // of writes on one meeting (an offline queue flushing) held every connection waiting for another: 60 s, then 500s.
    const rows = await this.getEntityManager().execute<{ id: string; district_code: string; region_code: string; status: string }[]>(
      'select id, district_code, region_code, status from meeting where id = ?',
      [meetingId],
    );
    const row = rows[0];
    return row ? { id: row.id, districtCode: row.district_code, regionCode: row.region_code, status: row.status } : null;
  }

  /** Every concern of a meeting, oldest first; the caller filters them with canReadConcern. */
  findByMeeting(meetingId: string): Promise<Concern[]> {
    return this.find({ meetingId }, { orderBy: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Status of every action of each concern, for counts and resolution. */
  async actionStatuses(concernIds: readonly string[]): Promise<Map<string, ActionStatus[]>> {
    const byConcern = new Map<string, ActionStatus[]>(concernIds.map((id) => [id, []]));
    if (concernIds.length === 0) return byConcern;
    const rows = await this.getEntityManager().execute<{ concern_id: string; status: ActionStatus }[]>(
      `select concern_id, status from follow_up_action where concern_id in (${placeholders(concernIds)})`,
      [...concernIds],
    );
    for (const row of rows) byConcern.get(row.concern_id)?.push(row.status);
    return byConcern;
  }

  /**
   * The register's candidates: concerns of meetings in the scope, narrowed by the filters, without text. Only a coarse
   * cut: the caller applies canReadConcern to every row (ADR 8), and may only get fewer rows than the rule allows.
   */
  async registerCandidates(scope: ActorScope, filter: RegisterFilter): Promise<RegisterCandidate[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (!scope.national) {
      const places = [
        ...(scope.districts.length ? [`c.district_code in (${placeholders(scope.districts)})`] : []),
        ...(scope.regions.length ? [`c.region_code in (${placeholders(scope.regions)})`] : []),
      ];
      add(places.length ? `(${places.join(' or ')})` : 'false', ...scope.districts, ...scope.regions);
    }
    if (filter.districtCode) add('c.district_code = ?', filter.districtCode);
    if (filter.communityId) add('m.community_ids @> ?::jsonb', JSON.stringify([filter.communityId]));
    if (filter.topic) add('c.topic = ?', filter.topic);
    if (filter.sensitivity) add('c.sensitivity = ?', filter.sensitivity);
    if (filter.raisedBefore) add('m.starts_at <= ?', filter.raisedBefore);
    if (filter.raisedSince) add('m.starts_at >= ?', filter.raisedSince);
    const rows = await this.getEntityManager().execute<
      {
        id: string;
        meeting_id: string;
        district_code: string;
        region_code: string;
        topic: ConcernTopic;
        sensitivity: Sensitivity;
        handler_ids: string[];
        provisional_handler_ids: string[];
        follow_up_needed: boolean;
        created_at: Date;
        starts_at: Date;
      }[]
    >(
      `select c.id, c.meeting_id, c.district_code, c.region_code, c.topic, c.sensitivity, c.handler_ids, c.provisional_handler_ids,
              c.follow_up_needed, c.created_at, m.starts_at
         from concern c join meeting m on m.id = c.meeting_id
        where ${where.length ? where.join(' and ') : 'true'}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      meetingId: r.meeting_id,
      districtCode: r.district_code,
      regionCode: r.region_code,
      topic: r.topic,
      sensitivity: r.sensitivity,
      handlerIds: r.handler_ids ?? [],
      provisionalHandlerIds: r.provisional_handler_ids ?? [],
      followUpNeeded: r.follow_up_needed,
      createdAt: new Date(r.created_at),
      raisedAt: new Date(r.starts_at),
    }));
  }

  /** Title, status and communities of the given meetings, by id. */
  async meetingSummaries(meetingIds: readonly string[]): Promise<Map<string, MeetingSummary>> {
    if (meetingIds.length === 0) return new Map();
    const rows = await this.getEntityManager().execute<{ id: string; title: string; status: string; community_ids: string[] }[]>(
      `select id, title, status, community_ids from meeting where id in (${placeholders(meetingIds)})`,
      [...meetingIds],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, status: r.status, communityIds: r.community_ids ?? [] }]));
  }
}
