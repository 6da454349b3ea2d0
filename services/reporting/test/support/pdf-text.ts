import { pdfTextLines } from '@rd/testing';

/** The text lines of a PDF that pdfkit wrote with `compress: false` (see `pdfTextLines` in @rd/testing). */
export function extractPdfText(pdf: Buffer): string[] {
  return pdfTextLines(pdf.toString('latin1'));
}
