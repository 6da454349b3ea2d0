/** Reference geography for the demo and tests: both sides of the Tajik–Kyrgyz border. */
export const DEMO_REGIONS = [
  { code: 'sughd', countryCode: 'TJ', name: { en: 'Sughd', ru: 'Согдийская область', tg: 'Вилояти Суғд', ky: 'Соғд облусу' } },
  { code: 'batken', countryCode: 'KG', name: { en: 'Batken', ru: 'Баткенская область', tg: 'Вилояти Боткен', ky: 'Баткен облусу' } },
];

export const DEMO_DISTRICTS = [
  { code: 'isfara', regionCode: 'sughd', countryCode: 'TJ', timeZone: 'Asia/Dushanbe', name: { en: 'Isfara', ru: 'Исфара', tg: 'Исфара', ky: 'Исфара' } },
  { code: 'khujand', regionCode: 'sughd', countryCode: 'TJ', timeZone: 'Asia/Dushanbe', name: { en: 'Khujand', ru: 'Худжанд', tg: 'Хуҷанд', ky: 'Хужанд' } },
  { code: 'batken', regionCode: 'batken', countryCode: 'KG', timeZone: 'Asia/Bishkek', name: { en: 'Batken', ru: 'Баткенский район', tg: 'Ноҳияи Боткен', ky: 'Баткен району' } },
];

export const DEMO_COMMUNITIES = [
  { name: 'Khoja Alo', districtCode: 'isfara', kind: 'village', population: 4200, borderAdjacent: true, languages: ['tg', 'ru'] },
  { name: 'Somonien', districtCode: 'isfara', kind: 'village', population: 3100, borderAdjacent: true, languages: ['tg', 'ky'] },
  { name: 'Chorku', districtCode: 'isfara', kind: 'jamoat', population: 28000, borderAdjacent: true, languages: ['tg'] },
  { name: 'Vorukh', districtCode: 'isfara', kind: 'jamoat', population: 40000, borderAdjacent: true, languages: ['tg'] },
  { name: 'Kulundu', districtCode: 'isfara', kind: 'village', population: 6000, borderAdjacent: true, languages: ['tg', 'ky'] },
  { name: 'Ak-Sai', districtCode: 'batken', kind: 'ayil-aymak', population: 5000, borderAdjacent: true, languages: ['ky'] },
] as const;
