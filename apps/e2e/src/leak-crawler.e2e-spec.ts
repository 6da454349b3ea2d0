import type { ConcernAccessFacts } from '@rd/auth-core';
import type { Actor, MeetingView, Sensitivity } from '@rd/contracts';
import { connectTestNats, DEMO_USERS, eventually } from '@rd/testing';
import { simpleParser } from 'mailparser';
import type { NatsConnection } from 'nats';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { subjectOf } from './support/concerns';
import { e2eEnv } from './support/e2e-env';
import { readableText } from './support/file-text';
import { api as callGateway, send, tokenFor } from './support/http';
import { storedMessages, waitForConsumersIdle } from './support/jetstream-messages';
import { actorOf, leaksIn, mayRead, newMarker, type Finding, type Marker } from './support/leak-markers';
import { crawlOpenApi, type CrawlResult } from './support/openapi-crawler';

/**
 * The leak crawler: plants unique markers in concerns of every sensitivity (text, answer, action
 * description) and in a contact that is then erased, then looks everywhere a reader or an operator could look — every
 * GET operation of the gateway's OpenAPI as every demo user, every export file each user can start, every JetStream
 * message of the run, the emails and SMS sent, and the logs of every process — and fails on a marker its reader may not
 * see (canReadConcern for concerns, nobody for the erased contact). Operations come from /openapi.json, so a new route
 * is crawled without editing this file. What was crawled is written to test-output/leak-crawler.json.
 */

const USERS = Object.values(DEMO_USERS).map((user) => user.username);
const REPORT = join(__dirname, '..', '..', '..', 'test-output', 'leak-crawler.json');
const hex = () => randomBytes(3).toString('hex');
/** Every write carries an Idempotency-Key, as the console's do: the gateway's record of its answer is one more copy to scan. */
const api: typeof callGateway = (user, method, path, body, headers = {}) =>
  callGateway(user, method, path, body, ['POST', 'PUT', 'PATCH'].includes(method) ? { 'Idempotency-Key': randomUUID(), ...headers } : headers);
const SENSITIVITY_TAG: Record<Sensitivity, string> = { public: 'PUB', restricted: 'RES', confidential: 'CON' };
const HANDLER = 'ngo.isfara';
const RECORDER = 'police.isfara';

interface ExportFile {
  user: string;
  format: string;
  body: Record<string, unknown>;
  jobId: string;
  status: number;
  bytes: Buffer;
}

