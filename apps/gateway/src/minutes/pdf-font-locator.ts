import { ProblemError } from '../problem/problem';
import { locateMinutesFonts, type PdfFonts } from './minutes-pdf';

/**
 * The fonts of the gateway's PDFs (the minutes, the contact card), found once and kept; a missing font is a 503
 * with the reason rather than a PDF printed blank.
 */
export class PdfFontLocator {
  private fonts: PdfFonts | null = null;

  constructor(private readonly fontDir: string | undefined) {}

  locate(): PdfFonts {
    try {
      this.fonts ??= locateMinutesFonts(this.fontDir);
      return this.fonts;
    } catch (error) {
      throw new ProblemError('service.unavailable', (error as Error).message);
    }
  }
}
