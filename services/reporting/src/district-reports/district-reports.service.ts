import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  actorCoversDistrict,
  DomainException,
  type Actor,
  type CommunityCreatedEvtV1,
  type CommunityStatusChangedPayload,
  type DataOf,
  type DistrictReport,
} from '@rd/contracts';
import { ReportProjectionService } from '../reports/report-projection.service';
import { emptyDistrictReport, toDistrictReport } from './district-report.mapper';
import { DistrictSummary } from './district-summary.entity';

@Injectable()
export class DistrictReportsService {
  constructor(
    private readonly em: EntityManager,
    private readonly projection: ReportProjectionService,
  ) {}

  async get(actor: Actor, districtCode: string): Promise<DistrictReport> {
    const summary = await this.em.fork().findOne(DistrictSummary, { districtCode });
    if (summary) {
      if (!actorCoversDistrict(actor.scope, summary.regionCode, districtCode)) throw new DomainException('report.not-found', 'Report not found');
      return toDistrictReport(summary);
    }
    // Not seen in any event yet: answer zeros only to someone who holds the district by name.
    if (actor.scope.national || actor.scope.districts.includes(districtCode)) return emptyDistrictReport(districtCode);
    throw new DomainException('report.not-found', 'Report not found');
  }

  /** community.created (applied once through reporting's event table). */
  async onCommunityCreated(tx: EntityManager, event: DataOf<typeof CommunityCreatedEvtV1>): Promise<void> {
    const at = new Date(event.occurredAt);
    await this.projection.lock(tx);
    await upsertIfNewer(tx, event.communityId, event.districtCode, event.regionCode, event.status, at);
    await this.projection.districtSummaryChanged(tx, event.districtCode, event.regionCode, at);
    await this.projection.onCommunityStatus(tx, { ...event, status: event.status });
  }

  /**
   * A status event (onboarding-started, activated, paused, archived). Events of one community reach separate
   * durable consumers and may arrive out of order: the newest `occurredAt` wins.
   */
  async onCommunityStatusChanged(tx: EntityManager, event: CommunityStatusChangedPayload): Promise<void> {
    const at = new Date(event.occurredAt);
    await this.projection.lock(tx);
    await upsertIfNewer(tx, event.communityId, event.districtCode, event.regionCode, event.to, at);
    await this.projection.districtSummaryChanged(tx, event.districtCode, event.regionCode, at);
    await this.projection.onCommunityStatus(tx, { ...event, status: event.to });
  }
}

async function upsertIfNewer(
  tx: EntityManager,
  communityId: string,
  districtCode: string,
  regionCode: string,
  status: string,
  at: Date,
): Promise<void> {
  await tx.execute(
    `insert into community_snapshot (community_id, district_code, region_code, status, updated_at) values (?, ?, ?, ?, ?)
     on conflict (community_id) do update set status = excluded.status, updated_at = excluded.updated_at
     where community_snapshot.updated_at <= excluded.updated_at`,
    [communityId, districtCode, regionCode, status, at],
  );
}
