import { positionsAfterInsert, positionsAfterMove, positionsAfterRemove } from './agenda-order';

const items = [
  { id: 'c', position: 3 },
  { id: 'a', position: 1 },
  { id: 'b', position: 2 },
  { id: 'd', position: 4 },
];
const order = (positions: Map<string, number>) => [...positions.entries()].sort((x, y) => x[1] - y[1]).map(([id]) => id).join('');

describe('agenda order', () => {
  it('should move an item down or up and close the gap it leaves, keeping positions 1..n', () => {
    expect(order(positionsAfterMove(items, 'a', 3))).toBe('bcad');
    expect(order(positionsAfterMove(items, 'd', 1))).toBe('dabc');
    expect([...positionsAfterMove(items, 'd', 1).values()].sort()).toEqual([1, 2, 3, 4]);
  });

  it('should change nothing when an item is moved where it is', () => {
    expect(positionsAfterMove(items, 'b', 2)).toEqual(new Map([['a', 1], ['b', 2], ['c', 3], ['d', 4]]));
  });

  it('should close up after a removal', () => {
    expect(positionsAfterRemove(items, 'b')).toEqual(new Map([['a', 1], ['c', 2], ['d', 3]]));
  });

  it('should make room for a new item at its position, or after the last', () => {
    expect(positionsAfterInsert(items, 2)).toEqual(new Map([['a', 1], ['b', 3], ['c', 4], ['d', 5]]));
    expect(positionsAfterInsert(items, 5)).toEqual(new Map([['a', 1], ['b', 2], ['c', 3], ['d', 4]]));
  });

  it('should renumber positions left with gaps by an older agenda', () => {
    expect(positionsAfterRemove([{ id: 'x', position: 2 }, { id: 'y', position: 7 }], 'x')).toEqual(new Map([['y', 1]]));
  });
});
