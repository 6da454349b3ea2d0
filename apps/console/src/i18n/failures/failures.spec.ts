import { DOMAIN_ERRORS } from '@rd/contracts';
import { FAILURES, failureTranslations, joinFailure, type FailureText } from '.';

const CODES = Object.keys(DOMAIN_ERRORS).sort();
const KINDS = ['network', 'refused', 'unavailable', 'other'];
// Names the reader types or sees as such: file formats and the IANA time zones of the examples.
const LATIN_ALLOWED = new Set(['CSV', 'JPEG', 'PNG', 'PDF', 'Asia', 'Dushanbe', 'Bishkek', 'QR']);

const sentence = (text: unknown) => typeof text === 'string' && /\S/.test(text) && /[.!?…]$/.test(text.trim());
const lookup = (tree: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe.each(Object.entries(FAILURES))('failure messages in %s', (locale, messages) => {
  const entries: [string, FailureText | undefined][] = [
    ...CODES.map((code): [string, FailureText | undefined] => [code, (messages.codes as Record<string, FailureText>)[code]]),
    ...KINDS.map((kind): [string, FailureText | undefined] => [`kind ${kind}`, (messages.kinds as Record<string, FailureText>)[kind]]),
  ];

  it('should say, for every reason code of the catalogue and every kind, what happened and, apart, what to do next', () => {
    const lacking = entries.filter(([, text]) => !Array.isArray(text) || !sentence(text[0]) || !sentence(text[1]) || text[0].trim() === text[1].trim()).map(([name]) => name);
    expect(lacking).toEqual([]);
  });

  it('should have no code the catalogue lacks', () => {
    expect(Object.keys(messages.codes).filter((code) => !CODES.includes(code))).toEqual([]);
  });

  it('should put the whole message under the message key the console translates each code by', () => {
    const tree = failureTranslations(messages);
    const wrong = Object.values(DOMAIN_ERRORS)
      .filter((entry) => lookup(tree, entry.messageKey) !== joinFailure(messages.codes[entry.code]))
      .map((entry) => entry.code);
    expect(wrong).toEqual([]);
    expect(KINDS.map((kind) => typeof lookup(tree, `failures.${kind}`))).toEqual(KINDS.map(() => 'string'));
  });

  if (locale !== 'en') {
    it('should be translated, not copied from English', () => {
      const copied = entries.filter(([name, text]) => {
        const english = name.startsWith('kind ') ? (FAILURES.en.kinds as Record<string, FailureText>)[name.slice(5)] : (FAILURES.en.codes as Record<string, FailureText>)[name];
        return text !== undefined && (text[0] === english[0] || text[1] === english[1]);
      });
      expect(copied.map(([name]) => name)).toEqual([]);
    });
  }

  if (locale === 'tg' || locale === 'ky') {
    it('should hold no English words', () => {
      const english = entries.flatMap(([name, text]) => (text ?? []).flatMap((part) => (part.match(/[A-Za-z]+/g) ?? []).filter((word) => !LATIN_ALLOWED.has(word)).map((word) => `${name}: ${word}`)));
      expect(english).toEqual([]);
    });
  }
});
