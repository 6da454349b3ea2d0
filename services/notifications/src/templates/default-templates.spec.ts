import { NOTIFICATION_LANGUAGES, NOTIFICATION_TYPES, type NotificationLanguage, type NotificationTemplateContent } from '@rd/contracts';
import Mustache from 'mustache';
import { DEFAULT_TEMPLATES, TEMPLATE_VARIABLES } from './default-templates';
import { buildView, renderTemplate, smsSegments } from './render';
import { SAMPLE_DATA } from './sample-data';

const CONSOLE = 'https://console.example.org';
const each = NOTIFICATION_TYPES.flatMap((type) => NOTIFICATION_LANGUAGES.map((language) => [type, language] as const));

/** The variable names a template uses (`meeting.title`, …), sections included. */
function variables(template: string): Set<string> {
  const names = new Set<string>();
  const walk = (tokens: unknown[][]) => {
    for (const token of tokens) {
      if (['name', '&', '#', '^'].includes(token[0] as string) && token[1] !== '.') names.add(token[1] as string);
      if (Array.isArray(token[4])) walk(token[4] as unknown[][]);
    }
  };
  walk(Mustache.parse(template) as unknown[][]);
  return names;
}

const rendered = (type: (typeof NOTIFICATION_TYPES)[number], language: NotificationLanguage) =>
  renderTemplate(DEFAULT_TEMPLATES[type][language] as NotificationTemplateContent, buildView(SAMPLE_DATA[type], 'Recipient', language, CONSOLE));

describe('the default notification templates', () => {
  it.each(each)('should have %s in %s', (type, language) => {
    const content = DEFAULT_TEMPLATES[type][language];
    expect(content).toBeDefined();
    expect(content?.subject.trim()).not.toBe('');
    expect(content?.text.trim()).not.toBe('');
    expect(content?.sms.trim()).not.toBe('');
  });

  // A translation that drops the date or the link leaves its reader without it; SMS may leave out details to stay short.
  it.each(each)('should say in the subject and text of %s in %s what the English one says', (type, language) => {
    const english = DEFAULT_TEMPLATES[type].en as NotificationTemplateContent;
    const content = DEFAULT_TEMPLATES[type][language] as NotificationTemplateContent;
    expect(variables(content.subject)).toEqual(variables(english.subject));
    expect(variables(content.text)).toEqual(variables(english.text));
  });

  it.each(each)('should only use variables that %s offers (%s)', (type, language) => {
    const offered = new Set(['recipient.name', ...TEMPLATE_VARIABLES[type].map((name) => name.split(' ')[0])]);
    const content = DEFAULT_TEMPLATES[type][language] as NotificationTemplateContent;
    const used = [content.subject, content.text, content.html ?? '', content.sms].flatMap((template) => [...variables(template)]);
    expect(used.filter((name) => !offered.has(name) && !name.startsWith('quarter.communities') && name !== 'name')).toEqual([]);
  });

  // GSM-7 allows 160 characters, Cyrillic 70 (UCS-2). A link alone is about 60 characters, so a message with one cannot
  // fit a Cyrillic segment: the text before it must.
  it.each(each)('should fit the SMS of %s in %s into one segment, a trailing link apart', (type, language) => {
    const sms = rendered(type, language).sms.replace(/\s*https?:\/\/\S+$/, '');
    expect({ sms, segments: smsSegments(sms) }).toEqual({ sms, segments: 1 });
  });

  // Russian long dates end in "г." ("31 января 2027 г."): a template that puts a full stop after one printed "г..".
  it.each(each)('should never print a double full stop in %s (%s)', (type, language) => {
    const { subject, text, sms } = rendered(type, language);
    for (const part of [subject, text, sms]) expect(part).not.toMatch(/(?<!\.)\.\.(?!\.)/);
  });
});
