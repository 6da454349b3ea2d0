import {
  ACTION_STATUSES,
  AUDIT_OUTCOMES,
  CONCERN_TOPICS,
  CONCERN_TOPIC_NAMES,
  MEETING_KINDS,
  RAISER_AGE_GROUPS,
  RAISER_GENDERS,
  SENSITIVITIES,
  CHECKLIST_ITEMS,
  COMMUNITY_KINDS,
  COMMUNITY_STATUSES,
  COMMUNITY_TRANSITIONS,
  CONTACT_CHANNELS,
  CONTACT_LANGUAGES,
  LANGUAGES,
  MEETING_STATUSES,
  ORGANISED_BY,
  VENUE_TYPES,
  ORGANISATION_KINDS,
  ROLES,
} from '@rd/contracts';
import { en } from './en';
import { ky } from './ky';
import { ru } from './ru';
import { tg } from './tg';

type Tree = { [key: string]: string | Tree };

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`; non-string leaves are kept so they fail the string checks. */
function flatten(tree: Tree, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'object' && value !== null
        ? Object.entries(flatten(value, `${prefix}${key}.`))
        : [[`${prefix}${key}`, value]],
    ),
  );
}

const placeholders = (message: string) => [...message.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]).sort();
const pluralForms = (message: string) => message.split('||||').length;

const reference = flatten(en);
// Loanwords and names that Tajik and Kyrgyz write as Russian (or English) does; a native reviewer may shorten this list.
const SAME_IN_EVERY_LANGUAGE = new Set([
  'SMS', 'HTML', 'CSV', 'Excel (XLSX)', 'Протокол', 'Протокол (markdown)', 'Версия', 'Объект', 'Телефон', 'Канал', 'Формат', 'Карта',
  'Район', 'район', 'План', 'Милиция', 'Текст', 'Тема', 'Код', 'Айыл аймак', 'Инспектор', 'Консоль',
]);
const others = { ru, tg, ky } as const;
// ru, tg and ky use polyglot's Russian plural rule (three forms), English two; see i18nProvider.ts.
const PLURAL_FORMS = { ru: 3, tg: 3, ky: 3 } as const;

describe('console messages', () => {
  it('should have only non-empty strings in en', () => {
    for (const [key, message] of Object.entries(reference)) {
      expect({ key, ok: typeof message === 'string' && message.trim() !== '' }).toEqual({ key, ok: true });
    }
  });

  describe.each(Object.entries(others))('%s', (locale, messages) => {
    const translated = flatten(messages);

    it('should translate every key of en with a non-empty string', () => {
      const missing = Object.keys(reference).filter((key) => {
        const message = translated[key];
        return typeof message !== 'string' || message.trim() === '';
      });
      expect(missing).toEqual([]);
    });

    it('should have no key that en lacks', () => {
      expect(Object.keys(translated).filter((key) => !(key in reference))).toEqual([]);
    });

    it('should keep the placeholders of en', () => {
      const differing = Object.entries(reference)
        .filter(([key, message]) => typeof translated[key] === 'string' && typeof message === 'string')
        .filter(
          ([key, message]) => placeholders(String(translated[key])).join() !== placeholders(String(message)).join(),
        )
        .map(([key]) => key);
      expect(differing).toEqual([]);
    });

    it('should give plural messages the number of forms the locale needs', () => {
      const wrong = Object.entries(reference)
        .filter(([, message]) => String(message).includes('||||'))
        .filter(
          ([key]) => pluralForms(String(translated[key] ?? '')) !== PLURAL_FORMS[locale as keyof typeof PLURAL_FORMS],
        )
        .map(([key]) => key);
      expect(wrong).toEqual([]);
    });
  });

  // A Tajik or Kyrgyz text equal to the English or Russian one is usually a copy that was never translated. Words that
  // are the same on purpose (docs/glossary.md) are listed; texts without a letter (numbers, placeholders) pass.
  it.each([
    ['tg', tg],
    ['ky', ky],
  ] as const)('should not leave a copied English or Russian text in %s', (_locale, messages) => {
    const russian = flatten(ru as unknown as Tree);
    const translated = flatten(messages as unknown as Tree);
    const copied = Object.keys(reference).filter((key) => {
      const text = String(translated[key]);
      const bare = text.replace(/%\{\w+\}/g, '');
      if (!/\p{L}/u.test(bare) || SAME_IN_EVERY_LANGUAGE.has(text)) return false;
      return text === reference[key] || text === russian[key];
    });
    expect(copied).toEqual([]);
  });

  it('should label every community kind, status, language, role and audit outcome of the contracts', () => {
    const needed = [
      ...COMMUNITY_KINDS.map((kind) => `resources.communities.kinds.${kind}`),
      ...COMMUNITY_STATUSES.map((status) => `resources.communities.statuses.${status}`),
      ...LANGUAGES.map((language) => `app.languages.${language}`),
      ...ROLES.map((role) => `app.roles.${role}`),
      ...CHECKLIST_ITEMS.flatMap((item) => [
        `resources.communities.checklist.items.${item}`,
        `resources.communities.checklist.hints.${item}`,
      ]),
      ...Object.values(COMMUNITY_TRANSITIONS)
        .flat()
        .map((status) => `resources.communities.transitions.${status}`),
      ...ORGANISATION_KINDS.map((kind) => `resources.organisations.kinds.${kind}`),
      ...CONTACT_CHANNELS.map((channel) => `resources.contacts.channels.${channel}`),
      ...CONTACT_LANGUAGES.map((language) => `app.languages.${language}`),
      ...AUDIT_OUTCOMES.map((outcome) => `resources.audit.outcomes.${outcome}`),
      ...MEETING_STATUSES.flatMap((status) => [`resources.meetings.statuses.${status}`, `resources.meetings.transitions.${status}`]),
      ...VENUE_TYPES.map((type) => `resources.meetings.venueTypes.${type}`),
      ...ORGANISED_BY.map((who) => `resources.meetings.organisedBy.${who}`),
      ...MEETING_KINDS.map((kind) => `resources.meetings.kinds.${kind}`),
      ...CONCERN_TOPICS.map((topic) => `resources.meetings.concerns.topics.${topic}`),
      ...SENSITIVITIES.flatMap((level) => [`resources.meetings.concerns.sensitivities.${level}`, `resources.meetings.concerns.sensitivityHelp.${level}`]),
      ...ACTION_STATUSES.map((status) => `resources.meetings.actions.statuses.${status}`),
      ...ACTION_STATUSES.filter((status) => status !== 'open').map((status) => `resources.meetings.actions.moves.${status}`),
      ...RAISER_GENDERS.map((gender) => `resources.meetings.genders.${gender}`),
      ...RAISER_AGE_GROUPS.map((age) => `resources.meetings.ageGroups.${age}`),
    ];
    expect(needed.filter((key) => !(key in reference))).toEqual([]);
  });

  it('should name the concern topics as the contracts do, so distributed minutes and PDFs read as the console', () => {
    for (const [language, messages] of Object.entries({ en, ru, tg, ky })) {
      const flat = flatten(messages as unknown as Tree);
      for (const topic of CONCERN_TOPICS) expect([language, topic, flat[`resources.meetings.concerns.topics.${topic}`]]).toEqual([language, topic, CONCERN_TOPIC_NAMES[topic][language as 'en']]);
    }
  });
});
