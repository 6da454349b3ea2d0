import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { actorCoversDistrict, type Actor, type DataOf, type CommunityCreatedEvtV1, type DistrictReport } from '@rd/contracts';
import { applyOnce } from '@rd/persistence';
import type { EventMeta } from '@rd/messaging';
import { CommunitySnapshot } from './community-snapshot.entity';
import { emptyDistrictReport, toDistrictReport } from './district-report.mapper';
import { DistrictSummary } from './district-summary.entity';
import { refreshDistrictSummary } from './district-summary.repository';
import { ReportingException } from './reporting.exception';

@Injectable()
export class DistrictReportsService {
  constructor(private readonly em: EntityManager) {}

  async get(actor: Actor, districtCode: string): Promise<DistrictReport> {
    const summary = await this.em.fork().findOne(DistrictSummary, { districtCode });
    if (summary) {
      if (!actorCoversDistrict(actor.scope, summary.regionCode, districtCode)) throw ReportingException.notFound();
      return toDistrictReport(summary);
    }
    // Not seen in any event yet: answer zeros only to someone who holds the district by name.
    if (actor.scope.national || actor.scope.districts.includes(districtCode)) return emptyDistrictReport(districtCode);
    throw ReportingException.notFound();
  }

  /** Applies community.created once, whatever the number of deliveries. */
  async onCommunityCreated(event: DataOf<typeof CommunityCreatedEvtV1>, meta: EventMeta): Promise<boolean> {
    return applyOnce(this.em, { consumer: meta.consumer, messageId: meta.messageId, subject: meta.subject }, async (tx) => {
      const at = new Date(event.occurredAt);
      await tx.upsert(CommunitySnapshot, {
        communityId: event.communityId,
        districtCode: event.districtCode,
        regionCode: event.regionCode,
        status: event.status,
        updatedAt: at,
      });
      await refreshDistrictSummary(tx, event.districtCode, event.regionCode, at);
    });
  }
}
