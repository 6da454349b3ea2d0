import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Region } from '../geography/region.entity';
import { District } from '../geography/district.entity';
import { CommunitiesService } from '../communities/communities.service';
import { DEMO_COMMUNITIES, DEMO_DISTRICTS, DEMO_REGIONS } from './demo-geography';

/** The reference geography. Idempotent. */
export async function seedGeography(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    for (const region of DEMO_REGIONS) await tx.upsert(Region, region);
    for (const district of DEMO_DISTRICTS) await tx.upsert(District, district);
  });
}

/**
 * Geography plus demo communities. Communities go through the service so their events reach the
 * other services exactly like real ones. Idempotent: existing names are skipped.
 */
export async function seedDemo(em: EntityManager): Promise<number> {
  await seedGeography(em);
  const service = new CommunitiesService(em);
  const actor = {
    userId: 'demo-seeder',
    username: 'demo-seeder',
    roles: ['national-coordinator' as const],
    scope: { national: true, regions: [], districts: [] },
  };
  let created = 0;
  for (const community of DEMO_COMMUNITIES) {
    const existing = await em.fork().getConnection().execute(
      'select 1 from community where district_code = ? and lower(name) = lower(?)',
      [community.districtCode, community.name],
    );
    if (existing.length) continue;
    await service.create(actor, { ...community, languages: [...community.languages] }, `seed-${randomUUID()}`);
    created += 1;
  }
  return created;
}
