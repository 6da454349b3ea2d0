import type { BriefingView, CommunityView, MeetingAgendaView, MeetingView, TemplateView } from '@rd/contracts';
import { randomBytes } from 'node:crypto';
import { api } from './support/http';

const hex = () => randomBytes(3).toString('hex');
const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

describe('handbook templates and meeting agendas through the gateway', () => {
  let meeting: MeetingView;
  let template: TemplateView;

  beforeAll(async () => {
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Agenda village ${hex()}`, districtCode: 'isfara', kind: 'village' });
    expect(community.status).toBe(201);
    const planned = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [community.body.id],
      districtCode: 'isfara',
      title: 'Reporting day',
      // In three days: the steps due 14, 10, 7 and 5 days before fell before the meeting existed: a late start (ADR 9).
      startsAt: inDays(3),
      venueName: 'Community centre',
      venueType: 'community-centre',
      organisedBy: 'police',
    });
    expect(planned.status).toBe(201);
    meeting = planned.body;
  });

  it('should list the seeded handbook template v1 for any meeting reader', async () => {
    const list = await api<TemplateView[]>('gov.isfara', 'GET', '/templates');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toMatch(/^templates 0-\d+\/\d+$/);
    const found = list.body.find((t) => t.key === 'reporting-day' && t.version === 1);
    expect(found).toBeDefined();
    template = found!;
  });

  it('should copy the template onto the meeting, report late-start steps (not overdue) and let them be ticked', async () => {
    const empty = await api<MeetingAgendaView>('police.isfara', 'GET', `/meetings/${meeting.id}/agenda`);
    expect(empty.body).toMatchObject({ templateId: null, items: [], checklist: [] });

    const applied = await api<MeetingAgendaView>('ngo.isfara', 'POST', `/meetings/${meeting.id}/apply-template`, { templateId: template.id });
    expect(applied.status).toBe(200);
    expect(applied.body.items.map((i) => i.kind)).toEqual(template.agenda.map((i) => i.kind));
    const venue = applied.body.checklist.find((i) => i.key === 'book-venue')!;
    expect(venue).toMatchObject({ overdue: false, lateStart: true });
    expect(applied.body.checklist.find((i) => i.key === 'share-minutes')).toMatchObject({ overdue: false });
    expect(applied.body.checklist.find((i) => i.key === 'share-minutes')?.lateStart).not.toBe(true);

    const ticked = await api<MeetingAgendaView>('police.isfara', 'POST', `/meetings/${meeting.id}/checklist/${venue.id}/tick`, {});
    expect(ticked.status).toBe(200);
    expect(ticked.body.checklist.find((i) => i.id === venue.id)).toMatchObject({ done: true, overdue: false });
    expect(ticked.body.checklist.find((i) => i.id === venue.id)?.lateStart).not.toBe(true);
  });

  it('should hide the agenda outside the scope and refuse writes to readers', async () => {
    expect((await api('police.batken', 'GET', `/meetings/${meeting.id}/agenda`)).status).toBe(404);
    expect((await api('gov.isfara', 'POST', `/meetings/${meeting.id}/apply-template`, { templateId: template.id })).status).toBe(403);
  });

  it('should let the coordinator publish a briefing and a planner present it under the legal-information item', async () => {
    const body = { title: { en: 'Use of pastures abroad', ky: 'Чет өлкөдөгү жайыттар' }, summary: { en: 'Who may graze where' }, body: { en: 'Full text' }, effectiveDate: '2027-01-01' };
    expect((await api('police.isfara', 'POST', '/briefings', body)).status).toBe(403);
    const v1 = await api<BriefingView>('coordinator', 'POST', '/briefings', body);
    expect(v1.status).toBe(201);
    const v2 = await api<BriefingView>('ngo.isfara', 'POST', `/briefings/${v1.body.id}/versions`, { ...body, effectiveDate: '2027-06-01' });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ familyId: v1.body.familyId, version: 2 });

    const agenda = await api<MeetingAgendaView>('police.isfara', 'GET', `/meetings/${meeting.id}/agenda`);
    const legal = agenda.body.items.find((i) => i.kind === 'legal-information');
    expect(legal).toBeDefined();
    const attached = await api<MeetingAgendaView>('police.isfara', 'POST', `/meetings/${meeting.id}/agenda/items/${legal?.id}/briefing`, { briefingId: v2.body.id });
    expect(attached.status).toBe(200);
    expect(attached.body.items.find((i) => i.id === legal?.id)?.briefingId).toBe(v2.body.id);
    // Not held yet: not delivered.
    const deliveries = await api<unknown[]>('police.isfara', 'GET', `/briefings/${v2.body.id}/deliveries`);
    expect(deliveries.status).toBe(200);
    expect(deliveries.body).toEqual([]);
  });
});
