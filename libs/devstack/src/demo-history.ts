import {
  addQuarters,
  dateInZone,
  quarterOf,
  quarterStart,
  type CommunityView,
  type ConcernTopic,
  type ContactView,
  type MeetingView,
  type OrganisationKind,
  type OrganisationView,
  type Sensitivity,
} from '@rd/contracts';
import { DEFAULT_DEMO_PASSWORD } from './config';
import { byName, DemoActivityError, DemoSession, waitFor, type DemoActivityOptions } from './demo-activity';

/**
 * The demo's programme history (ADR 35): the Isfara and Batken communities joined about two years ago, and the
 * reporting days they held in the eight quarters before this one were recorded afterwards — some quarters missed,
 * attendance growing and varied, concerns counted by topic with a few restricted and confidential ones, survey
 * answers with trust rising. All of it goes through the gateway as the national coordinator, exactly as an NGO
 * admin would record it from the console or a spreadsheet, so every read model counts it from the first quarter.
 */

/** How many quarters before the current one the history covers. */
export const HISTORY_QUARTERS = 8;

interface DistrictSetup {
  code: 'isfara' | 'batken';
  timeZone: string;
  /** The police unit, the local government and the NGO of the district's reporting days. */
  police: string;
  localGovernment: string;
  ngo: string;
  /** The community police officer and the local government contact of every community. */
  officer: string;
  localGovernmentContact: string;
  /** Topics residents bring up there, most frequent first. */
  topics: readonly ConcernTopic[];
}

const DISTRICTS: Record<DistrictSetup['code'], DistrictSetup> = {
  isfara: {
    code: 'isfara',
    timeZone: 'Asia/Dushanbe',
    police: 'Isfara district police department',
    localGovernment: 'Isfara district hukumat',
    ngo: 'Isfara partner NGO (demo)',
    officer: 'Community police inspector (demo)',
    localGovernmentContact: 'Jamoat deputy chair (demo)',
    topics: ['water-and-irrigation', 'pasture-and-land', 'border-crossing', 'youth-violence', 'theft', 'road-safety', 'documents-and-legal-help'],
  },
  batken: {
    code: 'batken',
    timeZone: 'Asia/Bishkek',
    police: 'Batken district police department (demo)',
    localGovernment: 'Ak-Sai ayil okmotu (demo)',
    ngo: 'Batken partner NGO (demo)',
    officer: 'Community police inspector Batken (demo)',
    localGovernmentContact: 'Ak-Sai ayil okmotu deputy head (demo)',
    topics: ['pasture-and-land', 'water-and-irrigation', 'border-guards', 'inter-community-conflict', 'drugs', 'border-crossing'],
  },
};

interface CommunityHistory {
  name: string;
  district: DistrictSetup['code'];
  focalPoint: string;
  /** Quarters before the current one in which it joined (its first reporting day is in that quarter). */
  joinedQuartersAgo: number;
  /** Quarters (counted back from the current one) without a reporting day. */
  missed: readonly number[];
  /** Usual attendance at its first reporting days. */
  size: number;
}

