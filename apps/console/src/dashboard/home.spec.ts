import { ROLES, type ActionView, type ReportMeasures } from '@rd/contracts';
import { dueSoon, homeCards, listRoute, pointOf, rateChange, rateQuarters, upcomingWindow } from './home';

const action = (id: string, dueDate: string, status: ActionView['status'], overdue = false) => ({ id, dueDate, status, overdue }) as ActionView;
const rate = (value: number | null) => ({ rate: value }) as ReportMeasures['reportingRate'];

describe('home', () => {
  describe(homeCards.name, () => {
    it('should give each role only the cards of what it may read', () => {
      expect(homeCards(['national-coordinator'])).toEqual(['upcoming', 'minutes', 'actions', 'missing', 'inbox']);
      expect(homeCards(['ngo-admin'])).toEqual(['upcoming', 'minutes', 'actions', 'missing', 'inbox']);
      expect(homeCards(['police-officer'])).toEqual(['upcoming', 'minutes', 'actions', 'missing', 'inbox']);
      // Local government reads minutes but approves none.
      expect(homeCards(['local-government'])).toEqual(['upcoming', 'actions', 'missing', 'inbox']);
      // Aggregates only: no meetings, actions, community lists or inbox; the region's rate instead.
      expect(homeCards(['regional-reviewer'])).toEqual(['rate']);
    });

    it('should give nothing without a role and the union for several', () => {
      expect(homeCards([])).toEqual([]);
      expect(homeCards(['regional-reviewer', 'local-government'])).toEqual(['upcoming', 'actions', 'missing', 'inbox']);
      for (const role of ROLES) expect(homeCards([role]).length).toBeGreaterThan(0);
    });
  });

  it('should look 30 days ahead from now', () => {
    expect(upcomingWindow(new Date('2026-12-07T14:30:00Z'))).toEqual({ from: '2026-12-07T14:30:00.000Z', to: '2027-01-06T14:30:00.000Z' });
  });

  it('should keep the open and in-progress actions due within 14 days, soonest first, and leave the overdue ones to their own list', () => {
    const actions = [
      action('late', '2026-12-01', 'open', true),
      action('far', '2026-12-22', 'open'),
      action('edge', '2026-12-21', 'in-progress'),
      action('soon', '2026-12-08', 'open'),
      action('done', '2026-12-09', 'done'),
      action('dropped', '2026-12-09', 'dropped'),
    ];
    expect(dueSoon(actions, '2026-12-07').map((a) => a.id)).toEqual(['soon', 'edge']);
  });

  it('should compare this quarter with the last in whole points, and not at all when a quarter expected nothing', () => {
    expect(rateQuarters('2027-Q1')).toEqual({ previous: '2026-Q4', current: '2027-Q1' });
    expect(rateChange(rate(0.5), rate(0.25))).toEqual({ points: 25, direction: 'up' });
    expect(rateChange(rate(0.2), rate(0.6))).toEqual({ points: 40, direction: 'down' });
    expect(rateChange(rate(0.501), rate(0.499))).toEqual({ points: 0, direction: 'same' });
    expect(rateChange(rate(null), rate(0.5))).toBeNull();
    expect(rateChange(rate(0.5), undefined)).toBeNull();
    expect(pointOf([{ quarter: '2026-Q4', n: 1 }], '2026-Q4')).toEqual({ quarter: '2026-Q4', n: 1 });
    expect(pointOf([{ quarter: '2026-Q4' }], '2026-Q3')).toBeUndefined();
  });

  it('should link to a list with its filter and sort as react-admin reads them', () => {
    const route = listRoute('meetings', { status: 'scheduled' }, { field: 'startsAt', order: 'ASC' });
    const [path, query] = route.split('?');
    expect(path).toBe('/meetings');
    const params = new URLSearchParams(query);
    expect(JSON.parse(params.get('filter') ?? '')).toEqual({ status: 'scheduled' });
    expect([params.get('sort'), params.get('order')]).toEqual(['startsAt', 'ASC']);
  });
});
