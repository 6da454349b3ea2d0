import type { EntityManager } from '@mikro-orm/postgresql';

/** When the attendance of a meeting was recorded, or null; read for the close rule "attendance recorded". */
export async function attendanceRecordedAt(em: EntityManager, meetingId: string): Promise<Date | null> {
  // In the caller's transaction (its connection), never a second one from the pool.
  const rows = await em.execute<{ recorded_at: Date }[]>('select recorded_at from meeting_attendance where meeting_id = ?', [meetingId]);
  return rows[0] ? new Date(rows[0].recorded_at) : null;
}
