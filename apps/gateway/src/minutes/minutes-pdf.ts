import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

/** DejaVu Sans (Debian/Ubuntu fonts-dejavu-core, Fedora dejavu-sans-fonts): Cyrillic with the Tajik and Kyrgyz letters. */
const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];
const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf', boldItalic: 'DejaVuSans-BoldOblique.ttf' } as const;
export type PdfFonts = Record<keyof typeof FONT_FILES, string>;

/**
 * The TTF fonts the minutes PDF embeds: `MINUTES_PDF_FONT_DIR` when set, else the first standard directory holding
 * DejaVu Sans. PDF's built-in fonts have no Cyrillic, so without one the PDF is refused with a reason, not printed blank.
 */
export function locateMinutesFonts(configuredDir?: string): PdfFonts {
  for (const dir of configuredDir ? [configuredDir] : FONT_DIRS) {
    const regular = join(dir, FONT_FILES.regular);
    if (!existsSync(regular)) continue;
    const pick = (file: string) => (existsSync(join(dir, file)) ? join(dir, file) : regular);
    return { regular, bold: pick(FONT_FILES.bold), italic: pick(FONT_FILES.italic), boldItalic: pick(FONT_FILES.boldItalic) };
  }
  throw new Error(`No DejaVu Sans (a TTF with Cyrillic) in ${configuredDir ?? FONT_DIRS.join(', ')}: install fonts-dejavu-core or set MINUTES_PDF_FONT_DIR`);
}

export interface MinutesPdfInput {
  title: string;
  /** Lines under the title: communities, date, venue, attendance, status. */
  header: string[];
  /** The minutes (markdown), or null when withheld from this reader. */
  body: string | null;
  /** Shown instead of the body when there is none for this reader. */
  bodyNote?: string;
  /** A closing section (the concerns this reader may read), markdown too. */
  appendix?: string;
  fonts: PdfFonts;
  producedAt?: Date;
}

const parser = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: true });
const SAFE_HREF = /^(https?:|mailto:)/i;
const MARGIN = 56;
const HEADING_SIZES = [18, 15, 13, 12, 11, 11];
const INK = '#000000';
const MUTED = '#555555';

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  link?: string;
}

/** An inline token list as runs of text with their style; raw HTML stays text, images are their alt text. */
function runsOf(tokens: Token[]): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let link: string | undefined;
  for (const token of tokens) {
    if (token.type === 'strong_open') bold++;
    else if (token.type === 'strong_close') bold--;
    else if (token.type === 'em_open') italic++;
    else if (token.type === 'em_close') italic--;
    else if (token.type === 'link_open') {
      const href = String(token.attrGet('href') ?? '').trim();
      link = SAFE_HREF.test(href) ? href : undefined;
    } else if (token.type === 'link_close') link = undefined;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') runs.push({ text: '\n', bold: bold > 0, italic: italic > 0 });
    else if (token.type === 'image') runs.push({ text: token.content || (token.children ?? []).map((child) => child.content).join(''), bold: bold > 0, italic: italic > 0 });
    else if (token.content) runs.push({ text: token.content, bold: bold > 0, italic: italic > 0, link });
  }
  return runs;
}

