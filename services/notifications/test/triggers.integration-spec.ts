import {
  ActionAssignedEvtV1,
  AddNotificationTemplateVersionCmdV1,
  ActionStatusChangedEvtV1,
  CommunityActivatedEvtV1,
  ContactErasedEvtV1,
  CountInboxQryV1,
  durableConsumerName,
  eventStreamName,
  ListInboxQryV1,
  MarkInboxItemCmdV1,
  MeetingCancelledEvtV1,
  MeetingHeldEvtV1,
  MeetingRescheduledEvtV1,
  MeetingScheduledEvtV1,
  MeetingUpdatedEvtV1,
  MinutesApprovedEvtV1,
  OfficerAssignedEvtV1,
  UpdateNotificationSettingsCmdV1,
  type Actor,
  type DataOf,
  type ContactView,
  type MeetingView,
} from '@rd/contracts';
import { eventually } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import { formatWhen } from '../src/templates/render';
import { makeCommunity, makeContact, makeDistrict, makeMeeting, makeOrganisation } from './support/peer-stub';
import { startNotificationsHarness, type NotificationsHarness } from './support/notifications-harness';

const DAY = 86_400_000;
let h: NotificationsHarness;

beforeAll(async () => {
  h = await startNotificationsHarness();
  h.world.districts.set('isfara', makeDistrict('isfara', 'sughd'));
});
afterAll(async () => {
  await h?.close();
});

