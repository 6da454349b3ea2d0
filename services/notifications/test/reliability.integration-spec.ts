import { MeetingScheduledEvtV1, type ContactView, type MeetingView } from '@rd/contracts';
import { durableConsumerName, eventStreamName } from '@rd/contracts';
import { eventually } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import { makeCommunity, makeContact, makeDistrict, makeMeeting } from './support/peer-stub';
import { startNotificationsHarness, type NotificationsHarness } from './support/notifications-harness';

const DAY = 86_400_000;
const mail = () => `r${randomUUID().slice(0, 8)}@example.tj`;

function seed(h: NotificationsHarness, invitees: Partial<ContactView>[]): { meeting: MeetingView; contacts: ContactView[] } {
  h.world.districts.set('isfara', makeDistrict('isfara', 'sughd'));
  const community = makeCommunity({ name: 'Chorkuh', districtCode: 'isfara' });
  h.world.communities.set(community.id, community);
  const contacts = invitees.map((partial) => makeContact({ preferredLanguage: 'en', ...partial }));
  contacts.forEach((c) => h.world.contacts.set(c.id, c));
  const meeting = makeMeeting({ communityIds: [community.id], startsAt: new Date(Date.now() + 30 * DAY).toISOString(), inviteeContactIds: contacts.map((c) => c.id) });
  h.world.meetings.set(meeting.id, meeting);
  return { meeting, contacts };
}

const scheduled = (m: MeetingView) => ({ meetingId: m.id, communityIds: m.communityIds, districtCode: m.districtCode, scheduledFor: m.startsAt, quarter: m.quarter });

/** Every address got exactly one message. */
function exactlyOnce(h: NotificationsHarness, contacts: ContactView[]): void {
  const counts = contacts.map((c) => h.mail.to(c.email!).length);
  expect(counts.filter((n) => n !== 1)).toEqual([]);
}

