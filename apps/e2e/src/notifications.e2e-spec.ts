import type { CommunityView, ContactView, DeliveryView, InboxCountView, InboxItemView, MeetingView, NotificationPreviewView, NotificationSettingsView, NotificationTemplateVersionView, NotificationTemplateView } from '@rd/contracts';
import { eventually } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { emailsTo } from './support/emails';
import { api } from './support/http';

const hex = () => randomBytes(3).toString('hex');
const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

describe('notifications through the gateway: invitation, delivery log, resend, inbox, templates, settings', () => {
  const email = `invitee.${hex()}@example.tj`;
  let contact: ContactView;
  let meeting: MeetingView;
  let delivery: DeliveryView;

  beforeAll(async () => {
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Notified village ${hex()}`, districtCode: 'isfara', kind: 'village' });
    expect(community.status).toBe(201);
    const created = await api<ContactView>('ngo.isfara', 'POST', '/contacts', {
      name: 'Invitee (test)',
      districtCode: 'isfara',
      email,
      preferredChannel: 'email',
      preferredLanguage: 'en',
      consent: true,
    });
    expect(created.status).toBe(201);
    contact = created.body;
    const draft = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [community.body.id],
      districtCode: 'isfara',
      title: `Notified reporting day ${hex()}`,
      startsAt: inDays(30),
      venueName: 'School No. 3',
      venueType: 'school',
      venueLocation: { lat: 40.1264, lng: 70.6253 },
      organisedBy: 'police',
      inviteeContactIds: [contact.id],
    });
    expect(draft.status).toBe(201);
    const scheduled = await api<MeetingView>('police.isfara', 'POST', `/meetings/${draft.body.id}/transitions`, { to: 'scheduled' });
    expect(scheduled.status).toBe(200);
    meeting = scheduled.body;
  });

  it('should email the invitation with the .ics through the real services and log it for organisers in scope only', async () => {
    const filter = encodeURIComponent(JSON.stringify({ meetingId: meeting.id }));
    const log = await eventually(async () => {
      const response = await api<DeliveryView[]>('ngo.isfara', 'GET', `/notifications/deliveries?filter=${filter}&range=[0,49]`);
      expect(response.status).toBe(200);
      expect(response.body.find((d) => d.recipientId === contact.id)?.status).toBe('sent');
      return response;
    }, 20_000, 200);
    expect(log.headers.get('content-range')).toMatch(/^notifications\/deliveries 0-\d+\/\d+$/);
    delivery = log.body.find((d) => d.recipientId === contact.id)!;
    expect(delivery).toMatchObject({ type: 'meeting-invitation', channel: 'email', address: email, requestedLanguage: 'en', language: 'en', languageFallback: false, districtCode: 'isfara' });
    expect(log.body.find((d) => d.recipientKind === 'audience')).toMatchObject({ channel: 'console', status: 'delivered' });

    const [mail] = await eventually(async () => {
      const mails = await emailsTo(email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail.subject).toContain(meeting.title);
    const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'))?.content.toString() ?? '';
    expect(ics).toContain(`UID:${meeting.id}@reporting-days`);
    // The venue's point and a map of it, in the calendar entry and in the text.
    const mapLink = 'https://www.openstreetmap.org/?mlat=40.1264&mlon=70.6253#map=17/40.1264/70.6253';
    expect(ics.replace(/\r\n[ \t]/g, '').split('\r\n')).toEqual(expect.arrayContaining(['GEO:40.1264;70.6253', `DESCRIPTION:${mapLink}`]));
    expect(mail.text).toContain(`Map: ${mapLink}`);

    const outside = await api<DeliveryView[]>('police.batken', 'GET', `/notifications/deliveries?filter=${filter}`);
    expect([outside.status, outside.body]).toEqual([200, []]);
    expect((await api('police.batken', 'GET', `/notifications/deliveries/${delivery.id}`)).status).toBe(404);
    expect((await api('gov.isfara', 'GET', `/notifications/deliveries?filter=${filter}`)).status).toBe(403);
  });

  it('should resend a delivery as a new one to the current address', async () => {
    const resent = await api<DeliveryView>('ngo.isfara', 'POST', `/notifications/deliveries/${delivery.id}/resend`, {});
    expect(resent.status).toBe(201);
    expect(resent.body).toMatchObject({ resendOf: delivery.id, recipientId: contact.id });
    await eventually(async () => {
      const again = await api<DeliveryView>('ngo.isfara', 'GET', `/notifications/deliveries/${resent.body.id}`);
      expect(again.body.status).toBe('sent');
    }, 10_000, 200);
    await eventually(async () => expect(await emailsTo(email)).toHaveLength(2));
    expect((await api('police.batken', 'POST', `/notifications/deliveries/${delivery.id}/resend`, {})).status).toBe(404);
  });

  it('should show the district team the message in their console inbox with per-user read state', async () => {
    const filter = encodeURIComponent(JSON.stringify({ type: 'meeting-invitation' }));
    const item = await eventually(async () => {
      const inbox = await api<InboxItemView[]>('gov.isfara', 'GET', `/notifications/inbox?filter=${filter}&range=[0,99]`);
      expect(inbox.status).toBe(200);
      const found = inbox.body.find((i) => i.link === `/meetings/${meeting.id}/show`);
      expect(found).toBeDefined();
      return found!;
    }, 10_000, 200);
    expect(item.read).toBe(false);
    const before = await api<InboxCountView>('gov.isfara', 'GET', '/notifications/inbox/count');
    const read = await api<InboxItemView>('gov.isfara', 'POST', `/notifications/inbox/${item.id}/read`, {});
    expect([read.status, read.body.read]).toEqual([200, true]);
    const after = await api<InboxCountView>('gov.isfara', 'GET', '/notifications/inbox/count');
    expect(after.body.unread).toBe(before.body.unread - 1);
    // The police officer of the district still has it unread; Batken's does not see it at all.
    const police = await api<InboxItemView[]>('police.isfara', 'GET', `/notifications/inbox?filter=${encodeURIComponent(JSON.stringify({ unread: true }))}&range=[0,99]`);
    expect(police.body.map((i) => i.id)).toContain(item.id);
    expect((await api('police.batken', 'POST', `/notifications/inbox/${item.id}/read`, {})).status).toBe(404);
    expect((await api('reviewer.sughd', 'GET', '/notifications/inbox')).status).toBe(403);
  });

  it('should let the national coordinator preview and version templates, and nobody else', async () => {
    const list = await api<NotificationTemplateView[]>('coordinator', 'GET', '/notifications/templates?range=[0,99]');
    expect(list.status).toBe(200);
    expect(list.body.map((t) => t.id)).toEqual(expect.arrayContaining(['meeting-invitation.en', 'meeting-invitation.ru', 'meeting-invitation.tg', 'meeting-invitation.ky']));
    const preview = await api<NotificationPreviewView>('coordinator', 'POST', '/notifications/templates/action-assigned.ky/preview', { subject: 'Жаңы тапшырма: {{action.topic}}' });
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('Жаңы тапшырма: Жол коопсуздугу');
    const broken = await api('coordinator', 'POST', '/notifications/templates/action-assigned.ky/versions', { subject: '{{#action}}', text: 'x', sms: 'x' });
    expect(broken.status).toBe(400);
    const written = await api<NotificationTemplateView>('coordinator', 'POST', '/notifications/templates/action-assigned.ky/versions', {
      subject: 'Жаңы тапшырма: {{action.topic}}',
      text: '{{action.owner}}: {{action.dueDate}}',
      sms: 'Тапшырма {{action.dueDate}}',
    });
    expect(written.status).toBe(201);
    // Version 1 is the system's Kyrgyz text, seeded at start.
    expect(written.body).toMatchObject({ id: 'action-assigned.ky', version: 2, createdBy: 'coordinator' });
    const versions = await api<NotificationTemplateVersionView[]>('coordinator', 'GET', '/notifications/templates/action-assigned.ky/versions');
    expect(versions.body.map((v) => [v.version, v.createdBy]).sort()).toEqual([[1, 'system'], [2, 'coordinator']]);
    expect((await api('ngo.isfara', 'GET', '/notifications/templates')).status).toBe(403);
  });

  it('should keep reminder settings per district in scope', async () => {
    const current = await api<NotificationSettingsView>('ngo.isfara', 'GET', '/notifications/settings/isfara');
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ districtCode: 'isfara', timeZone: 'Asia/Dushanbe', reminderDaysBefore: [7, 1] });
    const saved = await api<NotificationSettingsView>('ngo.isfara', 'PUT', '/notifications/settings/isfara', { reminderDaysBefore: [1, 7, 14], minutesChaseDaysAfter: [3, 7], quarterWarningDays: 28 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ reminderDaysBefore: [14, 7, 1], quarterWarningDays: 28, isDefault: false, updatedBy: 'ngo.isfara' });
    expect((await api('ngo.isfara', 'GET', '/notifications/settings/batken')).status).toBe(404);
    const restored = await api('ngo.isfara', 'PUT', '/notifications/settings/isfara', { reminderDaysBefore: [7, 1], minutesChaseDaysAfter: [3, 7], quarterWarningDays: 21 });
    expect(restored.status).toBe(200);
  });
});
