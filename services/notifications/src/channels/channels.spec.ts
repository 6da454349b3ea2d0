import { backoffMs } from '../common/notifications-config';
import { districtQuarter } from '../dispatch/jobs.service';
import { skipReasonOf } from '../dispatch/delivery-writer';
import { classifySmtpError } from './email.channel';
import { meetingIcs } from './ics';
import { classifyHttpStatus } from './sms.channel';

describe('channels', () => {
  it('should treat 5xx SMTP replies as permanent and 4xx or network errors as transient', () => {
    expect(classifySmtpError(Object.assign(new Error('x'), { responseCode: 550, response: '550 5.1.1 no such user' }))).toEqual({ permanent: true, error: '550 5.1.1 no such user' });
    expect(classifySmtpError(Object.assign(new Error('x'), { responseCode: 451, response: '451 later' })).permanent).toBe(false);
    expect(classifySmtpError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' })).permanent).toBe(false);
  });

  it('should treat HTTP 4xx as permanent except 408 and 429', () => {
    expect([200, 202, 400, 401, 404, 408, 429, 500, 503].map(classifyHttpStatus)).toEqual(['ok', 'ok', 'permanent', 'permanent', 'permanent', 'transient', 'transient', 'transient', 'transient']);
  });

  it('should back off exponentially with jitter, capped at an hour', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(1000, n, 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(1000, 1, 0)).toBe(800);
    expect(backoffMs(1000, 1, 1)).toBe(1200);
    expect(backoffMs(60_000, 20, 0.5)).toBe(3_600_000);
  });

  it('should skip contacts without consent, address or a reachable channel', () => {
    const base = { consent: true, erasedAt: null, preferredChannel: 'email' as const, email: 'a@b.tj', phone: null };
    expect(skipReasonOf(base as never)).toBeNull();
    expect(skipReasonOf({ ...base, consent: false } as never)).toBe('no-consent');
    expect(skipReasonOf({ ...base, erasedAt: '2026-01-01' } as never)).toBe('erased');
    expect(skipReasonOf({ ...base, email: null } as never)).toBe('no-address');
    expect(skipReasonOf({ ...base, preferredChannel: 'sms' } as never)).toBe('no-address');
    expect(skipReasonOf({ ...base, preferredChannel: 'console' } as never)).toBe('no-console-account');
  });

  it('should name the quarter of a day and its last day', () => {
    expect(districtQuarter(new Date('2026-11-24T10:00:00Z'), 'UTC')).toEqual({ code: '2026-Q4', endDate: '2026-12-31', daysLeft: 37 });
    expect(districtQuarter(new Date('2027-02-01T00:00:00Z'), 'UTC')).toEqual({ code: '2027-Q1', endDate: '2027-03-31', daysLeft: 58 });
    expect(districtQuarter(new Date('2027-06-30T23:00:00Z'), 'UTC')).toEqual({ code: '2027-Q2', endDate: '2027-06-30', daysLeft: 0 });
  });

  it("should count a district's quarter on its own calendar, not the UTC day (Dushanbe is UTC+5)", () => {
    // 20:00 UTC on 31 December is already 1 January in Isfara: the old check warned about 2026-Q4 with 0 days left.
    expect(districtQuarter(new Date('2026-12-31T20:00:00Z'), 'Asia/Dushanbe')).toEqual({ code: '2027-Q1', endDate: '2027-03-31', daysLeft: 89 });
    expect(districtQuarter(new Date('2026-12-31T18:59:59Z'), 'Asia/Dushanbe')).toEqual({ code: '2026-Q4', endDate: '2026-12-31', daysLeft: 0 });
    expect(districtQuarter(new Date('2026-12-31T20:00:00Z'), 'UTC')).toEqual({ code: '2026-Q4', endDate: '2026-12-31', daysLeft: 0 });
  });

  it('should build an iTIP calendar entry with the gateway feed UID, folded at 75 octets', () => {
    const ics = meetingIcs({ id: 'm1', title: 'Очень длинное название дня отчётности для проверки переноса строк', startsAt: '2026-12-01T05:00:00Z', durationMinutes: 90, venueName: 'School; No, 3', sequence: 4 }, 'CANCEL', 'no-reply@rd', new Date('2026-11-01T00:00:00Z'));
    expect(ics).toContain('UID:m1@reporting-days\r\n');
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('DTEND:20261201T063000Z');
    expect(ics).toContain('LOCATION:School\\; No\\, 3');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('should carry the venue coordinates as GEO and the map link in an invitation, and no GEO without them', () => {
    const meeting = { id: 'm1', title: 'Reporting day', startsAt: '2026-12-01T05:00:00Z', durationMinutes: 90, venueName: 'Field', sequence: 1 };
    const lines = meetingIcs({ ...meeting, venueLocation: { lat: 40.1264, lng: 70.6253 } }, 'REQUEST', 'no-reply@rd').replace(/\r\n /g, '').split('\r\n'); // unfolded
    expect(lines).toContain('GEO:40.1264;70.6253');
    expect(lines).toContain('DESCRIPTION:https://www.openstreetmap.org/?mlat=40.1264&mlon=70.6253#map=17/40.1264/70.6253');
    expect(meetingIcs({ ...meeting, venueLocation: null }, 'REQUEST', 'no-reply@rd')).not.toMatch(/GEO:|DESCRIPTION:/);
    expect(meetingIcs(meeting, 'REQUEST', 'no-reply@rd')).not.toContain('GEO:');
  });
});