describe('notifications delivery guarantees', () => {
  describe('retries', () => {
    let h: NotificationsHarness;
    beforeAll(async () => {
      h = await startNotificationsHarness({ maxAttempts: 4, retryBaseMs: 40 });
    });
    afterAll(() => h?.close());

    it('should retry a transient failure with backoff until it goes through, fail after the limit with the provider error, and never retry a permanent one', async () => {
      const flaky = { email: mail() };
      const hopeless = { email: mail() };
      const bad = { email: mail() };
      const smsFlaky = { phone: '+992921110001', preferredChannel: 'sms' as const };
      const smsBad = { phone: '+992921110002', preferredChannel: 'sms' as const };
      const { meeting, contacts } = seed(h, [flaky, hopeless, bad, smsFlaky, smsBad]);
      h.mail.failFirst.set(flaky.email, 2);
      h.mail.failFirst.set(hopeless.email, 100);
      h.mail.permanent.add(bad.email);
      h.sms.failFirst.set(smsFlaky.phone, 1);
      h.sms.permanent.add(smsBad.phone);
      await h.publish(MeetingScheduledEvtV1, scheduled(meeting));

      const rowOf = async (contact: ContactView) => (await h.deliveries('"recipient_id" = ?', [contact.id]))[0];
      await eventually(async () => {
        expect((await rowOf(contacts[0])).status).toBe('sent');
        expect((await rowOf(contacts[1])).status).toBe('failed');
        expect((await rowOf(contacts[2])).status).toBe('failed');
        expect((await rowOf(contacts[3])).status).toBe('sent');
        expect((await rowOf(contacts[4])).status).toBe('failed');
      }, 15_000);
      const [okAfter2, gaveUp, permanent, smsOk, smsPermanent] = await Promise.all(contacts.map(rowOf));
      expect([okAfter2.attempts, h.mail.attempts.get(flaky.email), h.mail.to(flaky.email)]).toEqual([3, 3, [expect.anything()]]);
      expect([gaveUp.attempts, h.mail.attempts.get(hopeless.email)]).toEqual([4, 4]);
      expect(gaveUp.last_error).toContain('451');
      expect([permanent.attempts, h.mail.attempts.get(bad.email)]).toEqual([1, 1]);
      expect(permanent.last_error).toContain('550');
      expect([smsOk.attempts, h.sms.to(smsFlaky.phone)]).toEqual([2, [expect.objectContaining({ idempotencyKey: smsOk.id })]]);
      expect([smsPermanent.attempts, h.sms.attempts.get(smsBad.phone)]).toEqual([1, 1]);
      expect(smsPermanent.last_error).toContain('HTTP 400');
    });
  });

  describe('a peer outage', () => {
    let h: NotificationsHarness;
    beforeAll(async () => {
      h = await startNotificationsHarness({ retryBaseMs: 50 });
    });
    afterAll(() => h?.close());

    it('should keep the planned work while communities and meetings do not answer, and send once they are back', async () => {
      const { meeting, contacts } = seed(h, [{ email: mail() }, { email: mail() }]);
      h.world.down = true;
      await h.publish(MeetingScheduledEvtV1, scheduled(meeting));
      await eventually(async () => {
        const [item] = await h.sql<{ attempts: number; last_error: string | null; status: string }>(`select "attempts", "last_error", "status" from "scheduled_item" where "kind" = 'meeting-notice'`);
        expect(item.status).toBe('pending');
        expect(item.attempts).toBeGreaterThanOrEqual(2);
      }, 10_000);
      expect(h.mail.messages).toHaveLength(0);
      h.world.down = false;
      await eventually(() => exactlyOnce(h, contacts), 15_000);
    });
  });

  describe('duplicates and replays', () => {
    let h: NotificationsHarness;
    beforeAll(async () => {
      h = await startNotificationsHarness();
    });
    afterAll(() => h?.close());

    it('should send one message per event, recipient and channel when the event is redelivered or the stream replayed', async () => {
      const { meeting, contacts } = seed(h, Array.from({ length: 5 }, () => ({ email: mail() })));
      const eventId = randomUUID();
      await h.publish(MeetingScheduledEvtV1, scheduled(meeting), eventId);
      await eventually(() => exactlyOnce(h, contacts));
      const before = (await h.deliveries()).length;

      // Replay 1: the durable consumer is recreated from the start of the stream; the inbox drops the repeat.
      // Replay 2: as after restoring an old backup, the inbox and the planned items are gone too; the deliveries' unique
      // key still holds.
      for (const wipe of [[], ['inbox_message', 'scheduled_item']]) {
        for (const app of h.replicas.splice(0)) await app.close();
        const jsm = await h.nc.jetstreamManager();
        await jsm.consumers.delete(eventStreamName(h.prefix, 'meetings'), durableConsumerName('notifications', MeetingScheduledEvtV1.name));
        for (const table of wipe) await h.sql(`delete from "${table}"`);
        await h.startReplica();
        await eventually(async () => {
          const [row] = await h.sql<{ n: string }>(`select count(*) as n from "inbox_message" where "message_id" = ?`, [eventId]);
          expect(Number(row.n)).toBe(1);
        }, 10_000);
        await eventually(async () => {
          const items = await h.sql<{ status: string }>(`select "status" from "scheduled_item" where "key" = ?`, [`notice:${eventId}`]);
          expect(items.map((i) => i.status)).toEqual(['done']);
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await h.deliveries()).length).toBe(before);
      exactlyOnce(h, contacts);
    });
  });

  describe('restart in the middle of a batch', () => {
    let h: NotificationsHarness;
    beforeAll(async () => {
      h = await startNotificationsHarness({ sendConcurrency: 2 });
    });
    afterAll(() => h?.close());

    it('should lose nothing and send nothing twice when the service stops mid-batch and another instance carries on', async () => {
      const { meeting, contacts } = seed(h, Array.from({ length: 40 }, () => ({ email: mail() })));
      // Slow enough that the stop always lands mid-batch: 2 lanes × 250 ms per message.
      h.mail.delayMs = 250;
      await h.publish(MeetingScheduledEvtV1, scheduled(meeting));
      await eventually(() => expect(h.mail.messages.length).toBeGreaterThanOrEqual(4), 10_000, 5);
      const [first] = h.replicas.splice(0);
      await first.close();
      const sentWhenStopped = h.mail.messages.length;
      const queued = await h.deliveries(`"status" = 'queued' and "meeting_id" = ?`, [meeting.id]);
      expect(sentWhenStopped).toBeLessThan(40);
      expect(queued.length).toBe(40 - sentWhenStopped);
      h.mail.delayMs = 0;
      await h.startReplica();
      await eventually(() => expect(h.mail.messages.length).toBe(40), 15_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      exactlyOnce(h, contacts);
      const rows = await h.deliveries(`"meeting_id" = ? and "recipient_kind" = 'contact'`, [meeting.id]);
      expect(rows.map((r) => r.status).filter((s) => s !== 'sent')).toEqual([]);
      process.stdout.write(`[notifications] restart mid-batch: ${sentWhenStopped} sent before the stop, ${40 - sentWhenStopped} after; 0 lost, 0 doubled\n`);
    });
  });

  describe('two replicas at once', () => {
    let h: NotificationsHarness;
    beforeAll(async () => {
      h = await startNotificationsHarness({ sendConcurrency: 4 }, { replicas: 2 });
    });
    afterAll(() => h?.close());

    it('should send each message once while two replicas consume, plan and send concurrently', async () => {
      const batches = Array.from({ length: 3 }, () => seed(h, Array.from({ length: 30 }, () => ({ email: mail() }))));
      // Reminders due now on both replicas at once as well (planned by the events below).
      const started = Date.now();
      await Promise.all(batches.map((b) => h.publish(MeetingScheduledEvtV1, scheduled(b.meeting))));
      const all = batches.flatMap((b) => b.contacts);
      await eventually(() => expect(h.mail.messages.length).toBe(all.length), 20_000);
      const elapsed = Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 500));
      exactlyOnce(h, all);
      expect(h.mail.messages.length).toBe(90);
      const items = await h.sql<{ key: string; n: string }>(`select "key", count(*) as n from "scheduled_item" group by "key" having count(*) > 1`);
      expect(items).toEqual([]);
      // Both replicas planned today's quarter check at start: one row.
      const checks = await h.sql<{ n: string }>(`select count(*) as n from "scheduled_item" where "kind" = 'quarter-check' and "key" = ?`, [`quarter-check:${new Date().toISOString().slice(0, 10)}`]);
      expect(Number(checks[0].n)).toBe(1);
      process.stdout.write(`[notifications] two replicas: 90 emails, each once, in ${elapsed} ms from publish to the last one accepted\n`);
    });
  });
});
