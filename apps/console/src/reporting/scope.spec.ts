import { drillTo, missingQuery, reportQuery, startingUnits } from './scope';

describe(startingUnits.name, () => {
  it('should start the coordinator at the country, a reviewer at its region, district roles at their districts', () => {
    expect(startingUnits({ national: true, regions: [], districts: [] })).toEqual([{ level: 'country' }]);
    expect(startingUnits({ national: false, regions: ['sughd'], districts: [] })).toEqual([{ level: 'region', code: 'sughd' }]);
    expect(startingUnits({ national: false, regions: [], districts: ['isfara', 'khujand'] })).toEqual([
      { level: 'district', code: 'isfara' },
      { level: 'district', code: 'khujand' },
    ]);
    expect(startingUnits({ national: false, regions: [], districts: [] })).toEqual([]);
  });
});

describe(drillTo.name, () => {
  it('should go down and come back along the breadcrumb', () => {
    const path = drillTo([{ level: 'country' }], { level: 'region', code: 'sughd' });
    const deeper = drillTo(path, { level: 'district', code: 'isfara' });
    expect(deeper).toHaveLength(3);
    expect(drillTo(deeper, { level: 'country' })).toEqual([{ level: 'country' }]);
  });
});

describe(reportQuery.name, () => {
  it('should send level, code and period, and no code for the country', () => {
    expect(reportQuery({ level: 'country' }, { from: '2026-Q1', to: '2026-Q4' })).toBe('level=country&from=2026-Q1&to=2026-Q4');
    expect(reportQuery({ level: 'district', code: 'isfara' }, { from: '2026-Q4', to: '2026-Q4' })).toBe(
      'level=district&code=isfara&from=2026-Q4&to=2026-Q4',
    );
  });

  it('should ask for suppression as the exports do when told to', () => {
    expect(reportQuery({ level: 'district', code: 'isfara' }, { from: '2026-Q1', to: '2026-Q4' }, { suppress: true })).toBe(
      'level=district&code=isfara&from=2026-Q1&to=2026-Q4&suppress=true',
    );
  });

  it('should have no missing list for a single community', () => {
    expect(missingQuery({ level: 'region', code: 'sughd' }, '2026-Q4')).toBe('level=region&code=sughd&quarter=2026-Q4&limit=100');
    expect(missingQuery({ level: 'community', code: 'x' }, '2026-Q4')).toBeNull();
  });
});
