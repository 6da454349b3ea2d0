import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { e2eEnv } from './e2e-env';
import { tokenFor } from './http';

/** The Keycloak subject (user id) of a demo user, read from a real access token. */
export async function subjectOf(username: string): Promise<string> {
  const token = await tokenFor(username);
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { sub?: string };
  if (!payload.sub) throw new Error(`The token of ${username} has no sub`);
  return payload.sub;
}

async function withMeetingsDb<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: e2eEnv().databaseUrls.meetings });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/**
 * A held meeting straight in the meetings database: concern specs need a meeting in a district, not the
 * planning workflow (covered by the meetings specs).
 */
export function insertHeldMeeting(districtCode: string, regionCode: string, communityIds: string[] = []): Promise<string> {
  const id = randomUUID();
  return withMeetingsDb(async (db) => {
    await db.query(
      `insert into meeting (id, kind, title, community_ids, district_code, region_code, time_zone, starts_at, quarter, venue_name, venue_type, organised_by, status, created_by, created_at, updated_at)
       values ($1, 'local', 'E2E reporting day', $4::jsonb, $2, $3, 'Asia/Dushanbe', now(), '2026-Q4', 'School No. 1', 'school', 'police', 'held', 'e2e', now(), now())`,
      [id, districtCode, regionCode, JSON.stringify(communityIds)],
    );
    return id;
  });
}

/** Audit records the meetings service wrote to its outbox for one concern and action. */
export function meetingsAuditRows(concernId: string, action: string): Promise<{ userId: string; correlationId: string }[]> {
  return withMeetingsDb(async (db) => {
    const result = await db.query<{ payload: { actor: { userId: string }; correlationId: string } }>(
      `select payload from outbox_message where subject = 'audit.evt.entry.submitted.v1' and payload->>'resourceId' = $1 and payload->>'action' = $2`,
      [concernId, action],
    );
    return result.rows.map((row) => ({ userId: row.payload.actor.userId, correlationId: row.payload.correlationId }));
  });
}
