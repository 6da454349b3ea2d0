import { type CalendarFeedView, type CommunityView, type CreatedCalendarFeed, type MeetingView, type UserView } from '@rd/contracts';
import { getToken } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { e2eEnv } from './support/e2e-env';
import { api, send } from './support/http';
import { deleteKeycloakUsers, setKeycloakPassword } from './support/keycloak-users';

const hex = () => randomBytes(3).toString('hex');
const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();
/** The .ics lines, unfolded (RFC 5545 §3.1). */
const icsLines = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n');
/** A feed fetched the way a calendar app does: no Authorization header, no cookie. */
const fetchFeed = (path: string) => send(`${e2eEnv().gatewayUrl}${path}`, { method: 'GET' });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * ADR 37: a per-user secret .ics URL that calendar apps subscribe to without a bearer token; it shows the meetings
 * its owner may see now (never more than when it was made), and stops working when revoked or regenerated.
 */
describe('secret calendar feeds through the gateway', () => {
  const meetings: Record<'isfara' | 'batken' | 'draft', MeetingView> = {} as never;
  const created: string[] = [];

  const plan = async (user: string, community: CommunityView, over: Record<string, unknown> = {}) => {
    const draft = await api<MeetingView>(user, 'POST', '/meetings', {
      kind: 'local',
      communityIds: [community.id],
      districtCode: community.districtCode,
      title: `Feed day ${hex()}`,
      startsAt: inDays(20),
      venueName: 'Feed hall',
      venueType: 'school',
      venueLocation: { lat: 40.1264, lng: 70.6253 },
      organisedBy: 'police',
      ...over,
    });
    expect(draft.status).toBe(201);
    return draft.body;
  };
  const schedule = async (user: string, meeting: MeetingView) => {
    const scheduled = await api<MeetingView>(user, 'POST', `/meetings/${meeting.id}/transitions`, { to: 'scheduled' });
    expect(scheduled.status).toBe(200);
    return scheduled.body;
  };

  beforeAll(async () => {
    const community = async (districtCode: string) => {
      const response = await api<CommunityView>('coordinator', 'POST', '/communities', { name: `Feed village ${hex()}`, districtCode, kind: 'village' });
      expect(response.status).toBe(201);
      return response.body;
    };
    const isfara = await community('isfara');
    const batken = await community('batken');
    meetings.isfara = await schedule('police.isfara', await plan('police.isfara', isfara));
    meetings.batken = await schedule('police.batken', await plan('police.batken', batken, { venueLocation: null }));
    meetings.draft = await plan('police.isfara', isfara);
  });

  afterAll(async () => {
    await api('police.isfara', 'DELETE', '/calendar/feed');
    await deleteKeycloakUsers(created);
  });

  it('should serve the feed without a bearer token, with the in-scope meetings only, GEO and the map link', async () => {
    expect((await api<CalendarFeedView>('police.isfara', 'GET', '/calendar/feed')).status).toBe(200);
    const made = await api<CreatedCalendarFeed>('police.isfara', 'POST', '/calendar/feed', {});
    expect(made.status).toBe(201);
    expect(made.body).toEqual({ active: true, createdAt: expect.any(String), path: expect.stringMatching(/^\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/) });
    expect(made.headers.get('cache-control') ?? '').not.toMatch(/public/);
    // The secret is shown once: reading the feed later says only that there is one.
    expect((await api<CalendarFeedView>('police.isfara', 'GET', '/calendar/feed')).body).toEqual({ active: true, createdAt: made.body.createdAt });

    const feed = await fetchFeed(made.body.path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(feed.headers.get('cache-control')).toContain('no-store');
    const lines = icsLines(feed.text);
    expect(lines).toContain(`UID:${meetings.isfara.id}@reporting-days`);
    expect(lines).toContain('GEO:40.1264;70.6253');
    expect(lines).toContain('DESCRIPTION:https://www.openstreetmap.org/?mlat=40.1264&mlon=70.6253#map=17/40.1264/70.6253');
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M');
    expect(feed.text).not.toContain(meetings.batken.id); // another district
    expect(feed.text).not.toContain(meetings.draft.id); // drafts are not announced
  });

  it('should stop the old URL at once on regenerating, and the URL at all on revoking (404)', async () => {
    const first = await api<CreatedCalendarFeed>('police.isfara', 'POST', '/calendar/feed', {});
    const second = await api<CreatedCalendarFeed>('police.isfara', 'POST', '/calendar/feed', {});
    expect(second.body.path).not.toBe(first.body.path);
    expect((await fetchFeed(first.body.path)).status).toBe(404);
    expect((await fetchFeed(second.body.path)).status).toBe(200);

    const revoked = await api('police.isfara', 'DELETE', '/calendar/feed');
    expect(revoked.status).toBe(204);
    const gone = await fetchFeed(second.body.path);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(gone.text).not.toContain('BEGIN:VCALENDAR');
    expect((await api<CalendarFeedView>('police.isfara', 'GET', '/calendar/feed')).body).toEqual({ active: false, createdAt: null });
    expect((await api('police.isfara', 'DELETE', '/calendar/feed')).status).toBe(204); // idempotent
  });

  it('should answer a wrong, short or malformed secret 404, in about the same time', async () => {
    const wrong = `/calendar/feeds/${randomBytes(32).toString('base64url')}.ics`;
    const short = `/calendar/feeds/${randomBytes(8).toString('base64url')}.ics`;
    for (const path of [wrong, short, '/calendar/feeds/x', `/calendar/feeds/${'A'.repeat(43)}.txt`, `/calendar/feeds/${'%2e'.repeat(20)}.ics`]) {
      const response = await fetchFeed(path);
      expect([path, response.status]).toEqual([path, 404]);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // Timing: a well-formed wrong secret costs one lookup by hash (an indexed equality, nothing compared byte by
    // byte); a malformed one is refused before it. Neither tells anything about a real secret.
    const timings = { wrong: [] as number[], short: [] as number[] };
    for (let i = 0; i < 15; i += 1) {
      for (const [kind, path] of [['wrong', `/calendar/feeds/${randomBytes(32).toString('base64url')}.ics`], ['short', short]] as const) {
        const started = process.hrtime.bigint();
        expect((await fetchFeed(path)).status).toBe(404);
        timings[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    process.stdout.write(`[e2e] calendar feed 404 median: wrong secret ${median(timings.wrong).toFixed(2)} ms, short ${median(timings.short).toFixed(2)} ms\n`);
    expect(Math.abs(median(timings.wrong) - median(timings.short))).toBeLessThan(50);
  });

  it('should show no more than the user holds now: a user moved to another district stops seeing the first; a disabled user’s feed is 404', async () => {
    const email = `feed-${hex()}@reporting-days.test`;
    const password = `Feed-${hex()}-${hex()}-pw`;
    const invited = await api<UserView>('coordinator', 'POST', '/users', { email, firstName: 'Feed', lastName: 'Officer', role: 'police-officer', districtCode: 'isfara' });
    expect(invited.status).toBe(201);
    created.push(invited.body.id);
    await setKeycloakPassword(invited.body.id, password);
    const token = await getToken(email, password, { keycloakUrl: e2eEnv().keycloakUrl });
    const made = await send(`${e2eEnv().gatewayUrl}/calendar/feed`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(made.status).toBe(201);
    const path = (JSON.parse(made.text) as CreatedCalendarFeed).path;
    expect((await fetchFeed(path)).text).toContain(`UID:${meetings.isfara.id}@`);

    // Moved to Batken: the feed made while in Isfara shows neither Isfara (no longer held) nor Batken (never granted).
    expect((await api('coordinator', 'PATCH', `/users/${invited.body.id}`, { districtCode: 'batken' })).status).toBe(200);
    const moved = await fetchFeed(path);
    expect(moved.status).toBe(200);
    expect(moved.text).not.toContain(meetings.isfara.id);
    expect(moved.text).not.toContain(meetings.batken.id);

    // Back in Isfara it shows Isfara again; disabled, the URL is 404.
    expect((await api('coordinator', 'PATCH', `/users/${invited.body.id}`, { districtCode: 'isfara' })).status).toBe(200);
    expect((await fetchFeed(path)).text).toContain(`UID:${meetings.isfara.id}@`);
    expect((await api('coordinator', 'POST', `/users/${invited.body.id}/disable`, {})).status).toBe(200);
    expect((await fetchFeed(path)).status).toBe(404);
  });
});
