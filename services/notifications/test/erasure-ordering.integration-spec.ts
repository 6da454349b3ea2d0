import type { EntityManager } from '@mikro-orm/postgresql';
import { ContactErasedEvtV1, ListInboxQryV1, type Actor, type MinutesView } from '@rd/contracts';
import { eventually } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import { DeliverySender } from '../src/deliveries/delivery-sender';
import { DeliveryWriter } from '../src/dispatch/delivery-writer';
import { JobsService } from '../src/dispatch/jobs.service';
import { NotificationsEventsConsumer } from '../src/notifications-events.consumer';
import type { JobKind, ScheduledItemRow } from '../src/planning/scheduled-item.repository';
import { makeCommunity, makeContact, makeDistrict, makeMeeting, makeOrganisation } from './support/peer-stub';
import { startNotificationsHarness, type NotificationsHarness } from './support/notifications-harness';

/**
 * Found by the leak crawler (in 1 run of 5): a job resolves a contact (name, address) and an officer
 * message naming them, the contact is erased, and only then does the job's transaction commit. The erasure must
 * still reach what the job wrote. The interleaving is forced with two real transactions: the job's is held open
 * (the same JobsService.run and DeliveryWriter.write the job runner calls) while the erasure event goes through the
 * service's consumer.
 */
let h: NotificationsHarness;

beforeAll(async () => {
  h = await startNotificationsHarness({ retryBaseMs: 600_000 });
  h.world.districts.set('isfara', makeDistrict('isfara', 'sughd'));
  // No sender: a queued row written after the erasure would otherwise be skipped (and cleared) by the sender's own
  // re-check a moment later, which hides the defect in the writer/erasure ordering this test is about.
  await h.replicas[0].get(DeliverySender, { strict: false }).beforeApplicationShutdown();
});
afterAll(async () => {
  await h?.close();
});

const ngoIsfara: Actor = { userId: 'u-ngo', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };

const item = (kind: JobKind, payload: Record<string, unknown>): ScheduledItemRow => ({
  id: randomUUID(),
  key: `${kind}:${randomUUID()}`,
  kind,
  run_at: new Date(),
  payload,
  status: 'pending',
  attempts: 0,
  last_error: null,
});

function minutesView(meetingId: string): MinutesView {
  const now = new Date().toISOString();
  return {
    meetingId,
    status: 'approved',
    version: 1,
    body: '# Minutes',
    language: 'en',
    updatedBy: 'ngo.isfara',
    updatedAt: now,
    approvedBy: 'police.isfara',
    approvedAt: now,
    concerns: { total: 0, bySensitivity: { public: 0, restricted: 0, confidential: 0 }, byTopic: [] },
  } as MinutesView;
}

/** Every row notifications keeps, as text. */
async function everything(): Promise<string> {
  const tables = ['delivery', 'inbox_item', 'scheduled_item'];
  const rows = await Promise.all(tables.map((t) => h.sql<{ row: string }>(`select row_to_json(t)::text as "row" from "${t}" t`)));
  return rows.flat().map((r) => r.row).join('\n');
}

/** The officer of a community, invited to a held meeting whose minutes are approved: the crawler's erased contact. */
function officerWithMinutes(marker: string, address: string) {
  const police = makeOrganisation({ kind: 'district-police', districtCode: 'isfara', name: 'Isfara police' });
  h.world.organisations.set(police.id, police);
  const community = makeCommunity({ name: `Chorku ${randomUUID().slice(0, 4)}`, districtCode: 'isfara' });
  const person = makeContact({ name: marker, email: address, preferredChannel: 'email', preferredLanguage: 'en', organisationId: police.id, communityIds: [community.id] });
  h.world.contacts.set(person.id, person);
  community.officerContactId = person.id;
  h.world.communities.set(community.id, community);
  const meeting = makeMeeting({
    communityIds: [community.id],
    startsAt: new Date(Date.now() - 86_400_000).toISOString(),
    status: 'held',
    heldAt: new Date().toISOString(),
    policeUnitId: police.id,
    inviteeContactIds: [person.id],
  });
  h.world.meetings.set(meeting.id, meeting);
  h.world.minutes.set(meeting.id, minutesView(meeting.id));
  return { person, community, meeting };
}

