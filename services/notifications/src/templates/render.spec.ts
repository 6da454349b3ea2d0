import { NOTIFICATION_LANGUAGES, NOTIFICATION_TYPES, type NotificationTemplateContent } from '@rd/contracts';
import { DEFAULT_TEMPLATES } from './default-templates';
import { buildView, checkSyntax, fallbackChain, formatWhen, markdownToHtml, renderTemplate, smsSegments } from './render';
import { SAMPLE_DATA } from './sample-data';

describe('render', () => {
  it('should fall back to Russian, then English', () => {
    expect(fallbackChain('ky')).toEqual(['ky', 'ru', 'en']);
    expect(fallbackChain('ru')).toEqual(['ru', 'en']);
    expect(fallbackChain('en')).toEqual(['en', 'ru']);
  });

  it('should show times in the district zone and the message language', () => {
    expect(formatWhen('2026-12-01T05:00:00Z', 'en', 'Asia/Dushanbe')).toContain('10:00');
    expect(formatWhen('2026-12-01T05:00:00Z', 'en', 'Asia/Bishkek')).toContain('11:00');
    expect(formatWhen('2026-12-01T05:00:00Z', 'ru', 'Asia/Dushanbe')).toMatch(/декабря/);
  });

  it('should render every default template of every type with its sample data, in English and Russian at least', () => {
    for (const type of NOTIFICATION_TYPES) {
      expect(DEFAULT_TEMPLATES[type].en).toBeDefined();
      expect(DEFAULT_TEMPLATES[type].ru).toBeDefined();
      for (const language of NOTIFICATION_LANGUAGES) {
        const content = DEFAULT_TEMPLATES[type][language];
        if (!content) continue;
        expect(checkSyntax(content)).toEqual([]);
        const rendered = renderTemplate(content, buildView(SAMPLE_DATA[type], 'Sample recipient', language, 'http://console'));
        expect(rendered.subject).not.toMatch(/\{\{|\}\}/);
        expect(rendered.text).not.toMatch(/\{\{|\}\}/);
        expect(rendered.sms.length).toBeGreaterThan(0);
      }
    }
  });

  it('should leave the greeting out when there is no recipient name (console audiences)', () => {
    const content = DEFAULT_TEMPLATES['meeting-invitation'].en as NotificationTemplateContent;
    expect(renderTemplate(content, buildView(SAMPLE_DATA['meeting-invitation'], 'Aziz', 'en', 'x')).text).toMatch(/^Dear Aziz,/);
    expect(renderTemplate(content, buildView(SAMPLE_DATA['meeting-invitation'], '', 'en', 'x')).text).toMatch(/^You are invited/);
  });

  it('should put the map link of the venue in invitations, updates and reminders in every language, and drop the line without coordinates', () => {
    const link = 'https://www.openstreetmap.org/?mlat=40.1264&mlon=70.6253#map=17/40.1264/70.6253';
    for (const type of ['meeting-invitation', 'meeting-updated', 'meeting-rescheduled', 'meeting-reminder'] as const) {
      for (const language of NOTIFICATION_LANGUAGES) {
        const content = DEFAULT_TEMPLATES[type][language];
        if (!content) continue;
        const data = SAMPLE_DATA[type];
        expect(renderTemplate(content, buildView(data, 'Aziz', language, 'x')).text).toMatch(new RegExp(`\\n[^\\n:]+: ${link.replace(/[?.#/]/g, '\\$&')}\\n`));
        const without = renderTemplate(content, buildView({ ...data, meeting: data.meeting && { ...data.meeting, venueLocation: null } }, 'Aziz', language, 'x')).text;
        expect(without).not.toContain('openstreetmap');
        expect(without).not.toMatch(/\n\n\n/);
      }
    }
  });

  it('should escape HTML in the HTML part but not in text and SMS', () => {
    const content = { subject: '{{recipient.name}}', text: '{{recipient.name}}', html: '<p>{{recipient.name}}</p>', sms: '{{recipient.name}}' };
    const rendered = renderTemplate(content, { recipient: { name: 'A & <B>' } });
    expect(rendered.text).toBe('A & <B>');
    expect(rendered.sms).toBe('A & <B>');
    expect(rendered.html).toBe('<p>A &amp; &lt;B&gt;</p>');
  });

  it('should report broken mustache per field', () => {
    expect(checkSyntax({ subject: '{{#a}}', text: 'ok', html: null, sms: '{{b' })).toEqual([
      { field: 'subject', message: expect.stringContaining('not a valid mustache template') },
      { field: 'sms', message: expect.stringContaining('not a valid mustache template') },
    ]);
  });

  // Defect (issue 15): action notifications named the concern topic by its code ("Жаңы тапшырма: road-safety").
  it('should name the action topic in the reader language, not by its code', () => {
    const subjects = NOTIFICATION_LANGUAGES.map((language) => {
      const content = DEFAULT_TEMPLATES['action-assigned'][language] ?? DEFAULT_TEMPLATES['action-assigned'].ru;
      return renderTemplate(content as NotificationTemplateContent, buildView(SAMPLE_DATA['action-assigned'], 'x', language, 'http://console')).text;
    });
    expect(subjects.join('\n')).not.toContain('road-safety');
    expect(subjects[NOTIFICATION_LANGUAGES.indexOf('ky')]).toContain('Жол коопсуздугу');
    expect(subjects[NOTIFICATION_LANGUAGES.indexOf('en')]).toContain('Road safety');
  });

  it('should turn minutes markdown into escaped HTML', () => {
    expect(markdownToHtml('# Title\n\n- one <b>\n- **two**\n\nText')).toBe('<h1>Title</h1>\n<ul><li>one &lt;b&gt;</li><li><strong>two</strong></li></ul>\n<p>Text</p>');
  });

  it('should count SMS segments for GSM-7 and Cyrillic text', () => {
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('я'.repeat(70))).toBe(1);
    expect(smsSegments('я'.repeat(71))).toBe(2);
  });
});