const COMMUNITIES: readonly CommunityHistory[] = [
  { name: 'Khoja Alo', district: 'isfara', focalPoint: 'Focal point Khoja Alo (demo)', joinedQuartersAgo: 8, missed: [5], size: 38 },
  { name: 'Somonien', district: 'isfara', focalPoint: 'Focal point Somonien (demo)', joinedQuartersAgo: 8, missed: [7, 3], size: 30 },
  { name: 'Chorku', district: 'isfara', focalPoint: 'Focal point Chorku (demo)', joinedQuartersAgo: 7, missed: [4], size: 55 },
  { name: 'Vorukh', district: 'isfara', focalPoint: 'Focal point Vorukh (demo)', joinedQuartersAgo: 6, missed: [5, 2], size: 64 },
  { name: 'Kulundu', district: 'isfara', focalPoint: 'Focal point Kulundu (demo)', joinedQuartersAgo: 4, missed: [], size: 24 },
  { name: 'Ak-Sai', district: 'batken', focalPoint: 'Focal point Ak-Sai (demo)', joinedQuartersAgo: 8, missed: [6], size: 34 },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** A deterministic number in [0, 1) from the inputs: the same history on every start. */
function noise(...inputs: number[]): number {
  let h = 2166136261;
  for (const input of inputs) {
    h ^= input + 0x9e3779b9;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return (h % 10007) / 10007;
}

/** Splits `total` by `weights` into whole numbers that add up to it (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k += 1) counts[order[k % order.length].i] += 1;
  return counts;
}

const ageSplit = (n: number) => {
  const [under18, from18to29, from30to59, from60] = apportion(n, [1, 3, 4, 2]);
  return { under18, from18to29, from30to59, from60 };
};

export interface PlannedDay {
  heldOn: string;
  quarter: string;
  organisedBy: 'police' | 'police-ngo-facilitated';
  venueName: string;
  attendance: { counts: { women: ReturnType<typeof ageSplit>; men: ReturnType<typeof ageSplit>; other: ReturnType<typeof ageSplit> } };
  concerns: { topic: ConcernTopic; sensitivity: Sensitivity; count: number }[];
  feedback: { usefulness: number[]; trust: number[]; contactPoliceFirst: { yes: number; no: number } };
}

export interface PlannedCommunity extends CommunityHistory {
  setup: DistrictSetup;
  /** When onboarding started and when it became active (district days); its first reporting day follows. */
  onboardingOn: string;
  activeOn: string;
  days: PlannedDay[];
}

/** The history as data: who joined when and every reporting day recorded afterwards, relative to `now`. */
export function planDemoHistory(now: Date): PlannedCommunity[] {
  return COMMUNITIES.map((community, c) => {
    const setup = DISTRICTS[community.district];
    const current = quarterOf(now, setup.timeZone);
    const dayIn = (quarter: string, offsetDays: number) => dateInZone(new Date(quarterStart(quarter, setup.timeZone).getTime() + offsetDays * DAY_MS + 12 * 60 * 60 * 1000), setup.timeZone);
    const joinQuarter = addQuarters(current, -community.joinedQuartersAgo);
    const days: PlannedDay[] = [];
    for (let ago = community.joinedQuartersAgo; ago >= 1; ago -= 1) {
      // The first quarter is never missed: that reporting day is what made the community active.
      if (ago !== community.joinedQuartersAgo && community.missed.includes(ago)) continue;
      const quarter = addQuarters(current, -ago);
      const since = community.joinedQuartersAgo - ago;
      const r = (salt: number) => noise(c, ago, salt);
      const total = Math.round(community.size * (1 + 0.07 * since) * (0.8 + 0.4 * r(1)));
      const womenShare = Math.min(0.48, 0.28 + 0.025 * since + 0.05 * r(2));
      const women = Math.round(total * womenShare);
      const other = r(3) > 0.85 ? 1 : 0;
      const men = total - women - other;
      const concerns: PlannedDay['concerns'] = [];
      const topicCount = 2 + Math.floor(r(4) * 3);
      for (let t = 0; t < topicCount; t += 1) {
        const topic = setup.topics[(t + Math.floor(r(5 + t) * 2) + ago) % setup.topics.length];
        if (concerns.some((entry) => entry.topic === topic)) continue;
        concerns.push({ topic, sensitivity: topic === 'youth-violence' || topic === 'drugs' ? 'restricted' : 'public', count: 1 + Math.floor(r(10 + t) * 4) });
      }
      if (r(20) > 0.6) concerns.push({ topic: 'domestic-violence', sensitivity: 'confidential', count: 1 });
      if (r(21) > 0.75) concerns.push({ topic: 'inter-community-conflict', sensitivity: 'restricted', count: 1 });
      const respondents = Math.max(5, Math.round(total * (0.25 + 0.1 * r(22))));
      const trend = since / HISTORY_QUARTERS;
      const usefulness = apportion(respondents, [0.3, 0.6, 2 - trend, 3 + trend, 2 + 2 * trend]);
      const trust = apportion(respondents, [1.2 - trend, 1.5 - trend, 2.5, 2 + 2 * trend, 0.8 + 2 * trend]);
      const yes = Math.round(respondents * (0.45 + 0.25 * trend + 0.05 * r(23)));
      days.push({
        heldOn: dayIn(quarter, ago === community.joinedQuartersAgo ? 24 : 18 + Math.floor(r(24) * 50)),
        quarter,
        // The police take the days over from the NGO as the programme matures (the hand-over measure).
        organisedBy: ago <= 2 && r(25) > 0.4 ? 'police' : 'police-ngo-facilitated',
        venueName: r(26) > 0.5 ? `${community.name} school` : `${community.name} community centre`,
        attendance: { counts: { women: ageSplit(women), men: ageSplit(men), other: ageSplit(other) } },
        concerns,
        feedback: { usefulness, trust, contactPoliceFirst: { yes, no: respondents - yes } },
      });
    }
    return { ...community, setup, onboardingOn: dayIn(addQuarters(joinQuarter, -1), 70), activeOn: dayIn(joinQuarter, 9), days };
  });
}

export interface DemoHistoryResult {
  /** Communities whose join date was set now (false: already active, left as it was). */
  joined: { name: string; activeOn: string; setNow: boolean }[];
  recorded: number;
  alreadyThere: number;
  summary: string;
}

/** `2024-10-10` → the reporting days the gateway already has, by community id and day (a later start skips them). */
function recordedDays(meetings: MeetingView[], timeZone: string): Set<string> {
  const days = new Set<string>();
  for (const meeting of meetings) {
    if (!(meeting as MeetingView & { recordedAfterwards?: boolean }).recordedAfterwards) continue;
    for (const communityId of meeting.communityIds) days.add(`${communityId}|${dateInZone(new Date(meeting.startsAt), timeZone)}`);
  }
  return days;
}

/**
 * Records the demo history through the gateway. Idempotent: a community already active keeps its dates, and a
 * reporting day already recorded for a community and day is skipped (the gateway answers 409 for one anyway).
 * Runs before the demo's live reporting days, which find the communities active.
 */
export async function seedDemoHistory(options: DemoActivityOptions): Promise<DemoHistoryResult> {
  const session = new DemoSession({ gatewayUrl: options.gatewayUrl, keycloakUrl: options.keycloakUrl, password: options.password ?? DEFAULT_DEMO_PASSWORD });
  const log = options.log ?? (() => undefined);
  const eventTimeoutMs = options.eventTimeoutMs ?? 30_000;
  const plan = planDemoHistory(options.now ?? new Date());
  const result: DemoHistoryResult = { joined: [], recorded: 0, alreadyThere: 0, summary: '' };

  for (const setup of Object.values(DISTRICTS)) {
    const planned = plan.filter((community) => community.setup.code === setup.code);
    const people = await DemoPeople.load(session, setup);
    const communities = await session.list<CommunityView>('coordinator', 'communities', { districtCode: setup.code });
    const done = recordedDays(await session.list<MeetingView>('coordinator', 'meetings', { districtCode: setup.code }), setup.timeZone);

    // Days recorded by this run (a community's first day is recorded before its activation, then met again in the loop).
    const recordedNow = new Set<string>();
    const record = async (community: CommunityView, day: PlannedDay) => {
      if (recordedNow.has(`${community.id}|${day.heldOn}`)) return;
      if (done.has(`${community.id}|${day.heldOn}`)) return void (result.alreadyThere += 1);
      const body = { communityId: community.id, ...day, ...(day.organisedBy === 'police' ? {} : { facilitatingOrganisationId: people.org(setup.ngo) }) };
      delete (body as Partial<PlannedDay>).quarter;
      try {
        await session.call('coordinator', 'POST', '/past-reporting-days', body, 201);
        result.recorded += 1;
      } catch (error) {
        if (!(error instanceof DemoActivityError && error.status === 409)) throw error;
        result.alreadyThere += 1;
      }
      done.add(`${community.id}|${day.heldOn}`);
      recordedNow.add(`${community.id}|${day.heldOn}`);
    };

    for (const entry of planned) {
      let community = byName(communities, entry.name, 'community');
      const [first, ...rest] = entry.days;
      if (community.status === 'proposed') {
        community = await session.call<CommunityView>('coordinator', 'POST', `/communities/${community.id}/transitions`, {
          to: 'onboarding',
          reason: 'Joined the programme before the platform (demo history)',
          effectiveOn: entry.onboardingOn,
        });
      }
      if (community.status === 'onboarding') {
        await people.completeChecklist(community, entry.focalPoint);
        // Its first reporting day, recorded now, is what the checklist waits for.
        if (first) await record(community, first);
        await waitFor(
          `${entry.name} to hear of its first reporting day`,
          async () => (await session.call<CommunityView>('coordinator', 'GET', `/communities/${community.id}`)).checklist.firstReportingDayPlanned,
          eventTimeoutMs,
        );
        community = await session.call<CommunityView>('coordinator', 'POST', `/communities/${community.id}/transitions`, { to: 'active', effectiveOn: entry.activeOn });
        result.joined.push({ name: entry.name, activeOn: entry.activeOn, setNow: true });
      } else {
        result.joined.push({ name: entry.name, activeOn: entry.activeOn, setNow: false });
      }
      for (const day of first ? [first, ...rest] : rest) await record(community, day);
      log(`demo history: ${entry.name} (${setup.code}) ${entry.days.length} past reporting days`);
    }
  }
  const joinedNow = result.joined.filter((entry) => entry.setNow).length;
  result.summary =
    result.recorded === 0 && joinedNow === 0
      ? `already there: ${result.alreadyThere} past reporting days of ${result.joined.length} communities`
      : `${result.recorded} past reporting days recorded (${result.alreadyThere} already there), ${joinedNow} communities joined ~2 years ago`;
  return result;
}

/** The organisations and contacts a district's history needs, found by name and added once if missing. */
class DemoPeople {
  private constructor(
    private readonly session: DemoSession,
    private readonly setup: DistrictSetup,
    private readonly organisations: OrganisationView[],
    private readonly contacts: ContactView[],
  ) {}

  static async load(session: DemoSession, setup: DistrictSetup): Promise<DemoPeople> {
    const people = new DemoPeople(
      session,
      setup,
      await session.list<OrganisationView>('coordinator', 'organisations', { districtCode: setup.code }),
      await session.list<ContactView>('coordinator', 'contacts', { districtCode: setup.code }),
    );
    await people.ensureOrg(setup.police, 'district-police');
    await people.ensureOrg(setup.localGovernment, 'local-government');
    await people.ensureOrg(setup.ngo, 'ngo');
    await people.ensureContact(setup.officer, 'Community police inspector', setup.police);
    await people.ensureContact(setup.localGovernmentContact, 'Deputy head, local government', setup.localGovernment);
    return people;
  }

  org(name: string): string {
    return byName(this.organisations, name, 'organisation').id;
  }

  person(name: string): string {
    return byName(this.contacts, name, 'contact').id;
  }

  /** Focal point, local government contact, police unit and officer: all the checklist asks before activation. */
  async completeChecklist(community: CommunityView, focalPoint: string): Promise<void> {
    await this.ensureContact(focalPoint, `Focal point, ${community.name}`, this.setup.ngo);
    if (!community.checklist.focalPoint || !community.checklist.localGovernmentContact) {
      await this.session.call('coordinator', 'PATCH', `/communities/${community.id}`, {
        focalPointContactIds: [this.person(focalPoint)],
        localGovernmentContactId: this.person(this.setup.localGovernmentContact),
      });
    }
    if (!community.checklist.officer || !community.checklist.policeUnit) {
      await this.session.call('coordinator', 'POST', '/officer-assignments', { communityId: community.id, officerContactId: this.person(this.setup.officer), policeUnitId: this.org(this.setup.police) }, 201);
    }
  }

  private async ensureOrg(name: string, kind: OrganisationKind): Promise<void> {
    if (this.organisations.some((row) => row.name === name)) return;
    this.organisations.push(await this.session.call<OrganisationView>('coordinator', 'POST', '/organisations', { name, kind, districtCode: this.setup.code }, 201));
  }

  private async ensureContact(name: string, position: string, organisation: string): Promise<void> {
    if (this.contacts.some((row) => row.name === name)) return;
    const body = { name, position, organisationId: this.org(organisation), districtCode: this.setup.code, preferredLanguage: this.setup.code === 'batken' ? 'ky' : 'tg' };
    this.contacts.push(await this.session.call<ContactView>('coordinator', 'POST', '/contacts', body, 201));
  }
}
