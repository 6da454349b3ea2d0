import type { CommunityView, ContactView, MeetingView, NotificationTemplateView, OrganisationView, TemplateView, UserView } from '@rd/contracts';
import { demoPassword } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeViolations, type AxeCheck } from './support/axe';
import { CONSOLE_LAYOUT_SELECTOR, launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const WAIT = { timeout: 20_000 };
const VIEWPORTS = [
  ['desktop', { width: 1366, height: 768 }],
  ['phone', { width: 360, height: 740 }],
] as const;

/** A screen of the console: its hash route, and what to leave out of the check (each with its reason). */
interface Screen {
  path: string;
  check?: AxeCheck;
}


/**
 * Every screen of the console passes axe-core's WCAG 2.2 A/AA rules (#15): each resource's list, show, create and
 * edit page of App.tsx (with the meeting edit and templates screens), the home page, the meeting page with each of its steps (draft and held), the reporting
 * dashboard, the map, users, the notification screens and the imports, for the roles that reach them, at desktop
 * size and on a 360 px phone. A failure lists every violation of every screen: rule, impact and elements.
 */
describe('every screen of the console passes axe-core WCAG 2.2 A/AA', () => {
  let browser: Browser;
  const hex = randomBytes(3).toString('hex');
  const ids: Record<string, string> = {};
  const consoleAt = (path: string) => `${e2eEnv().consoleUrl}/#/${path}`;
  const at = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(ids[name]));

  async function signIn(username: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, hasTouch: true, locale: 'en-US' });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    return page;
  }

  /** Waits until the screen has rendered its data: the layout is up and nothing shows progress for a moment. */
  async function settle(page: Page): Promise<void> {
    await page.waitForSelector(CONSOLE_LAYOUT_SELECTOR, { state: 'visible', ...WAIT });
    const deadline = Date.now() + 15_000;
    let quiet = 0;
    while (Date.now() < deadline && quiet < 3) {
      await page.waitForTimeout(250);
      quiet = (await page.locator('[role="progressbar"], .RaLoading-root').count()) === 0 ? quiet + 1 : 0;
    }
  }

  /** Opens each screen in turn and answers the violations of all of them, one block per screen. */
  async function check(username: string, viewport: { width: number; height: number }, screens: readonly Screen[]): Promise<string[]> {
    const page = await signIn(username, viewport);
    const found: string[] = [];
    try {
      for (const screen of screens) {
        await page.goto(consoleAt(at(screen.path)));
        await settle(page);
        const violations = await axeViolations(page, screen.check);
        if (violations.length > 0) found.push(`${username} #/${screen.path} (${viewport.width}x${viewport.height}):\n  ${describeViolations(violations).replace(/\n/g, '\n  ')}`);
      }
    } finally {
      await page.context().close();
    }
    return found;
  }

  const expectNone = (found: string[]) => {
    if (found.length > 0) throw new Error(`axe-core WCAG 2.2 A/AA violations on ${found.length} screen(s):\n${found.join('\n')}`);
  };

  beforeAll(async () => {
    browser = await launchChromium();
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Accessible village ${hex}`, districtCode: 'isfara', kind: 'village' });
    expect(community.status).toBe(201);
    ids.community = community.body.id;
    const plan = (title: string) =>
      api<MeetingView>('police.isfara', 'POST', '/meetings', {
        kind: 'local',
        communityIds: [ids.community],
        districtCode: 'isfara',
        title,
        startsAt: new Date(Date.now() + 20 * 60 * 1000).toISOString(),
        venueName: 'School No. 2',
        venueType: 'school',
        organisedBy: 'police',
      });
    const draft = await plan(`Accessible draft ${hex}`);
    expect(draft.status).toBe(201);
    ids.draft = draft.body.id;
    // A held meeting with something recorded on each step.
    const held = await plan(`Accessible reporting day ${hex}`);
    expect(held.status).toBe(201);
    ids.held = held.body.id;
    expect((await api('police.isfara', 'POST', `/meetings/${ids.held}/transitions`, { to: 'scheduled' })).status).toBe(200);
    expect((await api('police.isfara', 'POST', `/meetings/${ids.held}/transitions`, { to: 'held' })).status).toBe(200);
    const two = { under18: 0, from18to29: 1, from30to59: 1, from60: 0 };
    const none = { under18: 0, from18to29: 0, from30to59: 0, from60: 0 };
    expect((await api('police.isfara', 'PUT', `/meetings/${ids.held}/attendance`, { counts: { women: two, men: two, other: none } })).status).toBe(200);
    expect((await api('police.isfara', 'POST', `/meetings/${ids.held}/concerns`, { topic: 'water-and-irrigation', sensitivity: 'public', text: 'The canal needs repair.' })).status).toBe(201);

    const first = async <T extends { id: string }>(username: string, path: string) => {
      const listed = await api<T[]>(username, 'GET', path);
      expect(listed.status).toBe(200);
      expect(listed.body.length).toBeGreaterThan(0);
      return listed.body[0].id;
    };
    ids.organisation = await first<OrganisationView>('coordinator', '/organisations?range=[0,0]');
    ids.contact = await first<ContactView>('coordinator', '/contacts?range=[0,0]');
    ids.user = await first<UserView>('coordinator', '/users?range=[0,0]');
    ids.template = await first<NotificationTemplateView>('coordinator', '/notifications/templates?range=[0,0]');
    ids.meetingTemplate = await first<TemplateView>('coordinator', '/templates');
    const briefing = await api<{ id: string }>('coordinator', 'POST', '/briefings', { title: { en: `Accessible briefing ${hex}` }, summary: { en: 'Summary' }, body: { en: 'Body' }, effectiveDate: '2027-01-01' });
    expect(briefing.status).toBe(201);
    ids.briefing = briefing.body.id;
    ids.region = 'sughd';
    ids.district = 'isfara';
  });

  afterAll(() => browser?.close());

  /** The meeting page, each of its steps: a held meeting's and a draft's. */
  const meetingSteps = (meeting: string): Screen[] => ['', '/invite', '/hold', '/follow-up', '/minutes', '/feedback'].map((step) => ({ path: `meetings/:${meeting}/show${step}` }));

  const COORDINATOR: Screen[] = [
    { path: '' },
    ...['communities', 'regions', 'districts', 'organisations', 'contacts', 'users'].flatMap((resource) => {
      const id = { communities: 'community', regions: 'region', districts: 'district', organisations: 'organisation', contacts: 'contact', users: 'user' }[resource];
      return [{ path: resource }, { path: `${resource}/create` }, { path: `${resource}/:${id}/show` }, { path: `${resource}/:${id}` }];
    }),
    { path: 'community-imports' },
    { path: 'communities-map' },
    { path: 'meetings' },
    { path: 'meetings/create' },
    ...meetingSteps('held'),
    { path: 'concerns' },
    { path: 'actions' },
    { path: 'past-reporting-days/create' },
    { path: 'past-reporting-day-imports' },
    { path: 'briefings' },
    { path: 'briefings/create' },
    { path: 'briefings/:briefing/show' },
    { path: 'audit' },
    { path: 'reporting' },
    { path: 'notifications/inbox' },
    { path: 'notifications/deliveries' },
    { path: 'notifications/templates' },
    { path: 'notifications/templates/:template/show' },
    { path: 'notifications/settings' },
    { path: 'calendar-feed' },
    { path: 'templates' },
    { path: 'templates/create' },
    { path: 'templates/:meetingTemplate/show' },
  ];

  /** What a police officer records: the meeting page with its forms open, and their own lists. */
  const POLICE: Screen[] = [{ path: '' }, ...meetingSteps('held'), ...meetingSteps('draft'), { path: 'meetings/:draft' }, { path: 'actions' }, { path: 'concerns' }, { path: 'notifications/inbox' }];

  /** A regional reviewer's home (the region's rate) and the reporting dashboard. */
  const REVIEWER: Screen[] = [{ path: '' }, { path: 'reporting' }, { path: 'districts' }, { path: 'districts/:district/show' }];

  it('should make the communities list’s Map button a link to the map, also as the phone’s icon button', async () => {
    // It rendered an <a> without href (axe: aria-label on an <a> with no role), which went nowhere when tapped.
    const page = await signIn('coordinator', { width: 360, height: 740 });
    await page.goto(consoleAt('communities'));
    const open = page.getByRole('link', { name: 'Map' });
    await expect(open.getAttribute('href')).resolves.toBe('#/communities-map');
    await open.click(WAIT);
    await page.waitForURL(/#\/communities-map$/, WAIT);
    await page.context().close();
  });

  for (const [size, viewport] of VIEWPORTS) {
    it(`should pass on every screen the national coordinator reaches (${size})`, async () => {
      expectNone(await check('coordinator', viewport, COORDINATOR));
    }, 600_000);

    it(`should pass on the meeting page with each step's forms, as the police officer who records it (${size})`, async () => {
      expectNone(await check('police.isfara', viewport, POLICE));
    }, 300_000);

    it(`should pass on a regional reviewer's home and reporting screens (${size})`, async () => {
      expectNone(await check('reviewer.sughd', viewport, REVIEWER));
    }, 300_000);
  }
});
