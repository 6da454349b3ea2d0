import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { dateInZone, quarterEnd, quarterOf, type ContactView, type DistrictView, type MeetingView, type NotificationType, type OrganisationKind, type OrganisationView, type Role } from '@rd/contracts';
import { Peers } from '../common/peers';
import type { JobKind, ScheduledItemRow } from '../planning/scheduled-item.repository';
import { ScheduledItemRepository } from '../planning/scheduled-item.repository';
import { SettingsRepository } from '../settings/settings.repository';
import type { MessageData } from '../templates/render';
import { distributedConcerns, MINUTES_OFFICIAL_KINDS, minutesRecipients } from './minutes-distribution';
import { DISTRICT_TEAM, ORGANISERS, type OutgoingMessage } from './outgoing-message';

const DAY_MS = 86_400_000;
/** Organisation kinds whose contacts hear that a quarter is running out (NGOs and police). */
const QUARTER_KINDS: ReadonlySet<OrganisationKind> = new Set(['ngo', 'district-police']);
/** The console role that works for an organisation of a kind. */
const ROLE_OF_KIND: Partial<Record<OrganisationKind, Role>> = { 'local-government': 'local-government', 'district-police': 'police-officer', ngo: 'ngo-admin' };
/** Meetings that count as "a reporting day scheduled" for the quarter check. */
const PLANNED = new Set(['scheduled', 'postponed', 'held', 'closed']);

type Payload = Record<string, unknown>;
const str = (payload: Payload, key: string) => String(payload[key]);

/**
 * A district's quarter at an instant, on its own calendar (the one @rd/contracts time module): the quarter, its last
 * day and the days left, e.g. 2026-Q4 ending 2026-12-31. The check used the UTC day, so between 19:00 and 24:00 UTC on
 * a quarter's last day Dushanbe was already in the next quarter while the warning counted the old one.
 */
