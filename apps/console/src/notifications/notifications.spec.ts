import { audienceOf, canResend, deliveryDetail, languageLabel } from './deliveries';
import { badgeText, consoleRoute, inboxLanguage } from './inbox';
import { formatDays, parseDays, settingsBody } from './settings';
import { draftBody, splitTemplateId, templateMatrix } from './templates';

describe('delivery log', () => {
  it('should offer resend on failed, skipped and sent email/SMS, never on console messages or queued rows', () => {
    expect(canResend({ channel: 'email', status: 'failed' })).toBe(true);
    expect(canResend({ channel: 'sms', status: 'skipped' })).toBe(true);
    expect(canResend({ channel: 'email', status: 'sent' })).toBe(true);
    expect(canResend({ channel: 'email', status: 'queued' })).toBe(false);
    expect(canResend({ channel: 'console', status: 'failed' })).toBe(false);
  });

  it('should make a language fallback visible', () => {
    expect(languageLabel({ requestedLanguage: 'tg', language: 'ru', languageFallback: true })).toBe('tg → ru');
    expect(languageLabel({ requestedLanguage: 'ru', language: 'ru', languageFallback: false })).toBe('ru');
    expect(languageLabel({ requestedLanguage: 'ky', language: null, languageFallback: false })).toBe('ky');
  });

  it('should read an audience key as district and roles', () => {
    expect(audienceOf('isfara:local-government,ngo-admin,police-officer')).toEqual({
      districtCode: 'isfara',
      roles: ['local-government', 'ngo-admin', 'police-officer'],
    });
    expect(audienceOf('6f1c1b2e-3c44-4d3a-9a53-0c8b8f0a1e11')).toBeNull();
  });

  it('should explain failed rows by the provider error and skipped ones by the reason', () => {
    expect(deliveryDetail({ status: 'failed', lastError: '550 mailbox unavailable', skipReason: null })).toEqual({ kind: 'error', text: '550 mailbox unavailable' });
    expect(deliveryDetail({ status: 'skipped', lastError: null, skipReason: 'no-consent' })).toEqual({ kind: 'skip', reason: 'no-consent' });
    expect(deliveryDetail({ status: 'delivered', lastError: null, skipReason: null })).toBeNull();
  });
});

describe('inbox', () => {
  it('should show the unread count on the badge, nothing at zero, 99+ above', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(undefined)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });

  it('should follow only console paths from a message', () => {
    expect(consoleRoute('/meetings/6f1c1b2e-3c44-4d3a-9a53-0c8b8f0a1e11/show')).toBe('/meetings/6f1c1b2e-3c44-4d3a-9a53-0c8b8f0a1e11/show');
    expect(consoleRoute('https://evil.example/')).toBeNull();
    expect(consoleRoute('//evil.example/x')).toBeNull();
    expect(consoleRoute('javascript:alert(1)')).toBeNull();
    expect(consoleRoute(null)).toBeNull();
  });

  it('should ask for messages in the console language, Russian when the locale is none of the four', () => {
    expect(['en', 'ru', 'tg', 'ky'].map(inboxLanguage)).toEqual(['en', 'ru', 'tg', 'ky']);
    expect(inboxLanguage('de')).toBe('ru');
    expect(inboxLanguage(undefined)).toBe('ru');
  });
});

describe('templates', () => {
  it('should split template ids and refuse unknown types or languages', () => {
    expect(splitTemplateId('meeting-invitation.ru')).toEqual({ type: 'meeting-invitation', language: 'ru' });
    expect(splitTemplateId('meeting-invitation.de')).toBeNull();
    expect(splitTemplateId('nothing.ru')).toBeNull();
  });

  it('should lay templates out per type and language, with the gaps', () => {
    const matrix = templateMatrix([
      { type: 'meeting-invitation', language: 'ru', version: 3 },
      { type: 'meeting-invitation', language: 'en', version: 1 },
    ]);
    expect(matrix.find((row) => row.type === 'meeting-invitation')?.versions).toEqual({ en: 1, ru: 3, tg: null, ky: null });
    expect(matrix.find((row) => row.type === 'quarter-warning')?.versions).toEqual({ en: null, ru: null, tg: null, ky: null });
  });

  it('should send an empty HTML field as null (the text, escaped)', () => {
    expect(draftBody({ subject: 's', text: 't', html: '  ', sms: 'm' })).toEqual({ subject: 's', text: 't', html: null, sms: 'm' });
    expect(draftBody({ subject: 's', text: 't', html: '<p>x</p>', sms: 'm' }).html).toBe('<p>x</p>');
  });
});

describe('reminder settings', () => {
  it('should read days as the gateway takes them', () => {
    expect(parseDays('7, 1')).toEqual({ days: [7, 1] });
    expect(parseDays('1 7 7')).toEqual({ days: [7, 1] });
    expect(parseDays('')).toEqual({ days: [] });
    expect(parseDays('7, x')).toEqual({ problem: 'notifications.settings.wholeDays' });
    expect(parseDays('0')).toEqual({ problem: 'notifications.settings.dayRange' });
    expect(parseDays('61')).toEqual({ problem: 'notifications.settings.dayRange' });
    expect(parseDays('1 2 3 4 5 6')).toEqual({ problem: 'notifications.settings.tooMany' });
    expect(formatDays([7, 1])).toBe('7, 1');
  });

  it('should send exactly the three fields of the contract', () => {
    expect(
      settingsBody({ reminderDaysBefore: [7, 1], minutesChaseDaysAfter: [3], quarterWarningDays: 21, ...{ id: 'isfara', isDefault: true } } as never),
    ).toEqual({ reminderDaysBefore: [7, 1], minutesChaseDaysAfter: [3], quarterWarningDays: 21 });
  });
});
