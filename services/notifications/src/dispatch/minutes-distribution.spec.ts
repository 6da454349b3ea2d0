import type { EntityManager } from '@mikro-orm/postgresql';
import type { ContactView, MeetingView, MinutesView, NotificationLanguage } from '@rd/contracts';
import type { Peers } from '../common/peers';
import type { ScheduledItemRow } from '../planning/scheduled-item.repository';
import { DEFAULT_TEMPLATES } from '../templates/default-templates';
import { buildView, renderTemplate } from '../templates/render';
import { JobsService } from './jobs.service';

const MEETING_ID = '00000000-0000-4000-8000-0000000000a1';

const meeting = {
  id: MEETING_ID,
  title: 'Reporting day in Khoja Alo',
  districtCode: 'isfara',
  regionCode: 'sughd',
  timeZone: 'Asia/Dushanbe',
  startsAt: '2026-12-01T05:00:00Z',
  durationMinutes: 120,
  venueName: 'School No. 3',
  communityIds: [],
  inviteeContactIds: [],
  inviteeOrganisationIds: [],
  facilitatingOrganisationId: null,
  sequence: 1,
  status: 'held',
  updatedAt: '2026-12-01T09:00:00Z',
} as unknown as MeetingView;

/** Two public road-safety concerns and one public water concern; a restricted and a confidential one on other topics. */
const minutes: MinutesView = {
  meetingId: MEETING_ID,
  status: 'approved',
  version: 2,
  body: '# Minutes\n\n- 24 residents came',
  language: 'ru',
  updatedBy: 'ngo.isfara',
  updatedAt: '2026-12-02T09:00:00Z',
  approvedBy: 'police.isfara',
  approvedAt: '2026-12-03T09:00:00Z',
  concerns: {
    total: 5,
    bySensitivity: { public: 3, restricted: 1, confidential: 1 },
    byTopic: [
      { topic: 'water-and-irrigation', counts: { public: 1, restricted: 0, confidential: 0 }, publicItems: [] },
      { topic: 'border-guards', counts: { public: 0, restricted: 1, confidential: 0 }, publicItems: [] },
      { topic: 'domestic-violence', counts: { public: 0, restricted: 0, confidential: 1 }, publicItems: [] },
      { topic: 'road-safety', counts: { public: 2, restricted: 0, confidential: 0 }, publicItems: [] },
    ],
  },
};

const peers = {
  meeting: async () => meeting,
  minutes: async () => minutes,
  contactsByIds: async (): Promise<ContactView[]> => [],
  organisationsByIds: async () => [],
  contactsOfOrganisation: async () => [],
  community: async () => null,
  communityNames: async () => ['Khoja Alo'],
  district: async () => ({ code: 'isfara', regionCode: 'sughd', timeZone: 'Asia/Dushanbe', name: { en: 'Isfara', ru: 'Исфара' } }),
} as unknown as Peers;

async function distributed(language: NotificationLanguage): Promise<string> {
  const item = { kind: 'minutes-distribution', key: `minutes:${MEETING_ID}:2`, payload: { meetingId: MEETING_ID, approvedAt: minutes.approvedAt } } as unknown as ScheduledItemRow;
  const [message] = await new JobsService(peers).run({} as EntityManager, item);
  const template = DEFAULT_TEMPLATES['minutes-distributed'][language]!;
  const rendered = renderTemplate(template, buildView(message.data, 'Recipient', language, 'https://console.example'));
  return `${rendered.text}\n${rendered.html}`;
}

describe('distributed minutes', () => {
  // Defect (issue 15): the concern section listed topic codes ("- road-safety: 2") in every language.
  it.each([
    ['en', ['Road safety: 2', 'Water and irrigation: 1', 'Concerns by topic', 'Not listed: 2']],
    ['ru', ['Безопасность дорожного движения: 2', 'Вода и орошение: 1', 'Вопросы по темам', 'Не перечислены: 2']],
    ['tg', ['Бехатарии роҳ: 2', 'Об ва обёрӣ: 1', 'Масъалаҳо аз рӯи мавзӯъ', 'Номбар нашудаанд: 2']],
    ['ky', ['Жол коопсуздугу: 2', 'Суу жана сугат: 1', 'Темалар боюнча маселелер', 'Тизмеге кирген эмес: 2']],
  ] as const)('should name the topics in the recipient’s language (%s), never by code', async (language, expected) => {
    const text = await distributed(language);
    for (const line of expected) expect(text).toContain(line);
    expect(text).not.toMatch(/road-safety|water-and-irrigation/);
    // Restricted and confidential topics stay out, named or coded.
    for (const hidden of ['border-guards', 'domestic-violence', 'Border guards', 'Domestic violence', 'Пограничники', 'Домашнее насилие', 'Сарҳадбонон', 'Чек арачылар']) expect(text).not.toContain(hidden);
  });
});
