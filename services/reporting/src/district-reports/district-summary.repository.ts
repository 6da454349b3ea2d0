import { EntityRepository, type EntityManager } from '@mikro-orm/postgresql';
import { DistrictSummary } from './district-summary.entity';

export class DistrictSummaryRepository extends EntityRepository<DistrictSummary> {}

/** Recomputes one district's row from the snapshots, inside the caller's transaction. */
export async function refreshDistrictSummary(tx: EntityManager, districtCode: string, regionCode: string, at: Date): Promise<void> {
  const rows = await tx.execute<{ status: string; n: string }[]>(
    'select status, count(*) as n from community_snapshot where district_code = ? group by status',
    [districtCode],
  );
  const byStatus = Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  const total = rows.reduce((sum, row) => sum + Number(row.n), 0);
  await tx.upsert(DistrictSummary, {
    districtCode,
    regionCode,
    communitiesTotal: total,
    communitiesByStatus: byStatus,
    updatedAt: at,
  });
}
