import { CONCERN_TOPICS, SENSITIVITIES } from '@rd/contracts';
import { GENDERS } from '../meetings/draft';

const AGE_COLUMNS = ['under18', '18to29', '30to59', '60plus'];
const SCORE_COLUMNS = (question: string) => [1, 2, 3, 4, 5].map((score) => `${question}_${score}`);

/** The columns a past reporting days file may have (ADR 35), grouped as the import page lists them. */
export const PAST_DAY_COLUMNS = {
  place: ['communityId', 'communityName', 'districtCode'],
  day: ['heldOn', 'organisedBy', 'facilitatingOrganisationId', 'venueName'],
  attendance: GENDERS.flatMap((gender) => AGE_COLUMNS.map((age) => `${gender}_${age}`)),
  concerns: CONCERN_TOPICS.flatMap((topic) => SENSITIVITIES.map((sensitivity) => `concerns_${topic}_${sensitivity}`)),
  feedback: [...SCORE_COLUMNS('usefulness'), ...SCORE_COLUMNS('trust'), 'contact_yes', 'contact_no'],
} as const;

/** An example row by column; every other column is left empty (a missing count is 0). */
const EXAMPLE: Readonly<Record<string, string>> = {
  communityName: 'Khoja Alo',
  districtCode: 'isfara',
  heldOn: '2024-05-14',
  organisedBy: 'police',
  venueName: 'School no. 1',
  women_18to29: '4',
  women_30to59: '9',
  men_30to59: '12',
  men_60plus: '5',
  'concerns_water-and-irrigation_public': '3',
  'concerns_youth-violence_restricted': '1',
  usefulness_4: '6',
  usefulness_5: '4',
  trust_3: '3',
  trust_4: '7',
  contact_yes: '7',
  contact_no: '3',
};

/**
 * A CSV a programme can fill in: the header with every column (the community by name and district; its id works
 * too) and one example row. UTF-8 with a byte order mark so spreadsheet programs read Cyrillic names right.
 */
export function pastDayTemplateCsv(): string {
  const columns = [...PAST_DAY_COLUMNS.place.slice(1), ...PAST_DAY_COLUMNS.day, ...PAST_DAY_COLUMNS.attendance, ...PAST_DAY_COLUMNS.concerns, ...PAST_DAY_COLUMNS.feedback];
  return `\uFEFF${columns.join(',')}\r\n${columns.map((column) => EXAMPLE[column] ?? '').join(',')}\r\n`;
}
