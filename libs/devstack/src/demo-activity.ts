import type {
  ActionView,
  CommunityView,
  ConcernReceipt,
  ContactView,
  MeetingView,
  MinutesView,
  OrganisationView,
  TemplateView,
} from '@rd/contracts';
import { DEFAULT_DEMO_PASSWORD } from './config';
import { sleep } from './process';

/** Every meeting the demo creates has a title starting with this; a later start finds them by it. */
export const DEMO_TITLE_PREFIX = 'Demo:';

/** The realm's test-only public client, the one with the password grant (dev realm only, never in production). */
const PASSWORD_GRANT_CLIENT = 'rd-test-cli';
const REALM = 'reporting-days';

export interface DemoActivityOptions {
  /** Gateway base URL including `/api/v1`, e.g. `http://127.0.0.1:3000/api/v1`. */
  gatewayUrl: string;
  /** Keycloak base URL, e.g. `http://localhost:8180` (tokens must carry the issuer the gateway trusts). */
  keycloakUrl: string;
  /** Password of the demo users (default `demo-password-1`). */
  password?: string;
  /** The clock; meetings are placed around it. */
  now?: Date;
  /** How long to wait for an event to reach another service (e.g. the community's checklist). */
  eventTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface DemoMeeting {
  id: string;
  title: string;
  districtCode: string;
  status: MeetingView['status'];
  /** False when it was already there from an earlier start. */
  createdNow: boolean;
}

export interface DemoActivityResult {
  meetings: DemoMeeting[];
  /** Nothing was added: every demo reporting day was already there. */
  alreadyThere: boolean;
  /** One line for the start output, e.g. `2 reporting days (1 held and closed, 1 scheduled)`. */
  summary: string;
}

/** The gateway answered something other than what the step needs; carries the problem detail. */
export class DemoActivityError extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    const problem = body as { detail?: string; title?: string; errors?: { field: string; message: string }[] } | undefined;
    const detail = problem?.detail ?? problem?.title ?? (typeof body === 'string' ? body.slice(0, 200) : '');
    const fields = problem?.errors?.length ? ` [${problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}]` : '';
    super(`${step}: HTTP ${status}${detail ? ` ${detail}` : ''}${fields}`);
    this.name = 'DemoActivityError';
  }
}

type User = 'ngo.isfara' | 'police.isfara' | 'gov.isfara' | 'police.batken' | 'coordinator';

/** Access tokens of the demo users by the password grant, renewed shortly before they expire. */
export class DemoSession {
  private readonly tokens = new Map<User, { token: string; until: number }>();

  constructor(private readonly options: Required<Pick<DemoActivityOptions, 'gatewayUrl' | 'keycloakUrl' | 'password'>>) {}

