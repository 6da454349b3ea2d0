import {
  ContactConsentChangedEvtV1,
  ContactErasedEvtV1,
  ListInboxQryV1,
  MeetingScheduledEvtV1,
  MinutesApprovedEvtV1,
  OfficerAssignedEvtV1,
  type Actor,
  type ContactView,
  type MeetingView,
  type MinutesView,
  type OrganisationView,
} from '@rd/contracts';
import { eventually } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import { makeCommunity, makeContact, makeDistrict, makeMeeting, makeOrganisation } from './support/peer-stub';
import { startNotificationsHarness, type NotificationsHarness } from './support/notifications-harness';

/**
 * Erasure and consent withdrawal reach every copy notifications holds, and the minutes go
 * to the invited officials, the facilitating NGO and the organisers only, with nothing a recipient may not read.
 */
const DAY = 86_400_000;
let h: NotificationsHarness;

beforeAll(async () => {
  // A transient failure is retried ten minutes later: a queued delivery stays queued for the whole test.
  h = await startNotificationsHarness({ retryBaseMs: 600_000 });
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

function addOrganisation(partial: Partial<OrganisationView> & Pick<OrganisationView, 'kind'>): OrganisationView {
  const organisation = makeOrganisation({ districtCode: 'isfara', ...partial });
  h.world.organisations.set(organisation.id, organisation);
  return organisation;
}

function addMeeting(partial: Partial<MeetingView> = {}, community = makeCommunity({ name: `Vorukh ${randomUUID().slice(0, 4)}`, districtCode: 'isfara' })): MeetingView {
  h.world.communities.set(community.id, community);
  const meeting = makeMeeting({ communityIds: [community.id], startsAt: new Date(Date.now() + 20 * DAY).toISOString(), ...partial });
  h.world.meetings.set(meeting.id, meeting);
  return meeting;
}

const scheduled = (m: MeetingView) => ({ meetingId: m.id, communityIds: m.communityIds, districtCode: m.districtCode, scheduledFor: m.startsAt, quarter: m.quarter });

/** Every row notifications keeps (deliveries, inbox, planned items), as text, to grep for personal data. */
async function everything(): Promise<string> {
  const tables = ['delivery', 'inbox_item', 'scheduled_item'];
  const rows = await Promise.all(tables.map((t) => h.sql<{ row: string }>(`select row_to_json(t)::text as "row" from "${t}" t`)));
  return rows.flat().map((r) => r.row).join('\n');
}

const ngoIsfara: Actor = { userId: 'u-ngo', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };
const govIsfara: Actor = { userId: 'u-gov', username: 'gov.isfara', roles: ['local-government'], scope: { national: false, regions: [], districts: ['isfara'] } };

describe('notifications: do no harm', () => {
  describe('erasure', () => {
    it('should redact an erased person from every message about them (inbox, role-audience deliveries) and from provider errors that echo their address', async () => {
      const marker = `Zebo Marker${randomUUID().slice(0, 6)}`;
      const address = `erase-${randomUUID().slice(0, 8)}@example.tj`;
      const number = phone();
      const community = makeCommunity({ name: `Surkh ${randomUUID().slice(0, 4)}`, districtCode: 'isfara' });
      h.world.communities.set(community.id, community);
      // The person is the new officer of a community (a console message to the district team names them) and an
      // invitee whose mail relay refuses them with a message that echoes the address.
      const person = addContact({ name: marker, email: address, preferredChannel: 'email', preferredLanguage: 'en' });
      h.mail.permanent.add(address);
      const smsPerson = addContact({ name: `${marker} sms`, phone: number, preferredChannel: 'sms' });
      h.sms.permanent.add(number);
      await h.publish(OfficerAssignedEvtV1, {
        assignmentId: randomUUID(),
        communityId: community.id,
        districtCode: 'isfara',
        regionCode: 'sughd',
        officerContactId: person.id,
        previousOfficerContactId: null,
        policeUnitId: null,
        since: '2026-12-01',
        occurredAt: new Date().toISOString(),
      });
      const meeting = addMeeting({ inviteeContactIds: [person.id, smsPerson.id] });
      await h.publish(MeetingScheduledEvtV1, scheduled(meeting));
      await eventually(async () => {
        const failed = await h.deliveries('"recipient_id" in (?, ?) and "status" = ?', [person.id, smsPerson.id, 'failed']);
        expect(failed.map((d) => d.last_error).join(' ')).toContain(address);
        expect(failed.map((d) => d.last_error).join(' ')).toContain(number);
        const inbox = await h.rpc.request(ListInboxQryV1, ngoIsfara, { offset: 0, limit: 100, sort: 'createdAt', order: 'DESC', districtCode: 'isfara' }, { correlationId: 'test' });
        expect(inbox.items.some((i) => i.type === 'officer-assigned' && i.body.includes(marker))).toBe(true);
      });
      expect(await everything()).toContain(marker);

      await h.publish(ContactErasedEvtV1, { contactId: person.id, occurredAt: new Date().toISOString() });
      await h.publish(ContactErasedEvtV1, { contactId: smsPerson.id, occurredAt: new Date().toISOString() });
      await eventually(async () => {
        const all = await everything();
        expect(all).not.toContain(marker);
        expect(all.toLowerCase()).not.toContain(address);
        expect(all).not.toContain(number);
      });
      // The inbox still has the message, without the name.
      const inbox = await h.rpc.request(ListInboxQryV1, ngoIsfara, { offset: 0, limit: 100, sort: 'createdAt', order: 'DESC', districtCode: 'isfara' }, { correlationId: 'test' });
      const message = inbox.items.find((i) => i.type === 'officer-assigned' && i.link === `/communities/${community.id}/show`);
      expect(message?.body).toContain('[erased]');
    });
  });

  describe('consent withdrawal', () => {
    it('should cancel deliveries queued to a contact at once when they withdraw consent, and send nothing to them afterwards', async () => {
      const address = mail();
      const person = addContact({ email: address, preferredChannel: 'email', preferredLanguage: 'en' });
      const other = addContact({ email: mail(), preferredChannel: 'email', preferredLanguage: 'en' });
      h.mail.failFirst.set(address, 1);
      const meeting = addMeeting({ inviteeContactIds: [person.id, other.id] });
      await h.publish(MeetingScheduledEvtV1, scheduled(meeting));
      // The first attempt was refused for now: the delivery waits, queued, for its retry ten minutes later.
      const [queued] = await eventually(async () => {
        const rows = await h.deliveries('"recipient_id" = ? and "meeting_id" = ?', [person.id, meeting.id]);
        expect(rows.map((r) => [r.status, r.attempts])).toEqual([['queued', 1]]);
        return rows;
      });
      const started = Date.now();
      await h.publish(ContactConsentChangedEvtV1, { contactId: person.id, consent: false, occurredAt: new Date().toISOString() });
      await eventually(async () => {
        const [row] = await h.deliveries('"id" = ?', [queued.id]);
        expect([row.status, row.skip_reason]).toEqual(['skipped', 'no-consent']);
      }, 5_000);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(5_000);
      // Others are untouched.
      await eventually(async () => expect((await h.deliveries('"recipient_id" = ? and "meeting_id" = ?', [other.id, meeting.id])).map((r) => r.status)).toEqual(['sent']));

      // A recipient list resolved before the withdrawal (the view still says consent) sends nothing either.
      const later = addMeeting({ inviteeContactIds: [person.id] });
      await h.publish(MeetingScheduledEvtV1, scheduled(later));
      await eventually(async () => {
        const rows = await h.deliveries('"recipient_id" = ? and "meeting_id" = ?', [person.id, later.id]);
        expect(rows.map((r) => [r.status, r.skip_reason])).toEqual([['skipped', 'no-consent']]);
      });
      expect(h.mail.to(address)).toHaveLength(0);

      // Consent given again (a newer change): messages flow again.
      await h.publish(ContactConsentChangedEvtV1, { contactId: person.id, consent: true, occurredAt: new Date().toISOString() });
      const third = addMeeting({ inviteeContactIds: [person.id] });
      await eventually(async () => {
        const [state] = await h.sql<{ consent: boolean }>(`select "consent" from "contact_state" where "contact_id" = ?`, [person.id]);
        expect(state?.consent).toBe(true);
      });
      await h.publish(MeetingScheduledEvtV1, scheduled(third));
      await eventually(() => expect(h.mail.to(address)).toHaveLength(1));
    });
  });

  describe('minutes distribution', () => {
    it('should send the minutes to the invited local-government and police contacts and organisations, the facilitating NGO and the organisers, each with consent, and to nobody else', async () => {
      const police = addOrganisation({ kind: 'district-police', name: 'Isfara police' });
      const ngo = addOrganisation({ kind: 'ngo', name: 'Facilitating NGO' });
      const gov = addOrganisation({ kind: 'local-government', name: 'Jamoat Vorukh' });
      const invitedGov = addOrganisation({ kind: 'local-government', name: 'Isfara hukumat' });
      const invitedRle = addOrganisation({ kind: 'regional-law-enforcement', name: 'Sughd regional police' });
      const invitedBorder = addOrganisation({ kind: 'border-service', name: 'Border detachment' });
      const community = makeCommunity({ name: `Vorukh ${randomUUID().slice(0, 4)}`, districtCode: 'isfara' });
      const officer = addContact({ email: mail(), organisationId: police.id, communityIds: [community.id] });
      community.officerContactId = officer.id;
      const policeNotInvited = addContact({ email: mail(), organisationId: police.id, communityIds: [community.id] });
      const govNotInvited = addContact({ email: mail(), organisationId: gov.id, communityIds: [community.id] });
      const govInvitedByName = addContact({ email: mail(), organisationId: gov.id });
      const policeInvitedByName = addContact({ phone: phone(), preferredChannel: 'sms', organisationId: police.id });
      const residentInvited = addContact({ email: mail(), communityIds: [community.id] });
      const withoutConsent = addContact({ email: mail(), organisationId: gov.id, consent: false });
      const ngoContact = addContact({ email: mail(), organisationId: ngo.id });
      const ofInvitedGov = addContact({ email: mail(), organisationId: invitedGov.id });
      const ofInvitedRle = addContact({ email: mail(), organisationId: invitedRle.id, districtCode: null });
      const ofInvitedBorder = addContact({ email: mail(), organisationId: invitedBorder.id });
      const meeting = addMeeting(
        {
          status: 'held',
          heldAt: new Date().toISOString(),
          policeUnitId: police.id,
          facilitatingOrganisationId: ngo.id,
          organisedBy: 'ngo',
          inviteeContactIds: [govInvitedByName.id, policeInvitedByName.id, residentInvited.id, withoutConsent.id],
          inviteeOrganisationIds: [invitedGov.id, invitedRle.id, invitedBorder.id],
        },
        community,
      );
      h.world.minutes.set(meeting.id, minutesView(meeting.id));
      await h.publish(MinutesApprovedEvtV1, minutesApproved(meeting, [
        { organisationId: police.id, kind: 'police-unit' },
        { organisationId: ngo.id, kind: 'facilitating-organisation' },
        { organisationId: invitedGov.id, kind: 'invited-organisation' },
        { organisationId: invitedRle.id, kind: 'invited-organisation' },
        { organisationId: invitedBorder.id, kind: 'invited-organisation' },
      ]));
      const expected = [officer, govInvitedByName, policeInvitedByName, ngoContact, ofInvitedGov, ofInvitedRle];
      await eventually(async () => {
        const rows = await h.deliveries('"meeting_id" = ? and "type" = ? and "recipient_kind" = ?', [meeting.id, 'minutes-distributed', 'contact']);
        expect(rows.filter((r) => r.status === 'queued')).toHaveLength(0);
        expect(rows.filter((r) => r.status === 'sent').map((r) => r.recipient_id).sort()).toEqual(expected.map((c) => c.id).sort());
        expect(rows.filter((r) => r.status === 'skipped').map((r) => [r.recipient_id, r.skip_reason])).toEqual([[withoutConsent.id, 'no-consent']]);
      });
      for (const nobody of [policeNotInvited, govNotInvited, residentInvited, ofInvitedBorder]) expect(h.mail.to(nobody.email!)).toHaveLength(0);
    });

    it('should never show the topic of a restricted or confidential concern in the distributed minutes (email, PDF, SMS, inbox)', async () => {
      const gov = addOrganisation({ kind: 'local-government' });
      const emailContact = addContact({ email: mail(), organisationId: gov.id, preferredLanguage: 'en' });
      const smsContact = addContact({ phone: phone(), preferredChannel: 'sms', organisationId: gov.id, preferredLanguage: 'en' });
      const meeting = addMeeting({ status: 'held', heldAt: new Date().toISOString(), inviteeContactIds: [emailContact.id, smsContact.id] });
      h.world.minutes.set(meeting.id, minutesView(meeting.id));
      await h.publish(MinutesApprovedEvtV1, minutesApproved(meeting, []));
      await eventually(() => {
        expect(h.mail.to(emailContact.email!)).toHaveLength(1);
        expect(h.sms.to(smsContact.phone!)).toHaveLength(1);
      });
      const email = h.mail.to(emailContact.email!)[0];
      const [row] = await h.sql<{ content: { minutesPdf: { body: string } } }>(`select "content" from "delivery" where "recipient_id" = ? and "meeting_id" = ?`, [emailContact.id, meeting.id]);
      const inbox = await eventually(async () => {
        const page = await h.rpc.request(ListInboxQryV1, govIsfara, { offset: 0, limit: 100, sort: 'createdAt', order: 'DESC', districtCode: 'isfara' }, { correlationId: 'test' });
        const item = page.items.find((i) => i.type === 'minutes-distributed' && i.link === `/meetings/${meeting.id}/show`);
        expect(item).toBeDefined();
        return item!;
      });
      const distributed = [email.text, email.html, row.content.minutesPdf.body, h.sms.to(smsContact.phone!)[0].text, inbox.title, inbox.body].join('\n');
      // Public topics are listed by name with their counts (never by code: issue 15); restricted and confidential ones
      // only as one number, no topic.
      expect(distributed).toContain('Road safety: 2');
      expect(row.content.minutesPdf.body).toContain('Road safety: 2');
      expect(distributed).not.toContain('road-safety');
      expect(distributed).toContain('Not listed: 3');
      for (const hidden of ['domestic-violence', 'border-guards', 'youth-violence', 'Domestic violence', 'Border guards', 'Youth violence', 'Домашнее насилие', 'Пограничники']) expect(distributed).not.toContain(hidden);
      // The counts are of what may be listed: 2 concerns on 1 topic (the SMS summary too).
      expect(h.sms.to(smsContact.phone!)[0].text).toContain('2 concerns, 1 topics');
    });
  });
});

/** Minutes of a small meeting: two public road-safety concerns, a restricted border-guards one, a confidential domestic-violence one and a topic with only a restricted and a confidential concern. */
function minutesView(meetingId: string): MinutesView {
  return {
    meetingId,
    status: 'approved',
    version: 3,
    body: '# Minutes\n\n- 24 residents came',
    language: 'en',
    updatedBy: 'ngo.isfara',
    updatedAt: new Date().toISOString(),
    approvedBy: 'police.isfara',
    approvedAt: new Date().toISOString(),
    concerns: {
      total: 5,
      bySensitivity: { public: 2, restricted: 2, confidential: 1 },
      byTopic: [
        { topic: 'border-guards', counts: { public: 0, restricted: 1, confidential: 0 }, publicItems: [] },
        { topic: 'youth-violence', counts: { public: 0, restricted: 1, confidential: 0 }, publicItems: [] },
        { topic: 'domestic-violence', counts: { public: 0, restricted: 0, confidential: 1 }, publicItems: [] },
        { topic: 'road-safety', counts: { public: 2, restricted: 0, confidential: 0 }, publicItems: [{ text: 'the crossing near the school', answer: null }] },
      ],
    },
  };
}

function minutesApproved(meeting: MeetingView, recipients: { organisationId: string; kind: 'police-unit' | 'facilitating-organisation' | 'invited-organisation' }[]) {
  return {
    meetingId: meeting.id,
    communityIds: meeting.communityIds,
    districtCode: 'isfara',
    regionCode: 'sughd',
    quarter: meeting.quarter,
    heldAt: meeting.heldAt,
    approvedAt: new Date().toISOString(),
    version: 3,
    language: 'en',
    recipients,
    summary: { concernsTotal: 5, concernsBySensitivity: { public: 2, restricted: 2, confidential: 1 }, topics: 4 },
    minutesPath: `/api/v1/meetings/${meeting.id}/minutes`,
  };
}