/** A latch: `open()` resolves `opened`. */
function latch(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const erasedAt = async (contactId: string) =>
  (await h.sql<{ erased_at: Date | null }>(`select "erased_at" from "contact_state" where "contact_id" = ?`, [contactId]))[0]?.erased_at ?? null;
const advisoryWaiters = async () =>
  (
    await h.sql<{ waiting: number }>(
      `select count(*)::int as "waiting" from pg_locks l join pg_database d on d.oid = l."database" where d.datname = current_database() and l.locktype = 'advisory' and not l.granted`,
    )
  )[0].waiting;

describe('notifications: erasure while a job is writing', () => {
  it('should leave no name or address of a contact erased after a job resolved them but before the job committed (minutes to the officer, officer message)', async () => {
    const marker = `Gulnora Race${randomUUID().slice(0, 6)}`;
    const address = `race-${randomUUID().slice(0, 8)}@example.tj`;
    const { person, community, meeting } = officerWithMinutes(marker, address);

    const app = h.replicas[0];
    const jobs = app.get(JobsService, { strict: false });
    const writer = app.get(DeliveryWriter, { strict: false });
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The job's transaction: recipients resolved (the contact not erased yet), deliveries written, not committed.
    const job = (h.orm.em.fork() as EntityManager).transactional(async (tx) => {
      const messages = [
        ...(await jobs.run(tx, item('minutes-distribution', { meetingId: meeting.id, approvedAt: new Date().toISOString() }))),
        ...(await jobs.run(tx, item('officer-assigned', { communityId: community.id, officerContactId: person.id, since: '2026-12-01' }))),
      ];
      let rows = 0;
      for (const message of messages) rows += (await writer.write(tx, message, { consoleUrl: 'http://console.test', organiserEmail: 'rd@example.tj' })).length;
      wrote();
      await released;
      return rows;
    });
    await written;

    await h.publish(ContactErasedEvtV1, { contactId: person.id, occurredAt: new Date().toISOString() });
    // The erasure consumer has either committed (it did not wait for the job) or is waiting for the job's lock.
    const erasedFirst = await eventually(async () => {
      const erased = !!(await erasedAt(person.id));
      expect(erased || (await advisoryWaiters()) > 0).toBe(true);
      return erased;
    });
    release();
    expect(await job).toBe(3); // the officer's minutes email, the district team's minutes and officer messages

    await eventually(async () => expect(await erasedAt(person.id)).toBeTruthy());
    // What the delivery log answers, and every other row notifications keeps.
    const own = await h.deliveries('"recipient_id" = ?', [person.id]);
    expect(own.map((d) => [d.status, d.skip_reason, d.address])).toEqual([['skipped', 'erased', null]]);
    const all = await everything();
    expect(all).not.toContain(marker);
    expect(all.toLowerCase()).not.toContain(address);
    const inbox = await h.rpc.request(ListInboxQryV1, ngoIsfara, { offset: 0, limit: 100, sort: 'createdAt', order: 'DESC', districtCode: 'isfara' }, { correlationId: 'test' });
    expect(inbox.items.find((i) => i.type === 'officer-assigned' && i.link === `/communities/${community.id}/show`)?.body).toContain('[erased]');
    // The erasure waited for the job (it did not commit while the job's transaction was open).
    expect(erasedFirst).toBe(false);
  });

  it('should neither send to nor keep the name and address of a contact whose erasure is in flight when a job that resolved them before commits and the sender picks the message up', async () => {
    const marker = `Farrukh Race${randomUUID().slice(0, 6)}`;
    const address = `race-${randomUUID().slice(0, 8)}@example.tj`;
    const { person, meeting } = officerWithMinutes(marker, address);
    const app = h.replicas[0];
    const jobs = app.get(JobsService, { strict: false });
    const writer = app.get(DeliveryWriter, { strict: false });
    const sender = app.get(DeliverySender, { strict: false });
    const consumer = app.get(NotificationsEventsConsumer, { strict: false });
    // The erasure's transaction pauses after its redaction, before it commits.
    const redacted = latch();
    const commitErasure = latch();
    consumer.beforeErasureCommit = async (contactId) => {
      if (contactId !== person.id) return;
      redacted.open();
      await commitErasure.opened;
    };
    try {
      const written = latch();
      const commitJob = latch();
      const job = (h.orm.em.fork() as EntityManager).transactional(async (tx) => {
        for (const message of await jobs.run(tx, item('minutes-distribution', { meetingId: meeting.id, approvedAt: new Date().toISOString() }))) {
          await writer.write(tx, message, { consoleUrl: 'http://console.test', organiserEmail: 'rd@example.tj' });
        }
        written.open();
        await commitJob.opened;
      });
      await written.opened;
      await h.publish(ContactErasedEvtV1, { contactId: person.id, occurredAt: new Date().toISOString() });
      // The erasure has redacted what it saw (and waits to commit), or waits for the job's lock.
      let paused = false;
      void redacted.opened.then(() => (paused = true));
      await eventually(async () => expect(paused || (await advisoryWaiters()) > 0).toBe(true));
      commitJob.open();
      await job;
      // The sender runs while the erasure is still open: everything due, the minutes to the officer first of all.
      while (await sender.step()) {
        // one delivery per step
      }
      await redacted.opened;
      commitErasure.open();
      await eventually(async () => expect(await erasedAt(person.id)).toBeTruthy());
      while (await sender.step()) {
        // nothing more is due for this contact
      }
    } finally {
      consumer.beforeErasureCommit = null;
      commitErasure.open();
    }
    const own = await h.deliveries('"recipient_id" = ?', [person.id]);
    expect(own.map((d) => [d.status, d.skip_reason, d.address])).toEqual([['skipped', 'erased', null]]);
    expect(h.mail.to(address)).toHaveLength(0);
    const all = await everything();
    expect(all).not.toContain(marker);
    expect(all.toLowerCase()).not.toContain(address);
  });
});