const mail = () => `p${randomUUID().slice(0, 8)}@example.tj`;
const phone = () => `+99292${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;

function addContact(partial: Partial<ContactView>): ContactView {
  const contact = makeContact(partial);
  h.world.contacts.set(contact.id, contact);
  return contact;
}

function addMeeting(partial: Partial<MeetingView> = {}): MeetingView {
  const community = makeCommunity({ name: `Chorkuh ${randomUUID().slice(0, 4)}`, districtCode: 'isfara' });
  h.world.communities.set(community.id, community);
  const meeting = makeMeeting({ communityIds: [community.id], startsAt: new Date(Date.now() + 20 * DAY).toISOString(), ...partial });
  h.world.meetings.set(meeting.id, meeting);
  return meeting;
}

/** A `meeting.updated` of a scheduled Isfara meeting: nobody added or removed unless `change` says so. */
const updated = (m: MeetingView, sequence: number, change: Partial<DataOf<typeof MeetingUpdatedEvtV1>>): DataOf<typeof MeetingUpdatedEvtV1> => ({
  meetingId: m.id,
  status: 'scheduled',
  communityIds: m.communityIds,
  districtCode: 'isfara',
  regionCode: 'sughd',
  quarter: m.quarter,
  scheduledFor: m.startsAt,
  timeZone: 'Asia/Dushanbe',
  sequence,
  changedFields: [],
  inviteeContactIds: [],
  inviteeOrganisationIds: [],
  addedInviteeContactIds: [],
  removedInviteeContactIds: [],
  addedInviteeOrganisationIds: [],
  removedInviteeOrganisationIds: [],
  occurredAt: new Date().toISOString(),
  ...change,
});

const scheduled = (m: MeetingView) => ({ meetingId: m.id, communityIds: m.communityIds, districtCode: m.districtCode, scheduledFor: m.startsAt, quarter: m.quarter });

describe('notifications triggers', () => {
  it('should invite every invitee on their channel with the .ics, and record skips for no consent, no address and console-only contacts', async () => {
    const org = makeOrganisation({ kind: 'local-government', districtCode: 'isfara' });
    h.world.organisations.set(org.id, org);
    const byEmail = addContact({ email: mail(), preferredChannel: 'email', preferredLanguage: 'en', name: 'Aziz Email' });
    const bySms = addContact({ phone: phone(), preferredChannel: 'sms', preferredLanguage: 'ru' });
    const noConsent = addContact({ email: mail(), consent: false });
    const noAddress = addContact({ preferredChannel: 'sms', phone: null });
    const consoleOnly = addContact({ preferredChannel: 'console' });
    const viaOrg = addContact({ email: mail(), organisationId: org.id, preferredLanguage: 'ru' });
    const meeting = addMeeting({
      inviteeContactIds: [byEmail.id, bySms.id, noConsent.id, noAddress.id, consoleOnly.id, viaOrg.id],
      inviteeOrganisationIds: [org.id],
    });
    await h.publish(MeetingScheduledEvtV1, scheduled(meeting));

    await eventually(async () => {
      expect(h.mail.to(byEmail.email!)).toHaveLength(1);
      expect(h.mail.to(viaOrg.email!)).toHaveLength(1);
      expect(h.sms.to(bySms.phone!)).toHaveLength(1);
    });
    const invitation = h.mail.to(byEmail.email!)[0];
    expect(invitation.subject).toContain(meeting.title);
    expect(invitation.text).toContain('Dear Aziz Email');
    const ics = invitation.attachments.find((a) => a.filename?.endsWith('.ics'));
    expect(ics?.content.toString()).toContain(`UID:${meeting.id}@reporting-days`);
    expect(ics?.content.toString()).toContain('METHOD:REQUEST');
    // Dates in the district's zone: 20 days ahead at the meeting's UTC time, shown in Asia/Dushanbe (UTC+5).
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Dushanbe', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(meeting.startsAt));
    expect(invitation.text).toContain(local);
    expect(h.mail.to(viaOrg.email!)[0].subject).toContain('Приглашение');
    expect(h.sms.to(bySms.phone!)[0].text).toContain(meeting.title);
    expect(h.sms.to(bySms.phone!)[0].authorization).toBe('Bearer test-token');

    const rows = await h.deliveries('"meeting_id" = ?', [meeting.id]);
    const of = (id: string) => rows.filter((r) => r.recipient_id === id);
    expect(of(byEmail.id).map((r) => [r.channel, r.status])).toEqual([['email', 'sent']]);
    expect(of(bySms.id).map((r) => [r.channel, r.status])).toEqual([['sms', 'sent']]);
    expect(of(noConsent.id).map((r) => [r.status, r.skip_reason])).toEqual([['skipped', 'no-consent']]);
    expect(of(noAddress.id).map((r) => [r.status, r.skip_reason])).toEqual([['skipped', 'no-address']]);
    expect(of(consoleOnly.id).map((r) => [r.status, r.skip_reason])).toEqual([['skipped', 'no-console-account']]);
    // Invited directly and through the organisation: one message.
    expect(of(viaOrg.id)).toHaveLength(1);
    expect(h.mail.to(noConsent.email!)).toHaveLength(0);
    // The district team gets a console message.
    expect(rows.filter((r) => r.recipient_kind === 'audience').map((r) => [r.channel, r.status, r.recipient_id])).toEqual([
      ['console', 'delivered', 'isfara:local-government,ngo-admin,police-officer'],
    ]);
    // Recipients were resolved with the notifications service actor only.
    expect(new Set(h.world.actors.map((a) => `${a.service}:${a.roles.length}:${a.scope.national}`))).toEqual(new Set(['notifications:0:true']));
  });

  it('should send the new date with an updated .ics on reschedule, re-plan the reminders, and cancel with METHOD:CANCEL', async () => {
    const invitee = addContact({ email: mail(), preferredLanguage: 'en' });
    const meeting = addMeeting({ inviteeContactIds: [invitee.id] });
    await h.publish(MeetingScheduledEvtV1, scheduled(meeting));
    await eventually(() => expect(h.mail.to(invitee.email!)).toHaveLength(1));
    const reminders = () => h.sql<{ key: string; status: string }>(`select "key", "status" from "scheduled_item" where "kind" = 'meeting-reminder' and "payload" ->> 'meetingId' = ? order by "key"`, [meeting.id]);
    expect((await reminders()).map((r) => r.status)).toEqual(['pending', 'pending']);

    const previous = meeting.startsAt;
    const moved = { ...meeting, startsAt: new Date(Date.parse(previous) + 5 * DAY).toISOString(), sequence: 2 };
    h.world.meetings.set(meeting.id, moved);
    await h.publish(MeetingRescheduledEvtV1, {
      meetingId: meeting.id,
      communityIds: meeting.communityIds,
      districtCode: 'isfara',
      regionCode: 'sughd',
      quarter: meeting.quarter,
      previousStartsAt: previous,
      scheduledFor: moved.startsAt,
      inviteeContactIds: [invitee.id],
      inviteeOrganisationIds: [],
      occurredAt: new Date().toISOString(),
    });
    await eventually(() => expect(h.mail.to(invitee.email!)).toHaveLength(2));
    const update = h.mail.to(invitee.email!)[1];
    expect(update.subject).toContain('New date');
    const ics = update.attachments.find((a) => a.filename?.endsWith('.ics'))!.content.toString();
    expect(ics).toContain('SEQUENCE:2');
    expect(ics).toContain(`DTSTART:${moved.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    const after = await reminders();
    expect(after.filter((r) => r.status === 'pending').every((r) => r.key.includes(new Date(moved.startsAt).toISOString()))).toBe(true);
    expect(after.filter((r) => r.status === 'cancelled')).toHaveLength(2);

    h.world.meetings.set(meeting.id, { ...moved, status: 'cancelled', sequence: 3 });
    await h.publish(MeetingCancelledEvtV1, {
      meetingId: meeting.id,
      communityIds: meeting.communityIds,
      districtCode: 'isfara',
      regionCode: 'sughd',
      quarter: meeting.quarter,
      from: 'scheduled',
      scheduledFor: moved.startsAt,
      inviteeContactIds: [invitee.id],
      inviteeOrganisationIds: [],
      occurredAt: new Date().toISOString(),
    });
    await eventually(() => expect(h.mail.to(invitee.email!)).toHaveLength(3));
    const cancel = h.mail.to(invitee.email!)[2];
    expect(cancel.subject).toContain('Cancelled');
    expect(cancel.attachments.find((a) => a.filename?.endsWith('.ics'))!.content.toString()).toContain('METHOD:CANCEL');
    expect((await reminders()).every((r) => r.status === 'cancelled')).toBe(true);
  });

  it('should tell every invitee about a changed plan (meeting.updated)', async () => {
    const invitee = addContact({ phone: phone(), preferredChannel: 'sms', preferredLanguage: 'en' });
    const meeting = addMeeting({ inviteeContactIds: [invitee.id], venueName: 'New community centre', sequence: 2 });
    await h.publish(MeetingUpdatedEvtV1, updated(meeting, 2, { changedFields: ['venueName'], inviteeContactIds: [invitee.id] }));
    await eventually(() => expect(h.sms.to(invitee.phone!)).toHaveLength(1));
    expect(h.sms.to(invitee.phone!)[0].text).toContain('New community centre');
    expect((await h.deliveries('"meeting_id" = ?', [meeting.id])).find((d) => d.recipient_id === invitee.id)?.type).toBe('meeting-updated');
  });

  it('should release contacts and organisations taken off the list (meeting.updated) with a METHOD:CANCEL .ics, once, and not those still invited', async () => {
    const stayingOrg = makeOrganisation({ kind: 'local-government', districtCode: 'isfara' });
    const removedOrg = makeOrganisation({ kind: 'ngo', districtCode: 'isfara' });
    [stayingOrg, removedOrg].forEach((o) => h.world.organisations.set(o.id, o));
    const removed = addContact({ email: mail(), preferredLanguage: 'en', name: 'Released Official' });
    const removedOrgContact = addContact({ phone: phone(), preferredChannel: 'sms', preferredLanguage: 'en', organisationId: removedOrg.id });
    const removedNoConsent = addContact({ email: mail(), consent: false });
    // Taken off the list directly, but still invited through their organisation: no release.
    const stillViaOrg = addContact({ email: mail(), preferredLanguage: 'en', organisationId: stayingOrg.id });
    const staying = addContact({ email: mail(), preferredLanguage: 'en' });
    const meeting = addMeeting({ inviteeContactIds: [staying.id], inviteeOrganisationIds: [stayingOrg.id], sequence: 3 });
    const eventId = randomUUID();
    await h.publish(
      MeetingUpdatedEvtV1,
      updated(meeting, 3, {
        changedFields: ['inviteeContactIds', 'inviteeOrganisationIds'],
        inviteeContactIds: [staying.id],
        inviteeOrganisationIds: [stayingOrg.id],
        removedInviteeContactIds: [removed.id, removedNoConsent.id, stillViaOrg.id],
        removedInviteeOrganisationIds: [removedOrg.id],
      }),
      eventId,
    );
    const received = () => ({
      removed: h.mail.to(removed.email!).length,
      removedOrgContact: h.sms.to(removedOrgContact.phone!).length,
      staying: h.mail.to(staying.email!).length,
      stillViaOrg: h.mail.to(stillViaOrg.email!).length,
      removedNoConsent: h.mail.to(removedNoConsent.email!).length,
    });
    const once = { removed: 1, removedOrgContact: 1, staying: 1, stillViaOrg: 1, removedNoConsent: 0 };
    await eventually(() => expect(received()).toEqual(once));

    const release = h.mail.to(removed.email!)[0];
    expect(release.subject).toContain(`No longer expected: ${meeting.title}`);
    expect(release.text).toContain('Dear Released Official');
    const ics = release.attachments.find((a) => a.filename?.endsWith('.ics'))!.content.toString();
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain(`UID:${meeting.id}@reporting-days`);
    expect(ics).toContain('SEQUENCE:3');
    expect(h.sms.to(removedOrgContact.phone!)[0].text).toBe(`You are no longer expected at "${meeting.title}" ${formatWhen(meeting.startsAt, 'en', 'Asia/Dushanbe')}.`);
    // The remaining invitees get the update, not the release.
    for (const invitee of [staying, stillViaOrg]) expect(h.mail.to(invitee.email!).map((m) => m.subject)).toEqual([expect.stringContaining('Changed')]);

    // The receivers have a message a moment before the sender records it as sent.
    const rows = await eventually(async () => {
      const all = await h.deliveries('"meeting_id" = ?', [meeting.id]);
      expect(all.filter((r) => r.status === 'queued')).toEqual([]);
      return all;
    });
    const typesOf = (id: string) => rows.filter((r) => r.recipient_id === id).map((r) => [r.type, r.channel, r.status, r.skip_reason]);
    expect(typesOf(removed.id)).toEqual([['meeting-uninvited', 'email', 'sent', null]]);
    expect(typesOf(removedOrgContact.id)).toEqual([['meeting-uninvited', 'sms', 'sent', null]]);
    expect(typesOf(removedNoConsent.id)).toEqual([['meeting-uninvited', 'email', 'skipped', 'no-consent']]);
    expect(typesOf(stillViaOrg.id)).toEqual([['meeting-updated', 'email', 'sent', null]]);
    expect(typesOf(staying.id)).toEqual([['meeting-updated', 'email', 'sent', null]]);
    expect(rows.filter((r) => r.type === 'meeting-uninvited').every((r) => r.source_key === `release:${eventId}`)).toBe(true);
    // Releases are for the people released: the district team has the update in the console.
    expect(rows.filter((r) => r.recipient_kind === 'audience').map((r) => r.type)).toEqual(['meeting-updated']);
    const before = rows.length;

    // Redelivered: the durable consumer replays the stream (the inbox drops it), then again with this event's inbox
    // row and planned items gone (the deliveries' unique key holds).
    for (const wipe of [false, true]) {
      for (const app of h.replicas.splice(0)) await app.close();
      const jsm = await h.nc.jetstreamManager();
      await jsm.consumers.delete(eventStreamName(h.prefix, 'meetings'), durableConsumerName('notifications', MeetingUpdatedEvtV1.name));
      if (wipe) {
        await h.sql(`delete from "inbox_message" where "message_id" = ?`, [eventId]);
        await h.sql(`delete from "scheduled_item" where "key" in (?, ?)`, [`notice:${eventId}`, `release:${eventId}`]);
      }
      await h.startReplica();
      await eventually(async () => {
        const info = await jsm.consumers.info(eventStreamName(h.prefix, 'meetings'), durableConsumerName('notifications', MeetingUpdatedEvtV1.name));
        expect([info.num_pending, info.num_ack_pending]).toEqual([0, 0]);
      }, 10_000);
      await eventually(async () => {
        const items = await h.sql<{ key: string; status: string }>(`select "key", "status" from "scheduled_item" where "key" in (?, ?) order by "key"`, [`notice:${eventId}`, `release:${eventId}`]);
        expect(items.map((i) => [i.key, i.status])).toEqual([
          [`notice:${eventId}`, 'done'],
          [`release:${eventId}`, 'done'],
        ]);
      }, 10_000);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await h.deliveries('"meeting_id" = ?', [meeting.id])).toHaveLength(before);
    expect(received()).toEqual(once);
  });

  it('should remind invitees the configured days before, in the recipient language, and follow a settings change', async () => {
    const invitee = addContact({ email: mail(), preferredLanguage: 'tg' });
    // Starts in one day and two seconds: the 7-day reminder is past (not planned), the 1-day one is due in two seconds.
    const meeting = addMeeting({ inviteeContactIds: [invitee.id], startsAt: new Date(Date.now() + DAY + 2000).toISOString() });
    await h.publish(MeetingScheduledEvtV1, scheduled(meeting));
    await eventually(() => expect(h.mail.to(invitee.email!).map((m) => m.subject)).toEqual([expect.stringContaining('Даъватнома'), expect.stringContaining('Ёдрас')]), 10_000);
    const reminder = (await h.deliveries('"meeting_id" = ? and "type" = ?', [meeting.id, 'meeting-reminder'])).find((d) => d.recipient_id === invitee.id)!;
    expect([reminder.language, reminder.language_fallback]).toEqual(['tg', false]);

    // A district that wants a reminder 3 days before: the upcoming meeting's reminders are re-planned.
    const coordinator = { userId: 'u-coord', username: 'coordinator', roles: ['national-coordinator' as const], scope: { national: true, regions: [], districts: [] } };
    h.world.districts.set('khujand', makeDistrict('khujand', 'sughd'));
    const other = addContact({ email: mail(), preferredLanguage: 'en' });
    const later = addMeeting({ inviteeContactIds: [other.id], districtCode: 'khujand', startsAt: new Date(Date.now() + 3 * DAY + 1500).toISOString() });
    await h.publish(MeetingScheduledEvtV1, scheduled(later));
    await eventually(() => expect(h.mail.to(other.email!)).toHaveLength(1));
    const saved = await h.rpc.request(UpdateNotificationSettingsCmdV1, coordinator, { districtCode: 'khujand', settings: { reminderDaysBefore: [3], minutesChaseDaysAfter: [3, 7], quarterWarningDays: 21 } }, { correlationId: 'test' });
    expect([saved.isDefault, saved.reminderDaysBefore, saved.updatedBy]).toEqual([false, [3], 'coordinator']);
    await eventually(() => expect(h.mail.to(other.email!).map((m) => m.subject)).toEqual([expect.stringContaining('Invitation'), expect.stringContaining('in 3 day(s)')]), 10_000);
  });

  it('should chase organisers for minutes +N days after the meeting was held, and not once the minutes are approved', async () => {
    const police = makeOrganisation({ kind: 'district-police', districtCode: 'isfara' });
    h.world.organisations.set(police.id, police);
    const officer = addContact({ email: mail(), organisationId: police.id, preferredLanguage: 'en' });
    const heldAt = new Date(Date.now() - 3 * DAY + 2500).toISOString();
    const held = addMeeting({ policeUnitId: police.id, status: 'held', heldAt });
    const approved = addMeeting({ policeUnitId: police.id, status: 'held', heldAt });
    h.world.minutes.set(held.id, minutesView(held.id, 'draft'));
    h.world.minutes.set(approved.id, minutesView(approved.id, 'draft'));
    for (const m of [held, approved]) {
      await h.publish(MeetingHeldEvtV1, { meetingId: m.id, communityIds: m.communityIds, districtCode: 'isfara', regionCode: 'sughd', quarter: m.quarter, kind: 'local', organisedBy: 'police', heldAt });
    }
    const chasesOf = (id: string) => h.sql<{ status: string }>(`select "status" from "scheduled_item" where "kind" = 'minutes-chase' and "payload" ->> 'meetingId' = ? order by "run_at"`, [id]);
    await eventually(async () => expect(await chasesOf(approved.id)).toHaveLength(2));
    h.world.minutes.set(approved.id, minutesView(approved.id, 'approved'));
    await h.publish(MinutesApprovedEvtV1, minutesApproved(approved, []));
    await eventually(async () => expect((await chasesOf(approved.id)).map((c) => c.status)).toEqual(['cancelled', 'cancelled']));
    await eventually(() => expect(h.mail.to(officer.email!).map((m) => m.subject)).toEqual([expect.stringContaining(`Minutes missing: ${held.title}`)]), 10_000);
    expect((await chasesOf(held.id)).map((c) => c.status)).toEqual(['done', 'pending']);
    expect(await h.deliveries('"meeting_id" = ? and "type" = ?', [approved.id, 'minutes-overdue'])).toHaveLength(0);
  });

  it('should neither invite, remind nor chase for a reporting day recorded afterwards (ADR 35)', async () => {
    const invitee = addContact({ email: mail(), preferredChannel: 'email', preferredLanguage: 'en' });
    const heldAt = new Date(Date.now() - 400 * DAY).toISOString();
    const past = addMeeting({ inviteeContactIds: [invitee.id], status: 'closed', heldAt, startsAt: heldAt });
    await h.publish(MeetingScheduledEvtV1, { ...scheduled(past), recordedAfterwards: true });
    await h.publish(MeetingHeldEvtV1, { meetingId: past.id, communityIds: past.communityIds, districtCode: 'isfara', regionCode: 'sughd', quarter: past.quarter, kind: 'local', organisedBy: 'police', heldAt, recordedAfterwards: true });
    const schedule = () => h.sql<{ status: string }>(`select "status" from "meeting_schedule" where "meeting_id" = ?`, [past.id]);
    await eventually(async () => expect((await schedule()).map((r) => r.status)).toEqual(['held']));
    const items = await h.sql<{ kind: string }>(`select "kind" from "scheduled_item" where "payload" ->> 'meetingId' = ?`, [past.id]);
    expect(items).toEqual([]);
    expect(h.mail.to(invitee.email!)).toHaveLength(0);
  });

  it('should keep a meeting held when its held event is handled before its scheduled one (they are published together for a day recorded afterwards)', async () => {
    // Failed before: the held event found no row to update, then the scheduled event stored the meeting as scheduled.
    const heldAt = new Date(Date.now() - 300 * DAY).toISOString();
    const past = addMeeting({ status: 'closed', heldAt, startsAt: heldAt });
    const schedule = () => h.sql<{ status: string; starts_at: Date | string }>(`select "status", "starts_at" from "meeting_schedule" where "meeting_id" = ?`, [past.id]);
    await h.publish(MeetingHeldEvtV1, { meetingId: past.id, communityIds: past.communityIds, districtCode: 'isfara', regionCode: 'sughd', quarter: past.quarter, kind: 'local', organisedBy: 'police', heldAt, recordedAfterwards: true });
    await eventually(async () => expect((await schedule()).map((r) => r.status)).toEqual(['held']));
    const startsAt = new Date(Date.parse(heldAt) - 3_600_000).toISOString();
    await h.publish(MeetingScheduledEvtV1, { ...scheduled({ ...past, startsAt }), recordedAfterwards: true });
    await eventually(async () => expect((await schedule()).map((r) => [r.status, new Date(r.starts_at).toISOString()])).toEqual([['held', startsAt]]));
  });

  it('should send approved minutes to the invited local government and police contacts: HTML and PDF by email, a summary by SMS', async () => {
    const gov = makeOrganisation({ kind: 'local-government', districtCode: 'isfara' });
    const police = makeOrganisation({ kind: 'district-police', districtCode: 'isfara' });
    const ngo = makeOrganisation({ kind: 'ngo', districtCode: 'isfara' });
    [gov, police, ngo].forEach((o) => h.world.organisations.set(o.id, o));
    const govContact = addContact({ email: mail(), organisationId: gov.id, preferredLanguage: 'en' });
    const policeContact = addContact({ phone: phone(), preferredChannel: 'sms', organisationId: police.id, preferredLanguage: 'en' });
    // Invited by name, but neither local government nor police, and not the facilitating NGO (docs/adr/0011).
    const ngoContact = addContact({ email: mail(), organisationId: ngo.id });
    const meeting = addMeeting({ status: 'held', heldAt: new Date().toISOString(), inviteeContactIds: [govContact.id, policeContact.id, ngoContact.id] });
    h.world.minutes.set(meeting.id, minutesView(meeting.id, 'approved', '# Minutes\n\n- 31 residents came\n- Street lighting: the administration reports in March'));
    await h.publish(MinutesApprovedEvtV1, minutesApproved(meeting, []));
    await eventually(() => {
      expect(h.mail.to(govContact.email!)).toHaveLength(1);
      expect(h.sms.to(policeContact.phone!)).toHaveLength(1);
    });
    const email = h.mail.to(govContact.email!)[0];
    expect(email.html).toContain('<li>31 residents came</li>');
    const pdf = email.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
    // Counts of what may be listed to every recipient: the public concerns (2, on 1 topic).
    expect(h.sms.to(policeContact.phone!)[0].text).toMatch(/Minutes of ".*" approved: 2 concerns, 1 topics\. http:\/\/console\.test/);
    expect(h.mail.to(ngoContact.email!)).toHaveLength(0);
    // Never a concern's text, even of a public one.
    expect(`${email.text}${email.html}`).not.toContain('SECRET-CONCERN-TEXT');
  });

  it('should tell the owner of an assigned action, plan the overdue check, and drop it when the action is done', async () => {
    const gov = makeOrganisation({ kind: 'local-government', districtCode: 'isfara', name: 'Isfara administration' });
    const police = makeOrganisation({ kind: 'district-police', districtCode: 'isfara' });
    [gov, police].forEach((o) => h.world.organisations.set(o.id, o));
    const owner = addContact({ email: mail(), organisationId: gov.id, preferredLanguage: 'en' });
    const organiser = addContact({ email: mail(), organisationId: police.id, preferredLanguage: 'en' });
    const meeting = addMeeting({ policeUnitId: police.id, status: 'held' });
    const action = (dueDate: string) => ({
      actionId: randomUUID(),
      concernId: randomUUID(),
      meetingId: meeting.id,
      districtCode: 'isfara',
      regionCode: 'sughd',
      topic: 'road-safety' as const,
      sensitivity: 'public' as const,
      ownerOrganisationId: gov.id,
      dueDate,
      occurredAt: new Date().toISOString(),
    });
    const overdue = action(new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10));
    await h.publish(ActionAssignedEvtV1, overdue);
    await eventually(() => {
      expect(h.mail.to(owner.email!).map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining('New follow-up action'), expect.stringContaining('Overdue')]));
      expect(h.mail.to(organiser.email!).map((m) => m.subject)).toEqual([expect.stringContaining('Overdue')]);
    });
    expect(h.mail.to(owner.email!)[0].text).toContain('Isfara administration');

    const done = action('2030-01-31');
    await h.publish(ActionAssignedEvtV1, done);
    await eventually(() => expect(h.mail.to(owner.email!)).toHaveLength(3));
    const { ownerOrganisationId: _owner, dueDate: _due, ...about } = done;
    await h.publish(ActionStatusChangedEvtV1, { ...about, from: 'in-progress', to: 'done', openActionCount: 0, concernResolved: true, occurredAt: new Date().toISOString() });
    await eventually(async () => {
      const [item] = await h.sql<{ status: string }>(`select "status" from "scheduled_item" where "kind" = 'action-overdue' and "payload" ->> 'actionId' = ?`, [done.actionId]);
      expect(item.status).toBe('cancelled');
    });
  });

  it('should warn NGO and police of a district about active communities without a reporting day near quarter end, once per quarter', async () => {
    h.world.districts.set('batken', { ...makeDistrict('batken', 'batken', 'Asia/Bishkek'), countryCode: 'KG' });
    const ngo = makeOrganisation({ kind: 'ngo', districtCode: 'batken', regionCode: 'batken' });
    h.world.organisations.set(ngo.id, ngo);
    const ngoContact = addContact({ email: mail(), organisationId: ngo.id, districtCode: 'batken', regionCode: 'batken', preferredLanguage: 'en' });
    const covered = makeCommunity({ name: 'Covered village', districtCode: 'batken', regionCode: 'batken' });
    const missing = makeCommunity({ name: 'Forgotten village', districtCode: 'batken', regionCode: 'batken' });
    const paused = makeCommunity({ name: 'Paused village', districtCode: 'batken', regionCode: 'batken', status: 'paused' });
    [covered, missing, paused].forEach((c) => h.world.communities.set(c.id, c));
    const planned = makeMeeting({ communityIds: [covered.id], districtCode: 'batken', regionCode: 'batken', startsAt: '2026-12-22T05:00:00.000Z', quarter: '2026-Q4' });
    h.world.meetings.set(planned.id, planned);
    // Two daily checks inside the 21-day window (and one before it) of 2026-Q4. The later day runs a little later,
    // as on real days: otherwise either may be the one that sends the once-per-quarter warning.
    for (const [day, delaySeconds] of [['2026-11-20', 0], ['2026-12-12', 0], ['2026-12-13', 2]] as const) {
      await h.sql(`insert into "scheduled_item" ("key", "kind", "run_at", "payload") values (?, 'quarter-check', now() + ? * interval '1 second', ?::jsonb)`, [
        `test-quarter:${day}`,
        delaySeconds,
        JSON.stringify({ day }),
      ]);
    }
    await eventually(async () => {
      const items = await h.sql<{ status: string }>(`select "status" from "scheduled_item" where "key" like 'test-quarter:%'`);
      expect(items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    }, 10_000);
    await eventually(() => expect(h.mail.to(ngoContact.email!)).toHaveLength(1));
    const warning = h.mail.to(ngoContact.email!)[0];
    expect(warning.subject).toContain('2026-Q4');
    expect(warning.text).toContain('Forgotten village');
    expect(warning.text).not.toContain('Covered village');
    expect(warning.text).not.toContain('Paused village');
    expect(warning.text).toContain('19 days left');
    const audience = await h.deliveries(`"type" = 'quarter-warning' and "recipient_kind" = 'audience' and "district_code" = 'batken'`);
    expect(audience.map((d) => d.recipient_id)).toEqual(['batken:ngo-admin,police-officer']);
  });

  it('should tell the district team in the console about an onboarded community and a new officer, per user read state', async () => {
    // officer-assigned gets a new Tajik version; community-activated loses its Tajik text (tg falls back to ru).
    await h.sql(`delete from "notification_template" where "type" = 'community-activated' and "language" = 'tg'`);
    const coordinator = { userId: 'u-coord', username: 'coordinator', roles: ['national-coordinator' as const], scope: { national: true, regions: [], districts: [] } };
    await h.rpc.request(
      AddNotificationTemplateVersionCmdV1,
      coordinator,
      { id: 'officer-assigned.tg', content: { subject: 'Нозири нав: {{community.name}}', text: '{{officer.name}} аз {{officer.since}}.', html: null, sms: '{{officer.name}}' } },
      { correlationId: 'test' },
    );
    const community = makeCommunity({ name: 'Newly active', districtCode: 'isfara' });
    h.world.communities.set(community.id, community);
    const officer = addContact({ name: 'New officer (test)' });
    await h.publish(CommunityActivatedEvtV1, { communityId: community.id, districtCode: 'isfara', regionCode: 'sughd', from: 'onboarding', to: 'active', occurredAt: new Date().toISOString() });
    await h.publish(OfficerAssignedEvtV1, {
      assignmentId: randomUUID(),
      communityId: community.id,
      districtCode: 'isfara',
      regionCode: 'sughd',
      officerContactId: officer.id,
      previousOfficerContactId: null,
      policeUnitId: null,
      since: '2026-12-01',
      occurredAt: new Date().toISOString(),
    });
    const ngoIsfara = { userId: 'u-ngo', username: 'ngo.isfara', roles: ['ngo-admin' as const], scope: { national: false, regions: [], districts: ['isfara'] } };
    const otherNgo = { userId: 'u-ngo2', username: 'ngo2.isfara', roles: ['ngo-admin' as const], scope: { national: false, regions: [], districts: ['isfara'] } };
    const batkenPolice = { userId: 'u-pol', username: 'police.batken', roles: ['police-officer' as const], scope: { national: false, regions: [], districts: ['batken'] } };
    const list = (actor: Actor, filter: Record<string, unknown> = {}) =>
      h.rpc.request(ListInboxQryV1, actor, { offset: 0, limit: 100, sort: 'createdAt', order: 'DESC', districtCode: 'isfara', ...filter }, { correlationId: 'test' });
    const items = await eventually(async () => {
      const page = await list(ngoIsfara);
      const mine = page.items.filter((i) => i.type === 'community-activated' || i.type === 'officer-assigned');
      expect(mine.map((i) => i.type).sort()).toEqual(['community-activated', 'officer-assigned']);
      return mine;
    });
    expect(items.find((i) => i.type === 'officer-assigned')!.body).toContain('New officer (test)');
    expect(items.find((i) => i.type === 'community-activated')!.link).toBe(`/communities/${community.id}/show`);
    expect((await list(batkenPolice)).items).toHaveLength(0);

    const before = await h.rpc.request(CountInboxQryV1, ngoIsfara, {}, { correlationId: 'test' });
    const marked = await h.rpc.request(MarkInboxItemCmdV1, ngoIsfara, { id: items[0].id, read: true }, { correlationId: 'test' });
    expect(marked.read).toBe(true);
    const after = await h.rpc.request(CountInboxQryV1, ngoIsfara, {}, { correlationId: 'test' });
    expect(after.unread).toBe(before.unread - 1);
    // Read state is per user: another NGO admin of the district still has it unread.
    expect((await list(otherNgo, { unread: true })).items.map((i) => i.id)).toContain(items[0].id);
    expect((await list(ngoIsfara, { unread: true })).items.map((i) => i.id)).not.toContain(items[0].id);
    await expect(h.rpc.request(MarkInboxItemCmdV1, batkenPolice, { id: items[0].id, read: true }, { correlationId: 'test' })).rejects.toMatchObject({ payload: { code: 'NOT_FOUND' } });
    const unread = await h.rpc.request(MarkInboxItemCmdV1, ngoIsfara, { id: items[0].id, read: false }, { correlationId: 'test' });
    expect(unread.read).toBe(false);

    // In the language asked for (default ru), falling back per template; read state is the message's, in any language.
    const textsIn = async (language?: 'en' | 'ru' | 'tg' | 'ky') => {
      const page = await list(ngoIsfara, language ? { language } : {});
      const pick = (type: string) => {
        const item = page.items.find((i) => i.type === type);
        if (!item) throw new Error(`no ${type} message`);
        return item;
      };
      return { activated: pick('community-activated'), officer: pick('officer-assigned') };
    };
    const [byDefault, ru, en, tg] = await Promise.all([textsIn(), textsIn('ru'), textsIn('en'), textsIn('tg')]);
    expect(ru).toEqual(byDefault);
    expect([en.activated.title, en.activated.language]).toEqual(['Community onboarded: Newly active', 'en']);
    expect([ru.activated.title, ru.activated.language]).toEqual(['Сообщество подключено: Newly active', 'ru']);
    expect(en.officer.body).toContain('New officer (test) serves the community Newly active');
    expect(ru.officer.body).toContain('New officer (test) обслуживает сообщество Newly active');
    expect([tg.activated.title, tg.activated.body, tg.activated.language]).toEqual([ru.activated.title, ru.activated.body, 'ru']);
    expect([tg.officer.title, tg.officer.language]).toEqual(['Нозири нав: Newly active', 'tg']);
    const readInEnglish = await h.rpc.request(MarkInboxItemCmdV1, ngoIsfara, { id: en.officer.id, read: true, language: 'en' }, { correlationId: 'test' });
    expect([readInEnglish.read, readInEnglish.title, readInEnglish.language]).toEqual([true, en.officer.title, 'en']);
    const afterEnglish = await textsIn('ru');
    expect([afterEnglish.officer.read, afterEnglish.officer.readAt]).toEqual([true, readInEnglish.readAt]);
    expect((await h.rpc.request(CountInboxQryV1, ngoIsfara, {}, { correlationId: 'test' })).unread).toBe(before.unread - 1);
    expect((await list(ngoIsfara, { unread: true, language: 'tg' })).items.map((i) => i.id)).not.toContain(en.officer.id);
    // A message stored before the variants keeps its one text in every language.
    await h.sql(`update "inbox_item" set "variants" = null where "id" = ?`, [en.activated.id]);
    const legacy = await textsIn('en');
    expect([legacy.activated.title, legacy.activated.language]).toEqual([ru.activated.title, 'ru']);
  });

  it('should fall back to Russian, then English, and show it in the delivery log', async () => {
    const ky = addContact({ email: mail(), preferredLanguage: 'ky' });
    const tg = addContact({ email: mail(), preferredLanguage: 'tg' });
    const meeting = addMeeting({ inviteeContactIds: [ky.id], status: 'cancelled' });
    // Without a Kyrgyz meeting-cancelled template, Kyrgyz falls back to Russian.
    await h.sql(`delete from "notification_template" where "type" = 'meeting-cancelled' and "language" = 'ky'`);
    await h.publish(MeetingCancelledEvtV1, {
      meetingId: meeting.id,
      communityIds: meeting.communityIds,
      districtCode: 'isfara',
      regionCode: 'sughd',
      quarter: meeting.quarter,
      from: 'scheduled',
      scheduledFor: meeting.startsAt,
      inviteeContactIds: [ky.id],
      inviteeOrganisationIds: [],
      occurredAt: new Date().toISOString(),
    });
    await eventually(() => expect(h.mail.to(ky.email!)).toHaveLength(1));
    expect(h.mail.to(ky.email!)[0].subject).toContain('Отменён');
    const [kyRow] = await h.deliveries('"recipient_id" = ?', [ky.id]);
    expect([kyRow.requested_language, kyRow.language, kyRow.language_fallback]).toEqual(['ky', 'ru', true]);

    // With neither a Tajik nor a Russian template, English.
    await h.sql(`delete from "notification_template" where "type" = 'meeting-updated' and "language" in ('tg', 'ru')`);
    const changed = addMeeting({ inviteeContactIds: [tg.id] });
    await h.publish(MeetingUpdatedEvtV1, updated(changed, 2, { changedFields: ['title'], inviteeContactIds: [tg.id] }));
    await eventually(() => expect(h.mail.to(tg.email!)).toHaveLength(1));
    expect(h.mail.to(tg.email!)[0].subject).toContain('Changed');
    const [tgRow] = await h.deliveries('"recipient_id" = ?', [tg.id]);
    expect([tgRow.requested_language, tgRow.language, tgRow.language_fallback]).toEqual(['tg', 'en', true]);
  });

  it('should forget an erased contact’s address and name in the delivery log', async () => {
    const person = addContact({ email: mail(), preferredLanguage: 'en', name: 'To Be Erased' });
    const meeting = addMeeting({ inviteeContactIds: [person.id] });
    await h.publish(MeetingScheduledEvtV1, scheduled(meeting));
    await eventually(() => expect(h.mail.to(person.email!)).toHaveLength(1));
    await h.publish(ContactErasedEvtV1, { contactId: person.id, occurredAt: new Date().toISOString() });
    await eventually(async () => {
      const rows = await h.sql<{ address: string | null; recipient_name: string | null; content: unknown }>(`select "address", "recipient_name", "content" from "delivery" where "recipient_id" = ?`, [person.id]);
      expect(rows).toEqual([{ address: null, recipient_name: null, content: null }]);
    });
  });
});