const must = async <T>(pending: Promise<{ status: number; body: T }>, expected: number, what: string): Promise<T> => {
  const response = await pending;
  if (response.status !== expected) throw new Error(`setup: ${what} answered ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
};

const describeFindings = (findings: Finding[]) => findings.map((f) => `${f.label} (${f.marker}) seen by ${f.reader} in ${f.where}`);

/** Every platform database has published its whole outbox. */
async function outboxesDrained(): Promise<void> {
  await eventually(
    async () => {
      for (const [service, url] of Object.entries(e2eEnv().databaseUrls)) {
        const db = new Client({ connectionString: url });
        await db.connect();
        try {
          const { rows } = await db.query<{ n: string }>('select count(*) as n from outbox_message where published_at is null');
          if (Number(rows[0].n) > 0) throw new Error(`${service} has ${rows[0].n} unpublished outbox rows`);
        } finally {
          await db.end();
        }
      }
    },
    30_000,
    200,
  );
}

describe('leak crawler: no marker reaches a reader the rules do not allow', () => {
  const markers: Marker[] = [];
  const actors = new Map<string, Actor>();
  const ids = { community: '', organisation: '', contact: '', meeting: '', briefing: '', assignment: '', concerns: {} as Record<Sensitivity | 'later', string>, actions: [] as string[], exports: [] as string[] };
  let meeting: MeetingView;
  let nc: NatsConnection;
  let refusedMinutes: { status: number; text: string };
  let databaseRefusal: { status: number; body: unknown };
  let crawl: CrawlResult | undefined;
  const apiFindings: Finding[] = [];
  const evidence: { user: string; url: string; status: number; body: string }[] = [];
  /** Markers seen by readers the rules allow (label → reader → operations): proof that the scan sees what is there. */
  const sightings = new Map<string, string[]>();
  const exportFiles: ExportFile[] = [];
  const started = Date.now();
  const timings: Record<string, number> = {};

  /** Everything written so far is published and handled (consumers that fail over and over are reported, not awaited). */
  const settle = async () => {
    await outboxesDrained();
    const stuck = await waitForConsumersIdle(nc, e2eEnv().prefix);
    if (stuck.length) process.stdout.write(`[leak-crawler] consumers making no progress (not waited for): ${stuck.join(', ')}\n`);
  };

  const concernMarker = (sensitivity: Sensitivity, part: string, facts: ConcernAccessFacts) => {
    const marker: Marker = { value: newMarker(`${SENSITIVITY_TAG[sensitivity]}${part}`), label: `${sensitivity} concern ${part === 'T' ? 'text' : part === 'A' ? 'answer' : 'action description'}`, kind: 'concern', facts };
    markers.push(marker);
    return marker.value;
  };

  beforeAll(async () => {
    nc = await connectTestNats();
    for (const user of USERS) actors.set(user, await actorOf(user));
    const handlerId = await subjectOf(HANDLER);

    // A community, a police unit, and an officer of it with a name, phone and email to be erased: invited to the
    // reporting day, owner of the follow-up actions and the community's assigned officer (named in district inboxes).
    ids.community = (await must(api<{ id: string }>('ngo.isfara', 'POST', '/communities', { name: `Leak village ${hex()}`, districtCode: 'isfara', kind: 'village' }), 201, 'community')).id;
    ids.organisation = (await must(api<{ id: string }>('ngo.isfara', 'POST', '/organisations', { name: `Leak police unit ${hex()}`, kind: 'district-police', districtCode: 'isfara' }), 201, 'police unit')).id;
    const name = newMarker('NAME');
    const phone = `+99290${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
    const emailLocal = `leak.${newMarker('MAIL').toLowerCase()}`;
    markers.push(
      { value: name, label: 'erased contact name', kind: 'erased-contact' },
      // Digits only, so a number written with or without its plus is found.
      { value: phone.slice(1), label: 'erased contact phone', kind: 'erased-contact' },
      { value: emailLocal, label: 'erased contact email', kind: 'erased-contact' },
    );
    ids.contact = (
      await must(
        api<{ id: string }>('ngo.isfara', 'POST', '/contacts', {
          name: `Officer ${name}`,
          organisationId: ids.organisation,
          phone,
          email: `${emailLocal}@example.tj`,
          preferredChannel: 'email',
          preferredLanguage: 'en',
          consent: true,
          communityIds: [ids.community],
        }),
        201,
        'contact',
      )
    ).id;

    // A reporting day inviting the contact: scheduling sends the invitation (waited for in the delivery log).
    meeting = await must(
      api<MeetingView>(RECORDER, 'POST', '/meetings', {
        kind: 'local',
        communityIds: [ids.community],
        districtCode: 'isfara',
        title: `Leak crawler reporting day ${hex()}`,
        startsAt: new Date(Date.now() + 20 * 60 * 1000).toISOString(),
        venueName: 'School No. 4',
        venueType: 'school',
        organisedBy: 'police',
        inviteeContactIds: [ids.contact],
        inviteeOrganisationIds: [ids.organisation],
      }),
      201,
      'meeting',
    );
    ids.meeting = meeting.id;
    await must(api(RECORDER, 'POST', `/meetings/${ids.meeting}/transitions`, { to: 'scheduled' }), 200, 'schedule');
    const filter = encodeURIComponent(JSON.stringify({ meetingId: ids.meeting }));
    await eventually(
      async () => {
        const log = await api<{ recipientId: string | null; status: string }[]>('ngo.isfara', 'GET', `/notifications/deliveries?filter=${filter}&range=[0,99]`);
        expect(log.body.find((d) => d.recipientId === ids.contact)?.status).toBe('sent');
      },
      20_000,
      200,
    );
    await must(api(RECORDER, 'POST', `/meetings/${ids.meeting}/transitions`, { to: 'held' }), 200, 'hold');
    const sheet = await send(`${e2eEnv().gatewayUrl}/meetings/${ids.meeting}/attendance/sign-in-sheet`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${await tokenFor(RECORDER)}`, 'Content-Type': 'application/pdf' },
      body: new Uint8Array(Buffer.from(`%PDF-1.7\n% leak crawler sign-in sheet ${hex()}\n%%EOF\n`)),
    });
    if (sheet.status !== 200) throw new Error(`setup: sign-in sheet answered ${sheet.status} ${sheet.text}`);
    const row = { under18: 1, from18to29: 2, from30to59: 3, from60: 1 };
    await must(api(RECORDER, 'PUT', `/meetings/${ids.meeting}/attendance`, { counts: { women: row, men: row, other: { under18: 0, from18to29: 0, from30to59: 0, from60: 0 } } }), 200, 'attendance');
    ids.assignment = (await must(api<{ id: string }>('ngo.isfara', 'POST', '/officer-assignments', { communityId: ids.community, officerContactId: ids.contact }), 201, 'officer assignment')).id;

    // One concern per sensitivity, each with its own markers in text, answer and action description; the confidential
    // one names the NGO admin as its only handler (its recorder, the police officer, is not one).
    for (const sensitivity of ['public', 'restricted', 'confidential'] as const) {
      const facts: ConcernAccessFacts = { districtCode: 'isfara', regionCode: 'sughd', sensitivity, handlerIds: sensitivity === 'confidential' ? [handlerId] : [] };
      const concern = await must(
        api<{ id: string }>(RECORDER, 'POST', `/meetings/${ids.meeting}/concerns`, {
          topic: sensitivity === 'confidential' ? 'domestic-violence' : sensitivity === 'restricted' ? 'border-guards' : 'water-and-irrigation',
          sensitivity,
          text: `Raised at the meeting ${concernMarker(sensitivity, 'T', facts)}`,
          answer: `Answered at the meeting ${concernMarker(sensitivity, 'A', facts)}`,
          followUpNeeded: true,
          ...(sensitivity === 'confidential' ? { handlerIds: [handlerId] } : {}),
        }),
        201,
        `${sensitivity} concern`,
      );
      ids.concerns[sensitivity] = concern.id;
      const assigner = sensitivity === 'confidential' ? HANDLER : RECORDER;
      const action = await must(
        api<{ id: string }>(assigner, 'POST', `/concerns/${concern.id}/actions`, {
          ownerOrganisationId: ids.organisation,
          ownerContactId: ids.contact,
          dueDate: '2027-03-31',
          description: `Follow up ${concernMarker(sensitivity, 'D', facts)}`,
        }),
        201,
        `${sensitivity} action`,
      );
      ids.actions.push(action.id);
    }

    // A concern write the database refuses (a NUL byte PostgreSQL cannot store): its text must not reach any log line
    // through the error (SQL with values, row details).
    const refusedText = newMarker('DBERRT');
    markers.push({ value: refusedText, label: 'text of a concern write the database refused', kind: 'refused-write' });
    databaseRefusal = await api(RECORDER, 'POST', `/meetings/${ids.meeting}/concerns`, {
      topic: 'border-guards',
      sensitivity: 'confidential',
      text: `Refused by the database ${refusedText} \u0000`,
      handlerIds: [handlerId],
    });

    // A concern public when the first minutes draft quotes it, then raised to confidential (by the coordinator, who may
    // name handlers): from then on only its handler and the coordinator may read its text, in the minutes' versions too.
    const laterFacts: ConcernAccessFacts = { districtCode: 'isfara', regionCode: 'sughd', sensitivity: 'confidential', handlerIds: [handlerId] };
    const laterText = newMarker('LATERT');
    markers.push({ value: laterText, label: 'concern raised to confidential after the minutes quoted it: text', kind: 'concern', facts: laterFacts });
    ids.concerns.later = (
      await must(api<{ id: string }>(RECORDER, 'POST', `/meetings/${ids.meeting}/concerns`, { topic: 'youth-violence', sensitivity: 'public', text: `Raised at the meeting ${laterText}` }), 201, 'later concern')
    ).id;
    // The draft quotes the concern's text with trivial edits (case, spacing, punctuation): minutes are matched on the
    // concern's words, the whole text or any five consecutive words of it (ADR 11), not on a single word of it.
    await must(api('ngo.isfara', 'PUT', `/meetings/${ids.meeting}/minutes`, { body: `# Minutes\n\nFirst draft: RAISED at the   meeting, ${laterText.toLowerCase()}.` }), 200, 'first minutes draft');
    await must(api('coordinator', 'PATCH', `/concerns/${ids.concerns.later}`, { sensitivity: 'confidential', handlerIds: [handlerId] }), 200, 'raise to confidential');

    // Minutes quoting the confidential text are refused (kept to assert below); minutes quoting only public text pass.
    const confidentialText = markers.find((m) => m.label === 'confidential concern text')!.value;
    const refused = await api('ngo.isfara', 'PUT', `/meetings/${ids.meeting}/minutes`, { body: `# Minutes\n\nRaised at the meeting ${confidentialText}` });
    refusedMinutes = { status: refused.status, text: JSON.stringify(refused.body) };
    const publicText = markers.find((m) => m.label === 'public concern text')!.value;
    const draft = await must(
      api<{ version: number }>('ngo.isfara', 'PUT', `/meetings/${ids.meeting}/minutes`, { body: `# Minutes\n\nThe canal: ${publicText}`, expectedVersion: 1 }),
      200,
      'minutes draft',
    );
    // The coordinator approves: the meeting names no organisation the demo users belong to (ADR 34).
    await must(api('coordinator', 'POST', `/meetings/${ids.meeting}/minutes/approve`, { expectedVersion: draft.version }), 200, 'minutes approval');
    ids.briefing = (
      await must(
        api<{ id: string }>('ngo.isfara', 'POST', '/briefings', { title: { en: `Leak briefing ${hex()}` }, summary: { en: 'Summary' }, body: { en: 'Body' }, effectiveDate: '2027-01-01' }),
        201,
        'briefing',
      )
    ).id;

    // The minutes go out before the contact is erased; then erasure, and the platform settles.
    await settle();
    await must(api('ngo.isfara', 'POST', `/contacts/${ids.contact}/erase`, {}), 200, 'erase');

    // Every export a user can start in their own scope: CSV and XLSX of a summary, the quarterly PDF.
    const jobs: { user: string; format: string; body: Record<string, unknown>; id: string }[] = [];
    for (const user of USERS) {
      const scope = actors.get(user)!.scope;
      const [level, code] = scope.national ? ['district', 'isfara'] : scope.regions.length ? ['region', scope.regions[0]] : ['district', scope.districts[0]];
      for (const body of [
        { format: 'csv', level: scope.national ? 'country' : level, ...(scope.national ? {} : { code }), from: meeting.quarter, language: 'en' },
        { format: 'xlsx', level, code, from: meeting.quarter, language: 'en' },
        { format: 'pdf', level, code, quarter: meeting.quarter, language: 'en' },
      ]) {
        const job = await api<{ id: string }>(user, 'POST', '/report-exports', body);
        if (job.status !== 202) throw new Error(`setup: export ${JSON.stringify(body)} as ${user} answered ${job.status} ${JSON.stringify(job.body)}`);
        jobs.push({ user, format: body.format, body, id: job.body.id });
      }
    }
    for (const job of jobs) {
      await eventually(
        async () => {
          const state = await api<{ status: string; error: string | null }>(job.user, 'GET', `/report-exports/${job.id}`);
          if (state.body.status === 'failed') throw new Error(`export ${job.id} failed: ${state.body.error}`);
          expect(state.body.status).toBe('done');
        },
        60_000,
        250,
      );
      const file = await fetch(`${e2eEnv().gatewayUrl}/report-exports/${job.id}/content`, { headers: { Authorization: `Bearer ${await tokenFor(job.user)}` } });
      exportFiles.push({ user: job.user, format: job.format, body: job.body, jobId: job.id, status: file.status, bytes: Buffer.from(await file.arrayBuffer()) });
      ids.exports.push(job.id);
    }
    await settle();
    timings.setupMs = Date.now() - started;
  }, 180_000);

  afterAll(async () => {
    await nc?.close();
    mkdirSync(join(REPORT, '..'), { recursive: true });
    writeFileSync(
      REPORT,
      `${JSON.stringify(
        {
          prefix: e2eEnv().prefix,
          users: USERS,
          timings: { ...timings, totalMs: Date.now() - started },
          requests: crawl?.requests,
          capped: crawl?.capped,
          markers: markers.map((m) => ({ label: m.label, value: m.value })),
          apiLeaks: describeFindings(apiFindings),
          evidence,
          allowedSightings: Object.fromEntries([...sightings].map(([key, operations]) => [key, [...new Set(operations)]])),
          exports: exportFiles.map((f) => ({ user: f.user, request: f.body, status: f.status, bytes: f.bytes.length })),
          // Operations × users: the statuses each user got, e.g. "200×1 404×3".
          table: Object.fromEntries(
            (crawl?.operations ?? []).map((op) => [
              op.operation,
              Object.fromEntries(USERS.map((user) => [user, Object.entries(op.users[user]?.statuses ?? {}).map(([status, n]) => `${status}×${n}`).join(' ')])),
            ]),
          ),
          operations: crawl?.operations,
          pool: crawl?.pool,
        },
        null,
        2,
      )}\n`,
    );
  });

  it('should refuse minutes that quote the confidential text, without echoing it', () => {
    expect(refusedMinutes.status).toBe(400);
    expect(refusedMinutes.text).not.toContain(markers.find((m) => m.label === 'confidential concern text')!.value);
  });

  it('should show no marker to any demo user on any GET operation of the OpenAPI beyond what the rules allow', async () => {
    const t0 = Date.now();
    crawl = await crawlOpenApi({
      baseUrl: e2eEnv().gatewayUrl,
      users: USERS,
      token: tokenFor,
      seeds: {
        'id:meetings': [ids.meeting],
        'id:communities': [ids.community],
        'id:organisations': [ids.organisation],
        'id:contacts': [ids.contact],
        'id:concerns': Object.values(ids.concerns),
        'id:actions': ids.actions,
        'id:briefings': [ids.briefing],
        'id:officer-assignments': [ids.assignment],
        'id:report-exports': ids.exports.slice(0, 2),
        'code:districts': ['isfara', 'batken'],
        'code:regions': ['sughd', 'batken'],
      },
      maxRequests: 4_000,
      concurrency: 4,
      perOperation: 4,
      inspect: (response) => {
        const headers = [...response.headers.entries()].map(([key, value]) => `${key}: ${value}`).join('\n');
        const where = `${response.operation} ${response.url} → ${response.status}`;
        const text = `${headers}\n${readableText(response.bytes)}`;
        const reader = actors.get(response.user)!;
        const found = leaksIn(text, markers, reader, where, response.user);
        apiFindings.push(...found);
        // The whole answer of the first few leaking responses, for whoever fixes the leak.
        if (found.length && evidence.length < 20) evidence.push({ user: response.user, url: response.url, status: response.status, body: text.slice(0, 20_000) });
        for (const marker of markers) {
          if (mayRead(marker, reader) && text.toLowerCase().includes(marker.value.toLowerCase())) {
            const key = `${marker.label} → ${response.user}`;
            sightings.set(key, [...(sightings.get(key) ?? []), response.operation]);
          }
        }
      },
    });
    timings.crawlMs = Date.now() - t0;
    const perUser = USERS.map((user) => `${user}: ${crawl!.operations.reduce((n, op) => n + (op.users[user]?.requests ?? 0), 0)}`).join(', ');
    process.stdout.write(`[leak-crawler] ${crawl.operations.length} GET operations, ${USERS.length} users, ${crawl.requests} requests in ${(timings.crawlMs / 1000).toFixed(1)} s (${perUser})\n`);
    expect(describeFindings(apiFindings)).toEqual([]);
  }, 240_000);

  it('should have seen every concern marker through the API by some reader the rules allow (the scan is not blind)', () => {
    const unseen = markers.filter((m) => m.kind === 'concern' && ![...sightings.keys()].some((key) => key.startsWith(`${m.label} → `))).map((m) => m.label);
    expect(unseen).toEqual([]);
    // The confidential concern's handler and the coordinator read its text; its recorder, not a handler, does not.
    expect(sightings.has('confidential concern text → ngo.isfara')).toBe(true);
    expect(sightings.has('confidential concern text → coordinator')).toBe(true);
    expect(sightings.has('public concern text → gov.isfara')).toBe(true);
  });

  it('should have crawled the concerns register (GET /concerns, across meetings) as every reader it answers', () => {
    const register = crawl!.operations.find((op) => op.operation === 'GET /concerns');
    const answered = Object.entries(register?.users ?? {}).filter(([, u]) => Object.keys(u.statuses).some((status) => status.startsWith('2'))).map(([user]) => user);
    expect(answered).toEqual(expect.arrayContaining(['coordinator', 'ngo.isfara', 'police.isfara', 'gov.isfara']));
  });

  it('should have called at least 90 % of the GET operations with a 2xx answer for some user', () => {
    expect(crawl).toBeDefined();
    const reached = crawl!.operations.filter((op) => Object.values(op.users).some((u) => Object.keys(u.statuses).some((status) => status.startsWith('2'))));
    const missed = crawl!.operations.filter((op) => !reached.includes(op)).map((op) => `${op.operation}${op.unresolved.length ? ` (no value for ${op.unresolved.join(', ')})` : ''}`);
    process.stdout.write(`[leak-crawler] ${reached.length}/${crawl!.operations.length} operations answered 2xx; not reached: ${missed.join('; ') || 'none'}\n`);
    expect(crawl!.capped).toBe(false);
    expect(reached.length / crawl!.operations.length).toBeGreaterThanOrEqual(0.9);
  });

  it('should download every export each user can start, with no marker in it', () => {
    expect(exportFiles.map((f) => [f.user, f.format, f.status])).toEqual(USERS.flatMap((user) => ['csv', 'xlsx', 'pdf'].map((format) => [user, format, 200])));
    const findings = exportFiles.flatMap((f) => leaksIn(readableText(f.bytes), markers, actors.get(f.user)!, `export ${f.format} ${JSON.stringify(f.body)}`, f.user));
    expect(describeFindings(findings)).toEqual([]);
  });

  it('should carry no marker in any JetStream message or bucket entry of the run (concern text never leaves meetings; contacts travel as ids; recorded answers are sealed)', async () => {
    const messages = await storedMessages(nc, e2eEnv().prefix);
    expect(messages.length).toBeGreaterThan(0);
    const findings = messages.flatMap((m) => leaksIn(m.text, markers, null, `stream ${m.stream} #${m.seq} ${m.subject}`));
    process.stdout.write(`[leak-crawler] ${messages.length} JetStream messages on ${new Set(messages.map((m) => m.stream)).size} streams read\n`);
    // The gateway's idempotency bucket holds the recorded answers of the keyed writes above (concerns and actions among them).
    expect(messages.filter((m) => m.stream.startsWith('KV_') && m.stream.endsWith('_GATEWAY_IDEMPOTENCY')).length).toBeGreaterThan(10);
    expect(describeFindings(findings)).toEqual([]);
  });

  it('should send no restricted or confidential marker in any email or SMS', async () => {
    // The contact received its invitation before erasure and the minutes quote public text: only those may show.
    const secret = markers.filter((m) => m.kind === 'concern' && m.facts.sensitivity !== 'public');
    const dir = e2eEnv().messagesDir;
    const findings: Finding[] = [];
    for (const file of existsSync(dir) ? readdirSync(dir) : []) {
      const raw = readFileSync(join(dir, file));
      let text = raw.toString('utf8');
      if (file.endsWith('.eml')) {
        const mail = await simpleParser(raw);
        text = [mail.subject, mail.text, typeof mail.html === 'string' ? mail.html : '', ...mail.attachments.map((a) => readableText(a.content))].join('\n');
      }
      findings.push(...leaksIn(text, secret, null, `message ${file}`, '(recipients)'));
    }
    expect(describeFindings(findings)).toEqual([]);
  });

  it('should write no marker to the log of any process of the run, a refused database write included', () => {
    // The write failed in the database, not in validation, and the answer does not echo the text.
    expect(databaseRefusal.status).toBeGreaterThanOrEqual(500);
    expect(JSON.stringify(databaseRefusal.body)).not.toContain(markers.find((m) => m.label === 'text of a concern write the database refused')!.value);
    const dir = e2eEnv().logDir;
    const logs = readdirSync(dir).filter((file) => file.endsWith('.log'));
    expect(logs.length).toBeGreaterThan(0);
    const findings = logs.flatMap((file) => leaksIn(readFileSync(join(dir, file), 'utf8'), markers, null, `log ${file}`, '(operators)'));
    expect(describeFindings(findings)).toEqual([]);
  });
});
