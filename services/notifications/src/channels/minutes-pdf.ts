import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** A TrueType font with Cyrillic; PDFKit's built-in Helvetica has none. Debian/Ubuntu: fonts-dejavu-core. */
const FONT_CANDIDATES = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans.ttf'];
const FONT = FONT_CANDIDATES.find((path) => existsSync(path));

export interface MinutesDocument {
  title: string;
  subtitle: string;
  body: string;
}

/** The approved minutes as a PDF: title, meeting line, then the markdown body as text (headings bold-sized). */
export function minutesPdf(doc: MinutesDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: doc.title, Producer: 'Reporting Days' } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    if (FONT) pdf.font(FONT);
    pdf.fontSize(16).text(doc.title);
    pdf.moveDown(0.3).fontSize(10).fillColor('#555555').text(doc.subtitle).fillColor('#000000');
    pdf.moveDown();
    for (const line of doc.body.split(/\r?\n/)) {
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (heading) pdf.moveDown(0.4).fontSize(Math.max(11, 16 - heading[1].length)).text(heading[2].replace(/\*\*/g, ''));
      else pdf.fontSize(11).text(line.replace(/\*\*/g, '').replace(/^\s*[-*]\s+/, '• ') || ' ');
    }
    pdf.end();
  });
}
