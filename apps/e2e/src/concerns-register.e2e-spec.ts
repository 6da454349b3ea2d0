import type { ConcernRegisterRow, ConcernReply, HiddenConcernCounts } from '@rd/contracts';
import { demoPassword } from '@rd/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { insertHeldMeeting, subjectOf } from './support/concerns';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const hex = () => randomBytes(3).toString('hex');
const register = (user: string, filter: Record<string, unknown>, extra: Record<string, string> = {}) =>
  api<ConcernRegisterRow[]>(user, 'GET', `/concerns?${new URLSearchParams({ filter: JSON.stringify(filter), range: '[0,99]', ...extra })}`);
const hiddenOf = (headers: Headers): HiddenConcernCounts => JSON.parse(String(headers.get('x-hidden-concerns'))) as HiddenConcernCounts;

/**
 * The concerns register (GET /concerns, issue 15) through the gateway with real tokens, and its console list at desktop
 * and phone widths: each role sees the concerns the reading rules allow across meetings, the confidential ones of
 * others only as counts, and a row opens its meeting.
 */
describe('the concerns register', () => {
  const community = randomUUID();
  const tag = hex();
  const texts = { public: `Register canal ${tag}`, restricted: `Register youth ${tag}`, confidential: `Register secret ${tag}` };
  const ids: Record<keyof typeof texts, string> = { public: '', restricted: '', confidential: '' };
  let meetingId: string;

  beforeAll(async () => {
    meetingId = await insertHeldMeeting('isfara', 'sughd', [community]);
    const handler = await subjectOf('ngo.isfara');
    for (const sensitivity of ['public', 'restricted', 'confidential'] as const) {
      const body = { topic: sensitivity === 'confidential' ? 'domestic-violence' : 'water-and-irrigation', sensitivity, text: texts[sensitivity], ...(sensitivity === 'confidential' ? { handlerIds: [handler] } : {}) };
      const recorded = await api<ConcernReply>('police.isfara', 'POST', `/meetings/${meetingId}/concerns`, body);
      expect(recorded.status).toBe(201);
      ids[sensitivity] = recorded.body.id;
    }
  });

  it('should list across meetings what each role may read and count the rest, never their text', async () => {
    const cases = [
      ['coordinator', ['public', 'restricted', 'confidential'], { public: 0, restricted: 0, confidential: 0 }],
      ['ngo.isfara', ['public', 'restricted', 'confidential'], { public: 0, restricted: 0, confidential: 0 }],
      ['police.isfara', ['public', 'restricted'], { public: 0, restricted: 0, confidential: 1 }],
      ['gov.isfara', ['public'], { public: 0, restricted: 1, confidential: 1 }],
      ['police.batken', [], { public: 0, restricted: 0, confidential: 0 }],
    ] as const;
    for (const [user, visible, hidden] of cases) {
      const response = await register(user, { communityId: community });
      expect({ user, status: response.status }).toEqual({ user, status: 200 });
      expect({ user, ids: response.body.map((row) => row.id).sort() }).toEqual({ user, ids: visible.map((s) => ids[s]).sort() });
      expect({ user, hidden: hiddenOf(response.headers) }).toEqual({ user, hidden });
      expect(response.headers.get('content-range')).toMatch(/^concerns /);
      if (!visible.includes('confidential' as never)) expect(JSON.stringify(response.body)).not.toContain(texts.confidential);
    }
    expect((await register('reviewer.sughd', {})).status).toBe(403);
  });

  it('should link each row to its meeting and filter by topic, sensitivity, status and age', async () => {
    const [row] = (await register('gov.isfara', { communityId: community })).body;
    expect(row).toMatchObject({ id: ids.public, meetingId, meeting: { id: meetingId, communityIds: [community] }, text: texts.public });
    expect((await register('police.isfara', { communityId: community, sensitivity: 'restricted' })).body.map((r) => r.id)).toEqual([ids.restricted]);
    expect((await register('police.isfara', { communityId: community, topic: 'domestic-violence' })).body).toEqual([]);
    expect((await register('police.isfara', { communityId: community, status: 'resolved' })).body).toHaveLength(2);
    expect((await register('police.isfara', { communityId: community, minAgeDays: 2 })).body).toEqual([]);
    expect((await register('police.isfara', { communityId: community, maxAgeDays: 2 })).body).toHaveLength(2);
  });

  it('should refuse bad filters and sorts with problem+json, and page with Content-Range', async () => {
    const bad = await register('police.isfara', { status: 'closed' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'request.invalid' });
    expect((await register('police.isfara', {}, { sort: '["text","ASC"]' })).status).toBe(400);
    const page = await api<ConcernRegisterRow[]>('police.isfara', 'GET', `/concerns?${new URLSearchParams({ filter: JSON.stringify({ communityId: community }), range: '[1,1]', sort: '["sensitivity","ASC"]' })}`);
    expect(page.body.map((r) => r.id)).toEqual([ids.restricted]);
    expect(page.headers.get('content-range')).toBe('concerns 1-1/2');
  });

  describe('in the console', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser?.close());

    const open = async (width: number, height: number): Promise<Page> => {
      const page = await (await browser.newContext({ viewport: { width, height }, hasTouch: width < 600 })).newPage();
      await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, 'police.isfara', demoPassword());
      await page.goto(`${e2eEnv().consoleUrl}/#/concerns?filter=${encodeURIComponent(JSON.stringify({ communityId: community }))}`);
      return page;
    };

    it.each([
      ['a desktop', 1280, 800],
      ['a phone', 360, 740],
    ])('should list the concerns the officer may read on %s, count the confidential one, and open the meeting', async (_what, width, height) => {
      const page = await open(width, height);
      await page.getByText(texts.restricted).first().waitFor({ timeout: 30_000 });
      await page.getByText(texts.public).first().waitFor();
      expect(await page.getByText(texts.confidential).count()).toBe(0);
      await expect(page.getByTestId('register-hidden').textContent()).resolves.toMatch(/confidential 1/);
      // No horizontal scroll on a phone.
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await page.getByText(texts.public).first().click();
      await page.waitForURL((url) => url.hash.startsWith(`#/meetings/${meetingId}/show`), { timeout: 20_000 });
      await page.context().close();
    });
  });
});
