import { MeetingScheduledEvtV1 } from '@rd/contracts';
import { eventually } from '@rd/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { makeCommunity, makeContact, makeDistrict, makeMeeting } from './support/peer-stub';
import { startNotificationsHarness, type NotificationsHarness } from './support/notifications-harness';

const ROOT = resolve(__dirname, '..', '..', '..');

/** The service as its own process (what a deployment runs), so the test can SIGKILL it mid-send. */
function spawnService(h: NotificationsHarness, log: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'services/notifications/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
      DATABASE_URL: h.config.databaseUrl,
      NATS_URL: h.config.natsUrl,
      NATS_SUBJECT_PREFIX: h.prefix,
      SMTP_URL: h.mail.url,
      SMS_GATEWAY_URL: h.sms.url,
      NOTIFY_POLL_MS: '100',
      NOTIFY_RETRY_BASE_MS: '50',
      NOTIFY_SEND_CONCURRENCY: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveStart, reject) => {
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (/listening on nats/.test(chunk.toString())) resolveStart(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`notifications exited with ${code}: ${log.join('').slice(-2000)}`)));
  });
}

describe('notifications after a crash (SIGKILL) in the middle of a batch', () => {
  let h: NotificationsHarness;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    h = await startNotificationsHarness({}, { replicas: 0 });
  });
  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
      child.kill('SIGKILL');
      await exited;
    }
    await h?.close();
  });

  it('should lose nothing; at most the messages in flight at the kill go again, with the same Message-ID', async () => {
    h.world.districts.set('isfara', makeDistrict('isfara', 'sughd'));
    const community = makeCommunity({ name: 'Chorkuh', districtCode: 'isfara' });
    h.world.communities.set(community.id, community);
    const contacts = Array.from({ length: 30 }, () => makeContact({ email: `k${randomUUID().slice(0, 8)}@example.tj`, preferredLanguage: 'en' }));
    contacts.forEach((c) => h.world.contacts.set(c.id, c));
    const meeting = makeMeeting({ communityIds: [community.id], startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), inviteeContactIds: contacts.map((c) => c.id) });
    h.world.meetings.set(meeting.id, meeting);
    h.mail.delayMs = 150;

    const log: string[] = [];
    const first = await spawnService(h, log);
    children.push(first);
    await h.publish(MeetingScheduledEvtV1, { meetingId: meeting.id, communityIds: meeting.communityIds, districtCode: 'isfara', scheduledFor: meeting.startsAt, quarter: meeting.quarter });
    await eventually(() => expect(h.mail.messages.length).toBeGreaterThanOrEqual(6), 30_000, 5);
    first.kill('SIGKILL');
    await new Promise((resolveExit) => first.once('exit', resolveExit));
    const atKill = h.mail.messages.length;

    h.mail.delayMs = 0;
    const second = await spawnService(h, log);
    children.push(second);
    await eventually(async () => {
      const rows = await h.deliveries(`"meeting_id" = ? and "recipient_kind" = 'contact'`, [meeting.id]);
      expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
      expect(rows).toHaveLength(30);
    }, 30_000);
    const exited = new Promise((resolveExit) => second.once('exit', resolveExit));
    second.kill('SIGTERM');
    await exited;

    const perAddress = contacts.map((c) => h.mail.to(c.email!));
    expect(perAddress.filter((mails) => mails.length === 0)).toEqual([]); // nothing lost
    const doubled = perAddress.filter((mails) => mails.length > 1);
    // Only sends in flight when the process died can repeat (2 lanes), and a repeat carries the same Message-ID.
    expect(doubled.length).toBeLessThanOrEqual(2);
    for (const mails of doubled) expect(new Set(mails.map((m) => m.messageId)).size).toBe(1);
    process.stdout.write(`[notifications] SIGKILL mid-batch: ${atKill} accepted before the kill, 0 lost, ${doubled.length} repeated (same Message-ID)\n`);
  });
});