export function districtQuarter(at: Date, timeZone: string): { code: string; endDate: string; daysLeft: number } {
  const code = quarterOf(at, timeZone);
  const endDate = dateInZone(new Date(quarterEnd(code, timeZone).getTime() - 1), timeZone);
  const daysLeft = Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${dateInZone(at, timeZone)}T00:00:00Z`)) / DAY_MS);
  return { code, endDate, daysLeft };
}

/**
 * What each planned item sends, resolved now through communities and meetings (with the notifications service actor):
 * the current invitees, contacts with their consent, channel and language. An item that no longer applies (a reminder
 * of a moved meeting, a chase for approved minutes) sends nothing.
 */
@Injectable()
export class JobsService {
  constructor(private readonly peers: Peers) {}

  async run(tx: EntityManager, item: ScheduledItemRow): Promise<OutgoingMessage[]> {
    const p = item.payload;
    switch (item.kind as JobKind) {
      case 'meeting-notice':
        return this.meetingNotice(item.key, p);
      case 'meeting-release':
        return this.meetingRelease(item.key, p);
      case 'meeting-reminder':
        return this.reminder(item.key, p);
      case 'minutes-chase':
        return this.minutesChase(item.key, p);
      case 'minutes-distribution':
        return this.minutesDistribution(item.key, p);
      case 'action-assigned':
        return this.action(item.key, p, 'action-assigned');
      case 'action-overdue':
        return this.action(item.key, p, 'action-overdue');
      case 'quarter-check':
        return this.quarterCheck(tx, p);
      case 'community-activated':
        return this.communityActivated(item.key, p);
      case 'officer-assigned':
        return this.officerAssigned(item.key, p);
    }
  }

  private async district(code: string): Promise<DistrictView> {
    const district = await this.peers.district(code);
    if (!district) throw new Error(`district ${code} not found`);
    return district;
  }

  private async meetingData(meeting: MeetingView): Promise<MessageData> {
    const district = await this.district(meeting.districtCode);
    return {
      districtCode: meeting.districtCode,
      regionCode: meeting.regionCode,
      timeZone: meeting.timeZone,
      districtName: district.name,
      meeting: {
        id: meeting.id,
        title: meeting.title,
        startsAt: meeting.startsAt,
        durationMinutes: meeting.durationMinutes,
        venueName: meeting.venueName,
        venueLocation: meeting.venueLocation,
        communities: await this.peers.communityNames(meeting.communityIds),
        sequence: meeting.sequence,
        status: meeting.status,
        updatedAt: meeting.updatedAt,
      },
    };
  }

  private async contactsOfOrganisations(ids: readonly (string | null)[]): Promise<ContactView[]> {
    const out: ContactView[] = [];
    for (const id of new Set(ids.filter((x): x is string => !!x))) out.push(...(await this.peers.contactsOfOrganisation(id)));
    return out;
  }

  private async invitees(meeting: MeetingView): Promise<ContactView[]> {
    return [...(await this.peers.contactsByIds(meeting.inviteeContactIds)), ...(await this.contactsOfOrganisations(meeting.inviteeOrganisationIds))];
  }

  private message(type: NotificationType, sourceKey: string, subjectId: string, data: MessageData, rest: Partial<OutgoingMessage>): OutgoingMessage {
    return { type, sourceKey, subjectId, meetingId: null, data, contacts: [], audiences: [], link: null, ...rest };
  }

  private async meetingNotice(key: string, p: Payload): Promise<OutgoingMessage[]> {
    const meeting = await this.peers.meeting(str(p, 'meetingId'));
    if (!meeting) return [];
    const type = p['type'] as NotificationType;
    const data = await this.meetingData(meeting);
    if (type === 'meeting-rescheduled' && typeof p['previousStartsAt'] === 'string') data.previous = { startsAt: p['previousStartsAt'] };
    return [
      this.message(type, key, meeting.id, data, {
        meetingId: meeting.id,
        contacts: await this.invitees(meeting),
        audiences: [DISTRICT_TEAM],
        link: `/meetings/${meeting.id}/show`,
        attachments: { ics: type === 'meeting-cancelled' ? 'CANCEL' : 'REQUEST' },
      }),
    ];
  }

  /**
   * Contacts taken off the invitation list by a meeting.updated (directly, or as contacts of a removed organisation,
   * resolved like invitees) are told they are released, with a METHOD:CANCEL .ics of the invitation's UID so their
   * calendar drops the entry. Whoever is still invited now, directly or through an organisation, gets nothing here
   * (they have the update). No console message: the district team has the update already.
   */
  private async meetingRelease(key: string, p: Payload): Promise<OutgoingMessage[]> {
    const meeting = await this.peers.meeting(str(p, 'meetingId'));
    if (!meeting) return [];
    const ids = (name: string) => (Array.isArray(p[name]) ? (p[name] as string[]) : []);
    const removed = [...(await this.peers.contactsByIds(ids('removedInviteeContactIds'))), ...(await this.contactsOfOrganisations(ids('removedInviteeOrganisationIds')))];
    if (removed.length === 0) return [];
    const stillInvited = new Set((await this.invitees(meeting)).map((c) => c.id));
    const contacts = removed.filter((c) => !stillInvited.has(c.id));
    if (contacts.length === 0) return [];
    return [
      this.message('meeting-uninvited', key, meeting.id, await this.meetingData(meeting), {
        meetingId: meeting.id,
        contacts,
        link: `/meetings/${meeting.id}/show`,
        attachments: { ics: 'CANCEL' },
      }),
    ];
  }

  private async reminder(key: string, p: Payload): Promise<OutgoingMessage[]> {
    const meeting = await this.peers.meeting(str(p, 'meetingId'));
    // Moved or cancelled since it was planned: the re-planned reminder (if any) has another key.
    if (!meeting || meeting.status !== 'scheduled' || Date.parse(meeting.startsAt) !== Date.parse(str(p, 'startsAt'))) return [];
    const data = await this.meetingData(meeting);
    data.reminder = { daysBefore: Number(p['daysBefore']) };
    return [
      this.message('meeting-reminder', key, meeting.id, data, {
        meetingId: meeting.id,
        contacts: await this.invitees(meeting),
        audiences: [ORGANISERS],
        link: `/meetings/${meeting.id}/show`,
      }),
    ];
  }

  private async minutesChase(key: string, p: Payload): Promise<OutgoingMessage[]> {
    const meeting = await this.peers.meeting(str(p, 'meetingId'));
    if (!meeting || meeting.status === 'cancelled') return [];
    const minutes = await this.peers.minutes(meeting.id);
    if (minutes?.status === 'approved') return [];
    const data = await this.meetingData(meeting);
    data.chase = { daysAfter: Number(p['daysAfter']), heldAt: str(p, 'heldAt') };
    return [
      this.message('minutes-overdue', key, meeting.id, data, {
        meetingId: meeting.id,
        contacts: await this.contactsOfOrganisations([meeting.policeUnitId, meeting.facilitatingOrganisationId]),
        audiences: [ORGANISERS],
        link: `/meetings/${meeting.id}/show`,
      }),
    ];
  }

  /** Approved minutes to their recipients (minutesRecipients), with public-level concern counts only (distributedConcerns). */
  private async minutesDistribution(key: string, p: Payload): Promise<OutgoingMessage[]> {
    const meeting = await this.peers.meeting(str(p, 'meetingId'));
    const minutes = meeting ? await this.peers.minutes(meeting.id) : null;
    if (!meeting || !minutes || minutes.status !== 'approved') return [];
    const invitedContacts = await this.peers.contactsByIds(meeting.inviteeContactIds);
    const organisationIds = [...new Set([...meeting.inviteeOrganisationIds, ...(meeting.facilitatingOrganisationId ? [meeting.facilitatingOrganisationId] : [])])];
    const organisations = await this.peers.organisationsByIds([...new Set([...organisationIds, ...invitedContacts.map((c) => c.organisationId).filter((x): x is string => !!x)])]);
    const kindOf = new Map(organisations.map((o: OrganisationView) => [o.id, o.kind]));
    const contactsOf = new Map<string, ContactView[]>();
    for (const id of organisationIds) {
      if (id === meeting.facilitatingOrganisationId || MINUTES_OFFICIAL_KINDS.has(kindOf.get(id) as OrganisationKind)) contactsOf.set(id, await this.peers.contactsOfOrganisation(id));
    }
    const officerIds: string[] = [];
    for (const communityId of meeting.communityIds) {
      const officer = (await this.peers.community(communityId))?.officerContactId;
      if (officer) officerIds.push(officer);
    }
    const contacts = minutesRecipients({ meeting, invitedContacts, contactsOf, kindOf, organisers: await this.peers.contactsByIds(officerIds) });
    const data = await this.meetingData(meeting);
    const concerns = distributedConcerns(minutes.concerns);
    data.minutes = {
      version: minutes.version,
      // The concern section is written in each recipient's language when rendered (minutesBodyIn).
      body: minutes.body,
      concerns: { byTopic: concerns.byTopic, notListed: concerns.notListed },
      concernsTotal: concerns.listed,
      topics: concerns.topics,
      approvedAt: minutes.approvedAt ?? str(p, 'approvedAt'),
    };
    return [
      this.message('minutes-distributed', key, meeting.id, data, {
        meetingId: meeting.id,
        contacts,
        // Everyone in the console who may read these minutes anyway (minutes:read with the district in scope).
        audiences: [DISTRICT_TEAM],
        link: `/meetings/${meeting.id}/show`,
        attachments: { minutesPdf: true },
      }),
    ];
  }

  private async action(key: string, p: Payload, type: 'action-assigned' | 'action-overdue'): Promise<OutgoingMessage[]> {
    const ownerId = str(p, 'ownerOrganisationId');
    const [owner] = await this.peers.organisationsByIds([ownerId]);
    const meeting = await this.peers.meeting(str(p, 'meetingId'));
    const district = await this.district(str(p, 'districtCode'));
    const data: MessageData = meeting
      ? await this.meetingData(meeting)
      : { districtCode: district.code, regionCode: district.regionCode, timeZone: district.timeZone, districtName: district.name };
    data.action = { id: str(p, 'actionId'), topic: str(p, 'topic'), dueDate: str(p, 'dueDate'), owner: owner?.name ?? '' };
    const ownerRole = owner ? ROLE_OF_KIND[owner.kind] : undefined;
    const contacts = await this.contactsOfOrganisations([ownerId, ...(type === 'action-overdue' && meeting ? [meeting.policeUnitId, meeting.facilitatingOrganisationId] : [])]);
    const roles = new Set<Role>(ownerRole ? [ownerRole] : []);
    if (type === 'action-overdue') ORGANISERS.forEach((role) => roles.add(role));
    return [this.message(type, key, str(p, 'actionId'), data, { meetingId: meeting?.id ?? null, contacts, audiences: roles.size ? [[...roles]] : [], link: '/actions' })];
  }

  private async communityActivated(key: string, p: Payload): Promise<OutgoingMessage[]> {
    const community = await this.peers.community(str(p, 'communityId'));
    if (!community) return [];
    const district = await this.district(community.districtCode);
    const data: MessageData = { districtCode: district.code, regionCode: district.regionCode, timeZone: district.timeZone, districtName: district.name, community: { id: community.id, name: community.name } };
    return [this.message('community-activated', key, community.id, data, { audiences: [DISTRICT_TEAM], link: `/communities/${community.id}/show` })];
  }

  private async officerAssigned(key: string, p: Payload): Promise<OutgoingMessage[]> {
    const community = await this.peers.community(str(p, 'communityId'));
    if (!community) return [];
    const district = await this.district(community.districtCode);
    const [officer] = await this.peers.contactsByIds([str(p, 'officerContactId')]);
    const data: MessageData = {
      districtCode: district.code,
      regionCode: district.regionCode,
      timeZone: district.timeZone,
      districtName: district.name,
      community: { id: community.id, name: community.name },
      officer: { name: officer?.name ?? '', since: str(p, 'since') },
    };
    return [this.message('officer-assigned', key, community.id, data, { audiences: [DISTRICT_TEAM], link: `/communities/${community.id}/show`, aboutContactIds: [str(p, 'officerContactId')] })];
  }

  /**
   * Daily: for every district whose warning window (quarterWarningDays before the quarter ends) has begun, the active
   * communities with no reporting day in the quarter. One message per district and quarter (its source key), however
   * many days the check runs; then tomorrow's check is planned.
   */
  private async quarterCheck(tx: EntityManager, p: Payload): Promise<OutgoingMessage[]> {
    // A given day (tests, a re-run) is that calendar day in every district: its noon UTC is that day from UTC-12 to UTC+11.
    const today = p['day'] ? new Date(`${str(p, 'day')}T12:00:00Z`) : new Date();
    const active = await this.peers.communities({ status: 'active' });
    const byDistrict = new Map<string, typeof active>();
    for (const community of active) byDistrict.set(community.districtCode, [...(byDistrict.get(community.districtCode) ?? []), community]);
    const settings = new SettingsRepository(tx);
    const messages: OutgoingMessage[] = [];
    for (const [districtCode, communities] of byDistrict) {
      const district = await this.district(districtCode);
      const { code, endDate, daysLeft } = districtQuarter(today, district.timeZone);
      if (daysLeft > (await settings.effective(districtCode)).quarterWarningDays) continue;
      const meetings = await this.peers.meetingsOfQuarter(code, districtCode);
      const covered = new Set(meetings.filter((m) => PLANNED.has(m.status)).flatMap((m) => m.communityIds));
      const missing = communities.filter((c) => !covered.has(c.id));
      if (missing.length === 0) continue;
      const organisations = (await this.peers.organisationsOfDistrict(districtCode)).filter((o) => QUARTER_KINDS.has(o.kind));
      const data: MessageData = {
        districtCode,
        regionCode: district.regionCode,
        timeZone: district.timeZone,
        districtName: district.name,
        quarter: { code, endDate, daysLeft, communities: missing.map((c) => c.name) },
      };
      messages.push(
        this.message('quarter-warning', `quarter:${districtCode}:${code}`, `${districtCode}:${code}`, data, {
          contacts: await this.contactsOfOrganisations(organisations.map((o) => o.id)),
          audiences: [ORGANISERS],
          link: `/reports`,
        }),
      );
    }
    if (!p['day']) {
      const tomorrow = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1, 3));
      await new ScheduledItemRepository(tx).plan(`quarter-check:${tomorrow.toISOString().slice(0, 10)}`, 'quarter-check', tomorrow, {});
    }
    return messages;
  }
}
