import { readImportFile } from '../community-imports/import-file';
import { ProblemError } from '../problem/problem';
import { PAST_DAY_COLUMNS, toPastDayRows } from './past-reporting-day-rows';

const parse = async (text: string) => toPastDayRows(await readImportFile(Buffer.from(text, 'utf8'), 'csv'));
const ID = '5d1f4d3e-0000-4000-8000-000000000001';

async function problemOf(promise: Promise<unknown>): Promise<ProblemError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

describe('past reporting day import rows (ADR 35)', () => {
  it('should read attendance, concern and survey columns into the contract, whatever the header case and punctuation', async () => {
    const result = await parse(
      'Community ID,Held on,Organised by,Women 18-29,MEN_30TO59,Concerns Water-and-irrigation Public,concerns_border-guards_confidential,Usefulness 4,usefulness_5,Trust 5,Trust-3,Contact yes,contact_no\n' +
        `${ID},14.05.2024,Police-NGO-Facilitated,4,6,3,1,2,1,2,1,2,1\n`,
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 2,
        data: {
          communityId: ID,
          heldOn: '2024-05-14',
          organisedBy: 'police-ngo-facilitated',
          attendance: {
            counts: {
              women: { under18: 0, from18to29: 4, from30to59: 0, from60: 0 },
              men: { under18: 0, from18to29: 0, from30to59: 6, from60: 0 },
              other: { under18: 0, from18to29: 0, from30to59: 0, from60: 0 },
            },
          },
          concerns: [
            { topic: 'water-and-irrigation', sensitivity: 'public', count: 3 },
            { topic: 'border-guards', sensitivity: 'confidential', count: 1 },
          ],
          feedback: { usefulness: [0, 0, 0, 2, 1], trust: [0, 0, 1, 0, 2], contactPoliceFirst: { yes: 2, no: 1 } },
        },
      },
    ]);
  });

  it('should report each bad cell by row and by the file column, and keep the good rows', async () => {
    const result = await parse(
      'communityName,districtCode,heldOn,organisedBy,women_60plus,usefulness_1\n' +
        'Khoja Alo,isfara,2024-02-30,police,1,\n' +
        'Khoja Alo,isfara,2024-03-01,everyone,-2,\n' +
        'Khoja Alo,isfara,2024-03-02,ngo,2,1\n' +
        'Somonien,isfara,2024-03-03,ngo,3,\n',
    );
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'heldOn'],
      [3, 'women_60plus'],
      [3, 'organisedBy'],
      // One respondent's usefulness, but no trust or contact answers: the service checks that the totals agree.
    ]);
    expect(result.rows.map((r) => [r.row, r.data.communityName, r.data.heldOn, r.data.feedback?.usefulness])).toEqual([
      [4, 'Khoja Alo', '2024-03-02', [1, 0, 0, 0, 0]],
      [5, 'Somonien', '2024-03-03', undefined],
    ]);
  });

  it('should refuse unknown, repeated and missing columns for the whole file (400)', async () => {
    expect((await problemOf(parse(`communityId,heldOn,organisedBy,concerns_weather_public\n${ID},2024-01-01,police,1\n`))).detail).toContain('"concerns_weather_public"');
    expect((await problemOf(parse(`communityId,heldOn,organisedBy,Women 18-29,women_18to29\n${ID},2024-01-01,police,1,1\n`))).detail).toContain('women_18to29');
    expect((await problemOf(parse(`communityName,heldOn,organisedBy\nKhoja Alo,2024-01-01,police\n`))).detail).toContain('communityId (or communityName and districtCode)');
  });

  it('should know one column per gender × age group, topic × sensitivity and survey answer', () => {
    expect(PAST_DAY_COLUMNS.size).toBe(7 + 12 + 36 + 10 + 2);
  });
});
