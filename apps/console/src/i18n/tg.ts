import type { AppMessages } from './en';

// Tajik (Cyrillic). react-admin has no Tajik core pack: its `ra.*` messages fall back to Russian,
// which Tajik-speaking officials read (see i18nProvider.ts).
export const tg: AppMessages = {
  app: {
    title: 'Рӯзҳои ҳисобот',
    languages: { en: 'Англисӣ', ru: 'Русӣ', tg: 'Тоҷикӣ', ky: 'Қирғизӣ', uz: 'Ӯзбекӣ' },
    roles: {
      'national-coordinator': 'Ҳамоҳангсози миллӣ',
      'ngo-admin': 'Маъмури ТҒД',
      'police-officer': 'Корманди милитсия',
      'local-government': 'Намояндаи ҳокимияти маҳаллӣ',
      'regional-reviewer': 'Нозири минтақавӣ',
    },
    errors: { unsupported: 'Ин амал дастрас нест' },
    validation: { wholeNumber: 'Бояд адади бутун бошад' },
  },
  dashboard: {
    greeting: 'Салом, %{name}',
    roles: 'Нақшҳои шумо',
    scope: 'Ҳудуди шумо',
    national: 'Ҳамаи вилоятҳо',
    regions: 'Вилоятҳо',
    districts: 'Ноҳияҳо',
    none: 'Ба шумо ҳоло ҳудуд таъин нашудааст. Аз ҳамоҳангсози миллӣ дастрасӣ пурсед.',
  },
  resources: {
    communities: {
      name: 'Маҳалла |||| Маҳаллаҳо |||| Маҳаллаҳо',
      fields: {
        q: 'Ҷустуҷӯ',
        name: 'Ном',
        districtCode: 'Ноҳия',
        regionCode: 'Вилоят',
        kind: 'Намуд',
        population: 'Шумораи аҳолӣ',
        borderAdjacent: 'Дар наздикии сарҳад',
        languages: 'Забонҳо',
        status: 'Ҳолат',
        createdAt: 'Санаи илова',
      },
      helpers: {
        population: 'Шумораи тахминии сокинон',
        borderAdjacent: 'Маҳалла дар сарҳади давлатӣ ё дар наздикии он ҷойгир аст',
      },
      kinds: { village: 'Деҳа', jamoat: 'Ҷамоат', 'ayil-aymak': 'Айил аймак', town: 'Шаҳрак', other: 'Дигар' },
      statuses: {
        proposed: 'Пешниҳодшуда',
        onboarding: 'Дар ҷараёни пайвастшавӣ',
        active: 'Фаъол',
        paused: 'Боздошташуда',
        archived: 'Дар бойгонӣ',
      },
      notifications: { created: 'Маҳалла пешниҳод шуд' },
    },
    districts: {
      name: 'Ноҳия |||| Ноҳияҳо |||| Ноҳияҳо',
      fields: {
        code: 'Рамз',
        name: 'Ном',
        regionCode: 'Вилоят',
        countryCode: 'Кишвар',
        timeZone: 'Минтақаи вақт',
      },
    },
    reports: {
      name: 'Ҳисобот |||| Ҳисоботҳо |||| Ҳисоботҳо',
      title: 'Маҳаллаҳо аз рӯи ҳолат',
      empty: 'Дар ин ноҳия ҳоло ягон маҳалла сабт нашудааст.',
      fields: {
        total: 'Маҳаллаҳо дар барнома',
        updatedAt: 'Навсозии охирин',
      },
    },
  },
};
