import type { Actor, Sensitivity } from '@rd/contracts';
import { buildCarryOver, type CarryOverSource } from './carry-over';

const police: Actor = { userId: 'u-police', username: 'police.isfara', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['isfara'] } };
const localGov: Actor = { userId: 'u-lg', username: 'gov.isfara', roles: ['local-government'], scope: { national: false, regions: [], districts: ['isfara'] } };

let n = 0;
function source(sensitivity: Sensitivity, over: Partial<CarryOverSource['concern']> = {}, actions: CarryOverSource['actions'] = []): CarryOverSource {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    concern: {
      id,
      meetingId: '00000000-0000-4000-8000-999999999999',
      districtCode: 'isfara',
      regionCode: 'sughd',
      topic: 'water-and-irrigation',
      sensitivity,
      handlerIds: ['u-police'],
      text: `${sensitivity} text`,
      answer: null,
      followUpNeeded: true,
      ...over,
    },
    meetingStartsAt: new Date('2026-10-01T05:00:00Z'),
    actions,
  };
}

describe(buildCarryOver.name, () => {
  it('should count confidential concerns and never list their text, even for a handler', () => {
    const result = buildCarryOver(police, [source('confidential'), source('public')]);
    expect(result.confidentialOpenCount).toBe(1);
    expect(result.concerns.map((c) => c.text)).toEqual(['public text']);
    expect(JSON.stringify(result)).not.toContain('confidential text');
  });

  it('should leave out restricted concerns the reader may not read', () => {
    expect(buildCarryOver(localGov, [source('restricted'), source('public')]).concerns.map((c) => c.sensitivity)).toEqual(['public']);
    expect(buildCarryOver(police, [source('restricted')]).concerns).toHaveLength(1);
  });

  it('should leave out resolved concerns and closed actions', () => {
    const done = source('public', {}, [{ id: '00000000-0000-4000-8000-aaaaaaaaaaaa', status: 'done', dueDate: '2026-11-01', description: null }]);
    const noFollowUp = source('public', { followUpNeeded: false });
    const open = source('public', {}, [
      { id: '00000000-0000-4000-8000-bbbbbbbbbbbb', status: 'done', dueDate: '2026-11-01', description: null },
      { id: '00000000-0000-4000-8000-cccccccccccc', status: 'in-progress', dueDate: '2026-12-01', description: 'Repair the canal' },
    ]);
    const result = buildCarryOver(police, [done, noFollowUp, open]);
    expect(result.concerns.map((c) => c.concernId)).toEqual([open.concern.id]);
    expect(result.concerns[0]?.openActions.map((a) => a.status)).toEqual(['in-progress']);
  });
});