/** Writes markdown into the document: headings, paragraphs, lists (nested, numbered), quotes, code, rules and tables. */
function writeMarkdown(pdf: PDFKit.PDFDocument, markdown: string, fonts: PdfFonts): void {
  const width = pdf.page.width - 2 * MARGIN;
  const fontOf = (run: { bold: boolean; italic: boolean }) => (run.bold ? (run.italic ? fonts.boldItalic : fonts.bold) : run.italic ? fonts.italic : fonts.regular);
  const lists: { ordered: boolean; next: number }[] = [];
  let quote = 0;
  let heading = 0;
  let pendingBullet: string | null = null;
  let row: string[] | null = null;
  let headerRow = false;

  const writeRuns = (runs: Run[], size: number, forceBold = false) => {
    const indent = MARGIN + lists.length * 16 + quote * 14;
    const lineWidth = width - (indent - MARGIN);
    if (runs.length === 0) runs = [{ text: ' ', bold: false, italic: false }];
    const pieces = pendingBullet ? [{ text: `${pendingBullet} `, bold: false, italic: false } as Run, ...runs] : runs;
    pendingBullet = null;
    pieces.forEach((run, index) => {
      pdf.font(fontOf({ bold: forceBold || run.bold, italic: run.italic })).fontSize(size).fillColor(quote ? MUTED : INK);
      const last = index === pieces.length - 1;
      const options: PDFKit.Mixins.TextOptions = { width: lineWidth, continued: !last, ...(run.link ? { link: run.link, underline: true } : { link: undefined, underline: false }) };
      if (index === 0) pdf.text(run.text, indent, pdf.y, options);
      else pdf.text(run.text, options);
    });
    pdf.fillColor(INK);
  };

  for (const token of parser.parse(markdown, {})) {
    switch (token.type) {
      case 'heading_open':
        heading = Number(token.tag.slice(1));
        pdf.moveDown(0.5);
        break;
      case 'heading_close':
        heading = 0;
        pdf.moveDown(0.2);
        break;
      case 'paragraph_close':
        if (!token.hidden) pdf.moveDown(0.4);
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) || 1 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (lists.length === 0) pdf.moveDown(0.4);
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        pendingBullet = list?.ordered ? `${list.next++}.` : '•';
        break;
      }
      case 'blockquote_open':
        quote++;
        break;
      case 'blockquote_close':
        quote--;
        break;
      case 'hr':
        pdf.moveDown(0.3).moveTo(MARGIN, pdf.y).lineTo(MARGIN + width, pdf.y).strokeColor('#999999').stroke().moveDown(0.6);
        break;
      case 'code_block':
      case 'fence':
        writeRuns([{ text: token.content.replace(/\n$/, ''), bold: false, italic: false }], 9.5);
        pdf.moveDown(0.4);
        break;
      case 'tr_open':
        row = [];
        break;
      case 'thead_open':
        headerRow = true;
        break;
      case 'thead_close':
        headerRow = false;
        break;
      case 'tr_close':
        if (row) writeRuns([{ text: row.join('  |  '), bold: headerRow, italic: false }], 10);
        row = null;
        break;
      case 'table_close':
        pdf.moveDown(0.4);
        break;
      case 'inline': {
        const runs = runsOf(token.children ?? []);
        if (row) row.push(runs.map((run) => run.text).join(''));
        else if (heading) writeRuns(runs, HEADING_SIZES[heading - 1] ?? 11, true);
        else writeRuns(runs, 11);
        break;
      }
      default:
        break;
    }
  }
}

/** The minutes as an A4 PDF: title, the meeting header, the minutes as formatted text, then the appendix. */
export function minutesPdf(input: MinutesPdfInput): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: input.title, Producer: 'Reporting Days', CreationDate: input.producedAt ?? new Date() } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      pdf.font(input.fonts.bold).fontSize(18).text(input.title);
      pdf.moveDown(0.3).font(input.fonts.regular).fontSize(10).fillColor(MUTED);
      for (const line of input.header) pdf.text(line);
      pdf.fillColor(INK).moveDown(0.5);
      pdf.moveTo(MARGIN, pdf.y).lineTo(pdf.page.width - MARGIN, pdf.y).strokeColor('#999999').stroke().moveDown(0.8);
      if (input.body !== null && input.body.trim() !== '') writeMarkdown(pdf, input.body, input.fonts);
      else if (input.bodyNote) pdf.font(input.fonts.italic).fontSize(11).text(input.bodyNote);
      if (input.appendix) {
        pdf.moveDown(0.8);
        writeMarkdown(pdf, input.appendix, input.fonts);
      }
      pdf.end();
    } catch (error) {
      reject(error as Error);
    }
  });
}
