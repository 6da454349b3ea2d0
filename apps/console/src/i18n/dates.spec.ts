import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatDate, formatNumber } from './dates';

const SRC = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

describe(formatDate.name, () => {
  it('should write one date the same way in each language', () => {
    const instant = '2026-12-14T05:00:00Z';
    expect(formatDate(instant, 'en', { timeZone: 'Asia/Dushanbe' })).toBe('14 Dec 2026');
    expect(formatDate(instant, 'ru', { timeZone: 'Asia/Dushanbe' })).toBe('14 дек. 2026 г.');
    expect(formatDate(instant, 'en', { time: true, timeZone: 'Asia/Dushanbe' })).toBe('14 Dec 2026, 10:00');
    for (const locale of ['tg', 'ky']) expect(formatDate(instant, locale, { timeZone: 'Asia/Dushanbe' })).toMatch(/14/);
  });

  it('should show a calendar day as that day in any zone', () => {
    expect(formatDate('2026-12-06', 'en')).toBe('6 Dec 2026');
  });

  it('should leave nothing for no value and keep what it cannot read', () => {
    expect(formatDate(null, 'en')).toBe('');
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});

describe(formatNumber.name, () => {
  it('should group digits as the language does', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'ru')).toBe('1\u00a0234,5');
  });
});

// Every date on every screen goes through formatDate (meetings/timeZone.ts too): react-admin's DateField and
// toLocale…String() without a language follow the browser, which is how three formats ended up on one screen.
describe('dates in the console', () => {
  it('should format dates only through i18n/dates.ts', () => {
    const offenders = sources(SRC)
      .filter((path) => !path.endsWith(join('i18n', 'dates.ts')))
      .flatMap((path) => {
        const text = readFileSync(path, 'utf8');
        const found = [/<DateField\b/, /\.toLocale(Date|Time)?String\(/, /new Intl\.DateTimeFormat\(/].filter((pattern) => pattern.test(text));
        return found.length ? [`${path.slice(SRC.length + 1)}: ${found.map(String).join(' ')}`] : [];
      });
    expect(offenders).toEqual([]);
  });
});
