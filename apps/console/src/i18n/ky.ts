import type { AppMessages } from './en';

// Kyrgyz (Cyrillic). react-admin has no Kyrgyz core pack: its `ra.*` messages fall back to Russian,
// an official language in Kyrgyzstan (see i18nProvider.ts).
export const ky: AppMessages = {
  app: {
    title: 'Отчет берүү күндөрү',
    languages: { en: 'Англис тили', ru: 'Орус тили', tg: 'Тажик тили', ky: 'Кыргыз тили', uz: 'Өзбек тили' },
    roles: {
      'national-coordinator': 'Улуттук координатор',
      'ngo-admin': 'БӨУ администратору',
      'police-officer': 'Милиция кызматкери',
      'local-government': 'Жергиликтүү бийликтин өкүлү',
      'regional-reviewer': 'Аймактык текшерүүчү',
    },
    errors: { unsupported: 'Бул аракет жеткиликсиз' },
    validation: { wholeNumber: 'Бүтүн сан болушу керек' },
  },
  dashboard: {
    greeting: 'Саламатсызбы, %{name}',
    roles: 'Сиздин ролдоруңуз',
    scope: 'Сиздин аймагыңыз',
    national: 'Бардык облустар',
    regions: 'Облустар',
    districts: 'Райондор',
    none: 'Сизге азырынча аймак бекитиле элек. Улуттук координатордон уруксат сураңыз.',
  },
  resources: {
    communities: {
      name: 'Жамаат |||| Жамааттар |||| Жамааттар',
      fields: {
        q: 'Издөө',
        name: 'Аталышы',
        districtCode: 'Район',
        regionCode: 'Облус',
        kind: 'Түрү',
        population: 'Калкынын саны',
        borderAdjacent: 'Чек арага жакын',
        languages: 'Тилдер',
        status: 'Абалы',
        createdAt: 'Кошулган күнү',
      },
      helpers: {
        population: 'Тургундардын болжолдуу саны',
        borderAdjacent: 'Жамаат мамлекеттик чек арада же ага жакын жайгашкан',
      },
      kinds: { village: 'Айыл', jamoat: 'Жамоат', 'ayil-aymak': 'Айыл аймак', town: 'Шаарча', other: 'Башка' },
      statuses: {
        proposed: 'Сунушталган',
        onboarding: 'Кошулуу жүрүүдө',
        active: 'Активдүү',
        paused: 'Токтотулган',
        archived: 'Архивде',
      },
      notifications: { created: 'Жамаат сунушталды' },
    },
    districts: {
      name: 'Район |||| Райондор |||| Райондор',
      fields: {
        code: 'Коду',
        name: 'Аталышы',
        regionCode: 'Облус',
        countryCode: 'Өлкө',
        timeZone: 'Убакыт алкагы',
      },
    },
    reports: {
      name: 'Отчет |||| Отчеттор |||| Отчеттор',
      title: 'Жамааттар абалы боюнча',
      empty: 'Бул районда азырынча бир да жамаат катталган эмес.',
      fields: {
        total: 'Программадагы жамааттар',
        updatedAt: 'Акыркы жаңыртуу',
      },
    },
  },
};
