import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface PdfFonts {
  regular: string;
  bold: string;
}

/** Families with Cyrillic (Russian, Tajik, Kyrgyz letters such as ҳ ӣ ӯ ҷ қ ғ ң ө ү), in order of preference. */
const CANDIDATES: { regular: string; bold: string }[] = [
  { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
  { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
  { regular: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf' },
  { regular: 'FreeSans.ttf', bold: 'FreeSansBold.ttf' },
];

/** Where Linux distributions (Debian fonts-dejavu-core, Fedora, Alpine), macOS and users keep TTF fonts. */
export function standardFontDirs(home = homedir()): string[] {
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(home, '.local/share/fonts'),
    join(home, '.fonts'),
    '/Library/Fonts',
    join(home, 'Library/Fonts'),
  ];
}

function findFile(dir: string, name: string, depth = 4): string | undefined {
  if (depth < 0 || !existsSync(dir)) return undefined;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const hit = entries.find((entry) => entry.isFile() && entry.name === name);
  if (hit) return join(dir, hit.name);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const found = findFile(join(dir, entry.name), name, depth - 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * The TTF fonts the PDF embeds: `EXPORT_PDF_FONT`/`EXPORT_PDF_FONT_BOLD` when configured, else the first
 * Cyrillic-capable family found in the standard font directories. PDF's 14 built-in fonts cannot draw
 * Cyrillic, so without one a PDF export fails with a clear reason instead of printing blanks.
 */
export function locatePdfFonts(configured: { regular?: string; bold?: string } = {}, dirs = standardFontDirs()): PdfFonts {
  if (configured.regular) {
    if (!existsSync(configured.regular)) throw new Error(`EXPORT_PDF_FONT ${configured.regular} does not exist`);
    const bold = configured.bold && existsSync(configured.bold) ? configured.bold : configured.regular;
    return { regular: configured.regular, bold };
  }
  for (const candidate of CANDIDATES) {
    for (const dir of dirs) {
      const regular = findFile(dir, candidate.regular);
      if (!regular) continue;
      const bold = dirs.map((d) => findFile(d, candidate.bold)).find(Boolean) ?? regular;
      return { regular, bold };
    }
  }
  throw new Error(
    `No TTF font with Cyrillic found in ${dirs.join(', ')}: install fonts-dejavu-core (Debian/Ubuntu) or set EXPORT_PDF_FONT to a .ttf file`,
  );
}
