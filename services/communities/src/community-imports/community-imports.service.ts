import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  actorCoversDistrict,
  CommunityCreatedEvtV1,
  type Actor,
  type ImportedCommunity,
  type ImportRowError,
  type NumberedImportRow,
} from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { communityCodeFrom } from '../communities/community-code';
import { Community } from '../communities/community.entity';
import { District } from '../geography/district.entity';

export type ApplyOutcome = { outcome: 'applied'; created: ImportedCommunity[] } | { outcome: 'rejected'; errors: ImportRowError[] };

const nameKey = (districtCode: string, name: string) => `${districtCode}\u0000${name.trim().toLocaleLowerCase()}`;

/**
 * Bulk onboarding: checks parsed import rows (district exists and is in scope, the name is new in its
 * district and in the file) and creates them all in one transaction, or none.
 */
@Injectable()
export class CommunityImportsService {
  constructor(private readonly em: EntityManager) {}

  /** Every problem with the rows; writes nothing. */
  async check(actor: Actor, rows: readonly NumberedImportRow[], em: EntityManager = this.em): Promise<ImportRowError[]> {
    const codes = [...new Set(rows.map((r) => r.data.districtCode))];
    const districts = new Map((await em.find(District, { code: { $in: codes } })).map((d) => [d.code, d]));
    const existing = await em.find(Community, { districtCode: { $in: codes } }, { fields: ['name', 'districtCode'] });
    const taken = new Set(existing.map((c) => nameKey(c.districtCode, c.name)));
    const requestedCodes = rows.map((r) => r.data.code).filter((c): c is string => !!c);
    const takenCodes = new Set(
      requestedCodes.length ? (await em.find(Community, { code: { $in: requestedCodes } }, { fields: ['code'] })).map((c) => c.code) : [],
    );
    const firstRowWithName = new Map<string, number>();
    const firstRowWithCode = new Map<string, number>();
    const errors: ImportRowError[] = [];
    for (const { row, data } of rows) {
      const district = districts.get(data.districtCode);
      if (!district) {
        errors.push({ row, field: 'districtCode', message: `Unknown district "${data.districtCode}"` });
        continue;
      }
      if (!actorCoversDistrict(actor.scope, district.regionCode, district.code)) {
        errors.push({ row, field: 'districtCode', message: `District "${data.districtCode}" is outside your scope` });
        continue;
      }
      const key = nameKey(district.code, data.name);
      if (taken.has(key)) {
        errors.push({ row, field: 'name', message: `A community named "${data.name}" already exists in ${district.code}` });
      } else if (firstRowWithName.has(key)) {
        errors.push({ row, field: 'name', message: `Same name and district as row ${firstRowWithName.get(key)}` });
      } else {
        firstRowWithName.set(key, row);
      }
      const code = data.code;
      if (code && takenCodes.has(code)) errors.push({ row, field: 'code', message: `A community with code "${code}" already exists` });
      else if (code && firstRowWithCode.has(code)) errors.push({ row, field: 'code', message: `Same code as row ${firstRowWithCode.get(code)}` });
      else if (code) firstRowWithCode.set(code, row);
    }
    return errors;
  }

  /** All rows become proposed communities, each with its community.created event, in one transaction; or nothing. */
  async apply(actor: Actor, rows: readonly NumberedImportRow[], correlationId: string): Promise<ApplyOutcome> {
    try {
      return await this.em.transactional(async (tx) => {
        const errors = await this.check(actor, rows, tx);
        if (errors.length) return { outcome: 'rejected', errors };
        const districts = new Map((await tx.find(District, { code: { $in: rows.map((r) => r.data.districtCode) } })).map((d) => [d.code, d]));
        const usedCodes = await this.codesIn(tx, rows);
        const created: ImportedCommunity[] = [];
        for (const { row, data } of rows) {
          const district = districts.get(data.districtCode) as District;
          // Same fields and defaults as a single create (CommunitiesService.create).
          const community = tx.create(Community, {
            name: data.name,
            code: data.code ?? freeCode(usedCodes, communityCodeFrom(district.code, data.name)),
            location: data.location ?? null,
            districtCode: district.code,
            regionCode: district.regionCode,
            kind: data.kind,
            population: data.population ?? null,
            borderAdjacent: data.borderAdjacent,
            languages: data.languages,
            status: 'proposed',
            createdBy: actor.userId,
          });
          recordEvent(
            tx,
            CommunityCreatedEvtV1,
            {
              communityId: community.id,
              districtCode: community.districtCode,
              regionCode: community.regionCode,
              kind: community.kind,
              status: community.status,
              occurredAt: community.createdAt.toISOString(),
            },
            correlationId,
          );
          usedCodes.add(community.code);
          created.push({ row, id: community.id, name: community.name, districtCode: community.districtCode });
        }
        return { outcome: 'applied', created };
      });
    } catch (error) {
      // Someone created one of these names or codes between the check and the commit: a unique index refused it.
      if (error instanceof UniqueConstraintViolationException) {
        return {
          outcome: 'rejected',
          errors: [{ row: 0, field: 'name', message: 'A community with one of these names or codes was created meanwhile; run the dry-run again' }],
        };
      }
      throw error;
    }
  }

  /** Codes already taken in the districts of the import, and the codes the rows ask for. */
  private async codesIn(em: EntityManager, rows: readonly NumberedImportRow[]): Promise<Set<string>> {
    const districts = [...new Set(rows.map((r) => r.data.districtCode))];
    const existing = await em.find(Community, { $or: districts.map((d) => ({ code: { $like: `${d}-%` } })) }, { fields: ['code'] });
    return new Set([...existing.map((c) => c.code), ...rows.map((r) => r.data.code).filter((c): c is string => !!c)]);
  }
}

/** The derived code, or the first of `<code>-2`, `<code>-3`… nobody holds yet (as a single create picks it). */
function freeCode(used: ReadonlySet<string>, base: string): string {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
