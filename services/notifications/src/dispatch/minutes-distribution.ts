import { concernTopicName, type ContactView, type MeetingView, type MinutesConcernSection, type NotificationLanguage, type OrganisationKind } from '@rd/contracts';

/**
 * Who receives approved minutes and what they carry (docs/adr/0011-minutes-approval-and-distribution.md,
 * "Recipients").
 */

/** Kinds of organisation whose invited contacts receive the minutes: local government and police. */
export const MINUTES_OFFICIAL_KINDS: ReadonlySet<OrganisationKind> = new Set(['local-government', 'district-police', 'regional-law-enforcement']);

export interface MinutesRecipientFacts {
  meeting: Pick<MeetingView, 'inviteeContactIds' | 'inviteeOrganisationIds' | 'facilitatingOrganisationId'>;
  /** The contacts invited by name. */
  invitedContacts: readonly ContactView[];
  /** The contacts of each organisation invited or facilitating, by organisation id. */
  contactsOf: ReadonlyMap<string, readonly ContactView[]>;
  /** The kind of every organisation named above. */
  kindOf: ReadonlyMap<string, OrganisationKind>;
  /** The officers assigned to the meeting's communities (the police organisers). */
  organisers: readonly ContactView[];
}

/**
 * The invited contacts of local government and police, every contact of an invited local-government or police
 * organisation, the facilitating NGO's contacts and the communities' officers. Nobody else: not the organising
 * police unit as a whole, not the communities' contacts, not residents or other organisations invited (a border
 * service may be what the concerns are about). Consent, channel and erasure are the writer's (skipped with a reason).
 */
export function minutesRecipients(facts: MinutesRecipientFacts): ContactView[] {
  const official = (organisationId: string | null) => !!organisationId && MINUTES_OFFICIAL_KINDS.has(facts.kindOf.get(organisationId) as OrganisationKind);
  const out = new Map<string, ContactView>();
  const add = (contact: ContactView) => out.set(contact.id, contact);
  const invited = new Set(facts.meeting.inviteeContactIds);
  facts.invitedContacts.filter((c) => invited.has(c.id) && official(c.organisationId)).forEach(add);
  for (const id of facts.meeting.inviteeOrganisationIds) if (official(id)) (facts.contactsOf.get(id) ?? []).forEach(add);
  if (facts.meeting.facilitatingOrganisationId) (facts.contactsOf.get(facts.meeting.facilitatingOrganisationId) ?? []).forEach(add);
  facts.organisers.forEach(add);
  return [...out.values()];
}

/** What distributed minutes say about concerns, language-neutral (stored on each delivery): public counts per topic code. */
export interface DistributedConcerns {
  byTopic: { topic: string; count: number }[];
  /** Restricted and confidential concerns together, no topic. */
  notListed: number;
}

/**
 * What distributed minutes say about concerns: only what every recipient may read, i.e. public-level information.
 * Public concerns are counted per topic; restricted and confidential ones are one number with no topic and no split
 * between the two (a topic, or "1 confidential", in a small meeting says who raised what; local government may not
 * read restricted concerns at all).
 */
export function distributedConcerns(section: MinutesConcernSection): DistributedConcerns & { listed: number; topics: number } {
  const publicTopics = section.byTopic.filter((t) => t.counts.public > 0);
  const listed = publicTopics.reduce((sum, t) => sum + t.counts.public, 0);
  const notListed = section.bySensitivity.restricted + section.bySensitivity.confidential;
  return { byTopic: publicTopics.map((t) => ({ topic: t.topic, count: t.counts.public })), notListed, listed, topics: publicTopics.length };
}

const SECTION_TEXT: Record<NotificationLanguage, { heading: string; notListed: string }> = {
  en: { heading: 'Concerns by topic', notListed: 'Not listed: {n} (followed up by the police and the facilitating NGO)' },
  ru: { heading: 'Вопросы по темам', notListed: 'Не перечислены: {n} (ими занимаются полиция и содействующая НПО)' },
  tg: { heading: 'Масъалаҳо аз рӯи мавзӯъ', notListed: 'Номбар нашудаанд: {n} (бо онҳо милиса ва ТҒД-и мусоидаткунанда машғуланд)' },
  ky: { heading: 'Темалар боюнча маселелер', notListed: 'Тизмеге кирген эмес: {n} (алар менен милиция жана көмөктөшүүчү БӨУ алектенет)' },
};

/** The concern section as markdown in one language, topics by name (the catalogue in @rd/contracts), never by code. */
export function concernSectionMarkdown(concerns: DistributedConcerns, language: NotificationLanguage): string {
  const text = SECTION_TEXT[language] ?? SECTION_TEXT.ru;
  const lines = concerns.byTopic.map((t) => `- ${concernTopicName(t.topic, language)}: ${t.count}`);
  return [`## ${text.heading}`, '', lines.length ? lines.join('\n') : '-', ...(concerns.notListed ? ['', text.notListed.replace('{n}', String(concerns.notListed))] : [])].join('\n');
}

/**
 * The distributed minutes in one language: the approved text, then the concern section in that language. Deliveries
 * stored before the section was kept apart (no `concerns`) carry it in their body already.
 */
export function minutesBodyIn(minutes: { body: string; concerns?: DistributedConcerns }, language: NotificationLanguage): string {
  return minutes.concerns ? `${minutes.body}\n\n${concernSectionMarkdown(minutes.concerns, language)}` : minutes.body;
}
