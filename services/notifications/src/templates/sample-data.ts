import type { NotificationType } from '@rd/contracts';
import type { MessageData } from './render';

const base: MessageData = {
  districtCode: 'isfara',
  regionCode: 'sughd',
  timeZone: 'Asia/Dushanbe',
  districtName: { en: 'Isfara', ru: 'Исфара', tg: 'Исфара', ky: 'Исфара' },
};
const meeting = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Reporting day, Q4',
  startsAt: '2026-12-01T05:00:00Z',
  durationMinutes: 120,
  venueName: 'School No. 3',
  venueLocation: { lat: 40.1264, lng: 70.6253 },
  communities: ['Chorkuh', 'Surkh'],
  sequence: 1,
  status: 'scheduled',
  updatedAt: '2026-11-20T08:00:00Z',
};

/** What a preview renders with: realistic, invented, and never a concern's text. */
export const SAMPLE_DATA: Record<NotificationType, MessageData> = {
  'meeting-invitation': { ...base, meeting },
  'meeting-updated': { ...base, meeting },
  'meeting-rescheduled': { ...base, meeting, previous: { startsAt: '2026-11-28T05:00:00Z' } },
  'meeting-cancelled': { ...base, meeting },
  'meeting-uninvited': { ...base, meeting },
  'meeting-reminder': { ...base, meeting, reminder: { daysBefore: 7 } },
  'minutes-overdue': { ...base, meeting, chase: { daysAfter: 3, heldAt: '2026-12-01T09:00:00Z' } },
  'minutes-distributed': {
    ...base,
    meeting,
    minutes: { version: 2, body: '# Minutes\n\n- 24 residents attended\n- Street lighting: the district administration will report by March', concernsTotal: 5, topics: 3, approvedAt: '2026-12-03T10:00:00Z' },
  },
  'action-assigned': { ...base, meeting, action: { id: '00000000-0000-4000-8000-000000000002', topic: 'road-safety', dueDate: '2027-01-31', owner: 'Isfara district administration' } },
  'action-overdue': { ...base, meeting, action: { id: '00000000-0000-4000-8000-000000000002', topic: 'road-safety', dueDate: '2027-01-31', owner: 'Isfara district administration' } },
  'quarter-warning': { ...base, quarter: { code: '2026-Q4', endDate: '2026-12-31', daysLeft: 21, communities: ['Chorkuh', 'Surkh'] } },
  'community-activated': { ...base, community: { id: '00000000-0000-4000-8000-000000000003', name: 'Chorkuh' } },
  'officer-assigned': { ...base, community: { id: '00000000-0000-4000-8000-000000000003', name: 'Chorkuh' }, officer: { name: 'New officer (sample)', since: '2026-12-01' } },
};
