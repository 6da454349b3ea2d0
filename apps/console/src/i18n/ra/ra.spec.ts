import englishMessages from 'ra-language-english';
import russianMessages from 'ra-language-russian';
import { raKy } from './ky';
import { raRuAdditions } from './ru';
import { raTg } from './tg';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' ? Object.entries(flatten(value, `${prefix}${key}.`)) : [[`${prefix}${key}`, value]])),
  );
}

const placeholders = (message: string) => [...new Set([...message.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]))].sort().join();
const english = flatten(englishMessages as unknown as Tree);
const russian = { ...flatten(russianMessages as unknown as Tree), ...flatten(raRuAdditions as unknown as Tree) };
const packs = { tg: flatten(raTg as unknown as Tree), ky: flatten(raKy as unknown as Tree) };

// Texts that are the same in every language on purpose (docs/glossary.md): placeholders only, a blank, loanwords.
const SAME_EVERYWHERE = new Set([' ', '%{name}', '%{name} %{recordRepresentation}', 'Инспектор', 'Профиль', 'Форма']);

describe("react-admin's own messages", () => {
  // ra-language-russian is a community pack: it may keep an old key, but must not leave an English text showing.
  it('should have every key of the English pack in Russian', () => {
    expect(Object.keys(english).filter((key) => !russian[key]?.length)).toEqual([]);
  });

  describe.each(Object.entries(packs))('in %s', (_locale, pack) => {
    it('should translate every key of the English pack and add none', () => {
      expect(Object.keys(english).filter((key) => !pack[key]?.length)).toEqual([]);
      expect(Object.keys(pack).filter((key) => !(key in english))).toEqual([]);
    });

    it('should keep the placeholders of every message', () => {
      expect(Object.keys(english).filter((key) => placeholders(pack[key] ?? '') !== placeholders(english[key]))).toEqual([]);
    });

    // polyglot's Russian rule picks among three forms (i18nProvider.ts); two would show "undefined" for 5 items.
    it('should give the three plural forms of the Russian rule wherever English has two', () => {
      const plural = Object.keys(english).filter((key) => english[key].includes('||||'));
      expect(plural.filter((key) => pack[key].split('||||').length !== 3)).toEqual([]);
    });
  });

  it.each(['tg', 'ky'] as const)('should not leave an English or Russian text in %s', (locale) => {
    const pack = packs[locale];
    const copied = Object.keys(english).filter((key) => !SAME_EVERYWHERE.has(pack[key]) && (pack[key] === english[key] || pack[key] === russian[key]));
    expect(copied).toEqual([]);
  });
});
