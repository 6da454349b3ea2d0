import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Region } from '../geography/region.entity';
import { District } from '../geography/district.entity';
import { CommunitiesService } from '../communities/communities.service';
import { DEMO_COMMUNITIES, DEMO_DISTRICTS, DEMO_REGIONS } from './demo-geography';
import { DEMO_CONTACTS, DEMO_ORGANISATIONS } from './demo-people';
import { Community } from '../communities/community.entity';
import { Contact } from '../contacts/contact.entity';
import { ContactsService } from '../contacts/contacts.service';
import { Organisation } from '../organisations/organisation.entity';
import { OrganisationsService } from '../organisations/organisations.service';

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
  await seedPeople(em, actor);
  return created;
}

/** Demo organisations and contacts in Isfara, through the services (consent events included). Idempotent by name. */
async function seedPeople(em: EntityManager, actor: Parameters<CommunitiesService['create']>[0]): Promise<void> {
  const organisations = new OrganisationsService(em);
  const contacts = new ContactsService(em);
  const orgIds = new Map<string, string>();
  for (const org of DEMO_ORGANISATIONS) {
    const existing = await em.fork().findOne(Organisation, { name: org.name });
    orgIds.set(org.name, existing?.id ?? (await organisations.create(actor, org)).id);
  }
  for (const person of DEMO_CONTACTS) {
    if (await em.fork().findOne(Contact, { name: person.name })) continue;
    const communityIds = (await em.fork().find(Community, { districtCode: 'isfara', name: { $in: [...person.communities] } })).map((c) => c.id);
    await contacts.create(
      actor,
      {
        name: person.name,
        position: person.position,
        organisationId: orgIds.get(person.organisation),
        phone: person.phone,
        email: person.email,
        preferredLanguage: person.preferredLanguage,
        preferredChannel: person.preferredChannel,
        consent: true,
        communityIds,
      },
      `seed-${randomUUID()}`,
    );
  }
}