  async token(user: User): Promise<string> {
    const cached = this.tokens.get(user);
    if (cached && cached.until > Date.now()) return cached.token;
    const url = `${this.options.keycloakUrl.replace(/\/+$/, '')}/realms/${REALM}/protocol/openid-connect/token`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'password', client_id: PASSWORD_GRANT_CLIENT, username: user, password: this.options.password }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error_description?: string; error?: string };
    if (!response.ok || !body.access_token) {
      throw new Error(`logging in as ${user} failed: HTTP ${response.status} ${body.error_description ?? body.error ?? ''}`.trim());
    }
    this.tokens.set(user, { token: body.access_token, until: Date.now() + Math.max(10, (body.expires_in ?? 60) - 30) * 1000 });
    return body.access_token;
  }

  /** The user's Keycloak subject (the id a confidential concern names as its handler). */
  async subject(user: User): Promise<string> {
    const payload = JSON.parse(Buffer.from((await this.token(user)).split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: string };
    if (!payload.sub) throw new Error(`the token of ${user} has no subject`);
    return payload.sub;
  }

  /** One gateway call as `user`; anything but `expect` (default 2xx) fails the step. */
  async call<T>(user: User, method: string, path: string, body?: unknown, expect?: number): Promise<T> {
    const response = await fetch(`${this.options.gatewayUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await this.token(user)}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: reported as text
    }
    const ok = expect === undefined ? response.ok : response.status === expect;
    if (!ok) throw new DemoActivityError(`${user} ${method} ${path.split('?')[0]}`, response.status, parsed);
    return parsed as T;
  }

  /** Every row of a react-admin style list, page by page. */
  async list<T>(user: User, resource: string, filter: Record<string, unknown>): Promise<T[]> {
    const rows: T[] = [];
    const page = 500;
    for (let offset = 0; offset < 20 * page; offset += page) {
      const query = `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent(JSON.stringify([offset, offset + page - 1]))}`;
      const batch = await this.call<T[]>(user, 'GET', `/${resource}?${query}`);
      rows.push(...batch);
      if (batch.length < page) break;
    }
    return rows;
  }
}

// The demo people and places of services/communities/src/seeders (demo-geography.ts, demo-people.ts).
const PEOPLE = {
  officer: 'Community police inspector (demo)',
  policeHead: 'Head of district police (demo)',
  jamoatDeputy: 'Jamoat deputy chair (demo)',
  facilitator: 'NGO facilitator (demo)',
  focalKhojaAlo: 'Focal point Khoja Alo (demo)',
  focalSomonien: 'Focal point Somonien (demo)',
} as const;
const ORGS = {
  police: 'Isfara district police department',
  hukumat: 'Isfara district hukumat',
  ngo: 'Isfara partner NGO (demo)',
  border: 'Isfara border detachment',
} as const;

const TITLES = {
  held: `${DEMO_TITLE_PREFIX} Reporting day, Khoja Alo`,
  scheduled: `${DEMO_TITLE_PREFIX} Reporting day, Somonien`,
  batken: `${DEMO_TITLE_PREFIX} Reporting day, Ak-Sai`,
} as const;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** `days` from `now`, at `hourUtc`:00 UTC (10:00 in Dushanbe is 05:00 UTC, in Bishkek 04:00 UTC). */
function dayAt(now: Date, days: number, hourUtc: number): string {
  const day = new Date(now.getTime() + days * DAY);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hourUtc)).toISOString();
}

export function byName<T extends { name: string }>(rows: T[], name: string, what: string): T {
  const found = rows.find((row) => row.name === name);
  if (!found) throw new Error(`the demo ${what} "${name}" is missing (was the demo data seeded? migrate.ts --seed-demo)`);
  return found;
}

/** Polls `check` until it returns true or the time is up. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

/**
 * Gives the demo a few realistic reporting days, made through the gateway with real tokens of the demo users, so every
 * service sees them through its events as in real use (reporting read models, notification invitations, the audit log):
 *
 * - Isfara, Khoja Alo: a reporting day that started an hour or two ago, taken to closed: attendance by gender and age,
 *   three concerns (a public water concern with an action owned by the hukumat, a restricted one, a confidential one
 *   handled by the NGO user), approved minutes and twelve survey responses.
 * - Isfara, Somonien: a reporting day scheduled two weeks ahead with invitees (contacts of the district).
 * - Batken, Ak-Sai: a reporting day scheduled three weeks ahead by the Batken police.
 *
 * Khoja Alo and Somonien are taken through onboarding to active first (focal point, local government contact, officer).
 * Idempotent: a meeting whose `Demo:` title is already there is left as it is.
 */
export async function seedDemoActivity(options: DemoActivityOptions): Promise<DemoActivityResult> {
  const session = new DemoSession({ gatewayUrl: options.gatewayUrl, keycloakUrl: options.keycloakUrl, password: options.password ?? DEFAULT_DEMO_PASSWORD });
  const now = options.now ?? new Date();
  const eventTimeoutMs = options.eventTimeoutMs ?? 30_000;
  const log = options.log ?? (() => undefined);

  const existing = new Map<string, MeetingView>();
  for (const [user, districtCode] of [
    ['police.isfara', 'isfara'],
    ['police.batken', 'batken'],
  ] as const) {
    for (const meeting of await session.list<MeetingView>(user, 'meetings', { districtCode })) {
      if (meeting.title.startsWith(DEMO_TITLE_PREFIX) && !existing.has(meeting.title)) existing.set(meeting.title, meeting);
    }
  }
  const meetings: DemoMeeting[] = [];
  const keep = (meeting: MeetingView) => meetings.push({ id: meeting.id, title: meeting.title, districtCode: meeting.districtCode, status: meeting.status, createdNow: false });
  const missing = Object.values(TITLES).filter((title) => !existing.has(title));
  for (const meeting of existing.values()) keep(meeting);
  if (missing.length === 0) return { meetings, alreadyThere: true, summary: describe(meetings) };

  const isfaraCommunities = await session.list<CommunityView>('ngo.isfara', 'communities', { districtCode: 'isfara' });
  const contacts = await session.list<ContactView>('ngo.isfara', 'contacts', { districtCode: 'isfara' });
  const organisations = await session.list<OrganisationView>('ngo.isfara', 'organisations', { districtCode: 'isfara' });
  const person = (name: string) => byName(contacts, name, 'contact').id;
  const org = (name: string) => byName(organisations, name, 'organisation').id;
  const templates = await session.call<TemplateView[]>('police.isfara', 'GET', '/templates');
  const template = templates.filter((t) => t.key === 'reporting-day').sort((a, b) => b.version - a.version)[0];

  /** Onboarding up to the first reporting day: focal point, local government contact, police unit and officer. */
  const prepareCommunity = async (community: CommunityView, focalPoint: string): Promise<CommunityView> => {
    let current = community;
    if (current.status === 'proposed') {
      current = await session.call<CommunityView>('ngo.isfara', 'POST', `/communities/${current.id}/transitions`, { to: 'onboarding', reason: 'The jamoat agreed to take part' });
    }
    if (current.status !== 'onboarding') return current;
    if (!current.checklist.focalPoint || !current.checklist.localGovernmentContact) {
      current = await session.call<CommunityView>('ngo.isfara', 'PATCH', `/communities/${current.id}`, {
        focalPointContactIds: [person(focalPoint)],
        localGovernmentContactId: person(PEOPLE.jamoatDeputy),
      });
    }
    if (!current.checklist.officer || !current.checklist.policeUnit) {
      await session.call('police.isfara', 'POST', '/officer-assignments', { communityId: current.id, officerContactId: person(PEOPLE.officer), policeUnitId: org(ORGS.police) }, 201);
    }
    return current;
  };

  /** Once its first reporting day is scheduled (the communities service hears of it), the community becomes active. */
  const activate = async (communityId: string): Promise<void> => {
    let community = await session.call<CommunityView>('ngo.isfara', 'GET', `/communities/${communityId}`);
    if (community.status !== 'onboarding') return;
    await waitFor(
      'the community to hear of its first reporting day',
      async () => {
        community = await session.call<CommunityView>('ngo.isfara', 'GET', `/communities/${communityId}`);
        return community.checklist.firstReportingDayPlanned;
      },
      eventTimeoutMs,
    );
    await session.call('ngo.isfara', 'POST', `/communities/${communityId}/transitions`, { to: 'active' });
  };

  const plan = async (user: User, body: Record<string, unknown>): Promise<MeetingView> => {
    const draft = await session.call<MeetingView>(user, 'POST', '/meetings', body, 201);
    return session.call<MeetingView>(user, 'POST', `/meetings/${draft.id}/transitions`, { to: 'scheduled' });
  };
  const created = (meeting: MeetingView) => meetings.push({ id: meeting.id, title: meeting.title, districtCode: meeting.districtCode, status: meeting.status, createdNow: true });

  const isfaraPlan = {
    kind: 'local',
    districtCode: 'isfara',
    durationMinutes: 120,
    organisedBy: 'police-ngo-facilitated',
    policeUnitId: org(ORGS.police),
    facilitatingOrganisationId: org(ORGS.ngo),
    inviteeOrganisationIds: [org(ORGS.hukumat)],
    ...(template ? { templateId: template.id } : {}),
  };

  if (missing.includes(TITLES.held)) {
    const khojaAlo = await prepareCommunity(byName(isfaraCommunities, 'Khoja Alo', 'community'), PEOPLE.focalKhojaAlo);
    // Started within the last two hours: the meetings service records a meeting as held only once it has (nearly) started.
    const startsAt = new Date(Math.floor((now.getTime() - HOUR) / HOUR) * HOUR).toISOString();
    const meeting = await plan('police.isfara', {
      ...isfaraPlan,
      communityIds: [khojaAlo.id],
      title: TITLES.held,
      startsAt,
      venueName: 'Khoja Alo school No. 1, assembly hall',
      venueType: 'school',
      inviteeContactIds: [person(PEOPLE.policeHead), person(PEOPLE.jamoatDeputy), person(PEOPLE.facilitator), person(PEOPLE.focalKhojaAlo)],
    });
    await activate(khojaAlo.id);
    created(await holdAndClose(session, meeting.id, { org, person }));
    log(`demo: held and closed "${TITLES.held}"`);
  }

  if (missing.includes(TITLES.scheduled)) {
    const somonien = await prepareCommunity(byName(isfaraCommunities, 'Somonien', 'community'), PEOPLE.focalSomonien);
    const meeting = await plan('police.isfara', {
      ...isfaraPlan,
      communityIds: [somonien.id],
      title: TITLES.scheduled,
      startsAt: dayAt(now, 14, 5),
      venueName: 'Somonien community centre',
      venueType: 'community-centre',
      inviteeContactIds: [person(PEOPLE.policeHead), person(PEOPLE.jamoatDeputy), person(PEOPLE.facilitator), person(PEOPLE.focalSomonien)],
    });
    await activate(somonien.id);
    created(meeting);
    log(`demo: scheduled "${TITLES.scheduled}"`);
  }

  if (missing.includes(TITLES.batken)) {
    const batkenCommunities = await session.list<CommunityView>('police.batken', 'communities', { districtCode: 'batken' });
    const akSai = byName(batkenCommunities, 'Ak-Sai', 'community');
    created(
      await plan('police.batken', {
        kind: 'local',
        districtCode: 'batken',
        communityIds: [akSai.id],
        title: TITLES.batken,
        startsAt: dayAt(now, 21, 4),
        durationMinutes: 90,
        venueName: 'Ak-Sai ayil okmotu, meeting room',
        venueType: 'administrative-building',
        organisedBy: 'police',
      }),
    );
    log(`demo: scheduled "${TITLES.batken}"`);
  }

  return { meetings, alreadyThere: false, summary: describe(meetings) };
}

const ages = (under18: number, from18to29: number, from30to59: number, from60: number) => ({ under18, from18to29, from30to59, from60 });

/** Survey answers as they come off the paper forms: mostly useful, trust growing, not unanimous. */
const FEEDBACK = [
  { usefulness: 5, trustInPolice: 4, wouldContactPoliceFirst: true, gender: 'female', ageGroup: '30-59', comment: 'Good that the district police head came himself' },
  { usefulness: 4, trustInPolice: 4, wouldContactPoliceFirst: true, gender: 'male', ageGroup: '30-59' },
  { usefulness: 5, trustInPolice: 5, wouldContactPoliceFirst: true, gender: 'female', ageGroup: '18-29' },
  { usefulness: 3, trustInPolice: 2, wouldContactPoliceFirst: false, gender: 'male', ageGroup: '18-29', comment: 'We said the same about the canal last year' },
  { usefulness: 4, trustInPolice: 3, wouldContactPoliceFirst: true, gender: 'male', ageGroup: '60-plus' },
  { usefulness: 5, trustInPolice: 4, wouldContactPoliceFirst: true, gender: 'female', ageGroup: '60-plus' },
  { usefulness: 4, trustInPolice: 3, wouldContactPoliceFirst: false, gender: 'female', ageGroup: '30-59' },
  { usefulness: 2, trustInPolice: 2, wouldContactPoliceFirst: false, gender: 'male', ageGroup: 'under-18' },
  { usefulness: 5, trustInPolice: 4, wouldContactPoliceFirst: true, gender: 'male', ageGroup: '30-59', comment: 'Hold the next one in the field after the harvest' },
  { usefulness: 4, trustInPolice: 4, wouldContactPoliceFirst: true },
  { usefulness: 3, trustInPolice: 3, wouldContactPoliceFirst: true, gender: 'female', ageGroup: '18-29' },
  { usefulness: 4, trustInPolice: 5, wouldContactPoliceFirst: true, gender: 'male', ageGroup: '60-plus' },
] as const;

/** Holds a scheduled meeting and records what happened, then closes it; returns the closed meeting. */
async function holdAndClose(
  session: DemoSession,
  meetingId: string,
  lookup: { org: (name: string) => string; person: (name: string) => string },
): Promise<MeetingView> {
  const path = (suffix: string) => `/meetings/${meetingId}${suffix}`;
  await session.call('police.isfara', 'POST', path('/transitions'), { to: 'held' });
  await session.call('police.isfara', 'PUT', path('/attendance'), {
    counts: { women: ages(3, 9, 14, 6), men: ages(4, 11, 17, 9), other: ages(0, 0, 0, 0) },
    officials: [
      { organisationId: lookup.org(ORGS.police), count: 3 },
      { organisationId: lookup.org(ORGS.hukumat), count: 2 },
      { organisationId: lookup.org(ORGS.border), count: 1 },
    ],
  });

  const water = await session.call<ConcernReceipt>('police.isfara', 'POST', path('/concerns'), {
    topic: 'water-and-irrigation',
    sensitivity: 'public',
    text: 'The gate of the upper canal is broken, and the evening water turns with the neighbouring village are disputed every week.',
    answer: 'The hukumat will repair the gate before the next irrigation season and call both water users’ associations to agree the turns.',
    followUpNeeded: true,
    raiser: { gender: 'male', ageGroup: '30-59' },
  }, 201);
  await session.call('police.isfara', 'POST', path('/concerns'), {
    topic: 'youth-violence',
    sensitivity: 'restricted',
    text: 'Fights between young men of both villages at the bus stop after school, twice this month.',
    answer: 'The community inspector will be at the bus stop after school on weekdays and meet the school directors on both sides.',
    followUpNeeded: true,
    raiser: { gender: 'female', ageGroup: '30-59' },
  }, 201);
  await session.call('police.isfara', 'POST', path('/concerns'), {
    topic: 'domestic-violence',
    sensitivity: 'confidential',
    text: 'A woman asked, after the meeting, how to get protection from her husband without her family finding out.',
    answer: 'The NGO facilitator gave her the hotline number and will arrange a private meeting with the inspector for women’s affairs.',
    followUpNeeded: false,
    raiser: { gender: 'female', ageGroup: '18-29' },
    handlerIds: [await session.subject('ngo.isfara')],
  }, 201);

  const action = await session.call<ActionView>('ngo.isfara', 'POST', `/concerns/${water.id}/actions`, {
    ownerOrganisationId: lookup.org(ORGS.hukumat),
    ownerContactId: lookup.person(PEOPLE.jamoatDeputy),
    dueDate: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
    description: 'Repair the upper canal gate and agree the water turns with both water users’ associations',
  }, 201);
  await session.call('gov.isfara', 'POST', `/actions/${action.id}/transitions`, { to: 'in-progress' });

  const draft = await session.call<MinutesView>('ngo.isfara', 'PUT', path('/minutes'), {
    body: [
      '# Reporting day, Khoja Alo',
      '',
      'The district police head reported on the quarter: two thefts of livestock solved, one case of fuel smuggling passed to the border service.',
      'The new community police inspector was introduced to residents who had not met him.',
      'The border detachment explained the rules for crossing to pastures on the other side of the border.',
      '',
      '## Questions and answers',
      '',
      'Residents raised the broken canal gate and the water turns; the hukumat took the repair on.',
      'Other questions were raised and are followed up by the police and the NGO.',
      '',
      '## Next reporting day',
      '',
      'Next quarter, in the field by the canal after the harvest.',
    ].join('\n'),
  });
  await session.call('police.isfara', 'POST', path('/minutes/approve'), { expectedVersion: draft.version });
  await session.call('ngo.isfara', 'POST', path('/feedback'), FEEDBACK, 201);
  return session.call<MeetingView>('police.isfara', 'POST', path('/transitions'), { to: 'closed' });
}

/** `3 reporting days (1 held and closed, 2 scheduled)`, or `already there (…)`. */
function describe(meetings: DemoMeeting[]): string {
  const count = (status: string) => meetings.filter((m) => m.status === status).length;
  const parts = [
    count('closed') && `${count('closed')} held and closed`,
    count('held') && `${count('held')} held`,
    count('scheduled') && `${count('scheduled')} scheduled`,
    ...['draft', 'postponed', 'cancelled'].map((status) => count(status) && `${count(status)} ${status}`),
  ].filter(Boolean);
  const what = `${meetings.length} reporting day${meetings.length === 1 ? '' : 's'} (${parts.join(', ')})`;
  return meetings.every((m) => !m.createdNow) ? `already there: ${what}` : what;
}
