import { boundsOf, toMapPoints } from './mapPoints';

describe(toMapPoints.name, () => {
  it('should map communities with coordinates and count the others', () => {
    const { points, unlocated } = toMapPoints([
      { id: 'a', name: 'Khoja Alo', status: 'active', location: { lat: 40.1, lng: 70.6 } },
      { id: 'b', name: 'Somonien', location: null },
      { id: 'c', name: 'Nowhere' },
      { id: 'd', name: 'Broken', location: { lat: 123, lng: 70 } },
    ]);
    expect(points).toEqual([{ id: 'a', name: 'Khoja Alo', status: 'active', lat: 40.1, lng: 70.6 }]);
    expect(unlocated).toBe(3);
  });
});

describe(boundsOf.name, () => {
  it('should span all points', () => {
    expect(
      boundsOf([
        { id: 1, name: 'a', lat: 40, lng: 71 },
        { id: 2, name: 'b', lat: 39.5, lng: 70.2 },
      ]),
    ).toEqual([
      [39.5, 70.2],
      [40, 71],
    ]);
  });

  it('should be null without points', () => {
    expect(boundsOf([])).toBeNull();
  });
});