function minutesView(meetingId: string, status: 'draft' | 'approved', body = '# Minutes') {
  return {
    meetingId,
    status,
    version: 2,
    body,
    language: 'en',
    updatedBy: 'ngo.isfara',
    updatedAt: new Date().toISOString(),
    approvedBy: status === 'approved' ? 'police.isfara' : null,
    approvedAt: status === 'approved' ? new Date().toISOString() : null,
    concerns: {
      total: 4,
      bySensitivity: { public: 2, restricted: 1, confidential: 1 },
      byTopic: [
        { topic: 'road-safety' as const, counts: { public: 2, restricted: 0, confidential: 0 }, publicItems: [{ text: 'SECRET-CONCERN-TEXT', answer: null }] },
        { topic: 'other' as const, counts: { public: 0, restricted: 1, confidential: 1 }, publicItems: [] },
      ],
    },
  };
}

function minutesApproved(meeting: MeetingView, recipients: { organisationId: string; kind: 'police-unit' }[]) {
  return {
    meetingId: meeting.id,
    communityIds: meeting.communityIds,
    districtCode: 'isfara',
    regionCode: 'sughd',
    quarter: meeting.quarter,
    heldAt: meeting.heldAt,
    approvedAt: new Date().toISOString(),
    version: 2,
    language: 'en',
    recipients,
    summary: { concernsTotal: 4, concernsBySensitivity: { public: 2, restricted: 1, confidential: 1 }, topics: 2 },
    minutesPath: `/api/v1/meetings/${meeting.id}/minutes`,
  };
}
