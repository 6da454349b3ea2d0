import type { MeetingView } from '@rd/contracts';
import { api } from './http';

/** A local meeting planned through the gateway by police.isfara at School No. 1, starting `minutes` from now. */
export async function planIsfaraMeeting(communityId: string, title: string, minutes: number, extra: Record<string, unknown> = {}): Promise<MeetingView> {
  const created = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
    kind: 'local',
    communityIds: [communityId],
    districtCode: 'isfara',
    title,
    startsAt: new Date(Date.now() + minutes * 60 * 1000).toISOString(),
    venueName: 'School No. 1',
    venueType: 'school',
    organisedBy: 'police',
    ...extra,
  });
  if (created.status !== 201) throw new Error(`planning ${title} answered ${created.status}: ${JSON.stringify(created.body)}`);
  return created.body;
}
