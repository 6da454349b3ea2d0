import { extractPdfText } from '../../../test/support/pdf-text';
import { SUPPRESSED } from '../export-table';
import { locatePdfFonts } from './fonts';
import type { ReportDocument } from './report-document';
import { renderReportPdf } from './report.pdf';

const report: ReportDocument = {
  title: 'Quarterly report on reporting days',
  area: 'Исфара district, Sughd region',
  period: '2026 Q3',
  generatedAt: new Date('2026-10-02T08:00:00Z'),
  requestedBy: 'coordinator',
  keyFigures: [
    { label: 'Reporting rate', value: '83.3%' },
    { label: 'Attendees', value: '412' },
  ],
  notes: ['Cells built from fewer than 5 people are suppressed.'],
  sections: [
    {
      title: 'Reporting rate',
      charts: [
        {
          caption: 'Reporting rate per community',
          chart: {
            kind: 'bars',
            format: 'share',
            max: 1,
            bars: [
              { label: 'Ворух', value: 1 },
              { label: 'Ҳоҷа Аъло', value: 0.5 },
              { label: 'Сомониён', value: null, suppressed: true },
            ],
          },
        },
      ],
      table: {
        title: 'Reporting rate',
        columns: [
          { key: 'name', label: 'Community' },
          { key: 'rate', label: 'Rate', kind: 'share' },
        ],
        rows: [
          ['Ворух', 1],
          ['Сомониён', SUPPRESSED],
        ],
      },
    },
    {
      title: 'Trust trend',
      charts: [
        {
          caption: 'Trust over quarters',
          chart: { kind: 'line', labels: ['2026 Q1', '2026 Q2', '2026 Q3'], min: 1, max: 5, format: 'decimal', series: [{ name: 'Trust in police', values: [3.1, null, 3.8] }] },
        },
      ],
    },
  ],
};

describe('renderReportPdf', () => {
  const fonts = locatePdfFonts();

  it('should write a PDF whose text holds the area (in Cyrillic), the section titles and "suppressed"', async () => {
    const pdf = await renderReportPdf(report, { fonts, compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf).join('\n');
    expect(text).toContain('Исфара district, Sughd region');
    expect(text).toContain('Reporting rate per community');
    expect(text).toContain('Trust trend');
    expect(text).toContain('Ҳоҷа Аъло');
    expect(text).toContain('suppressed');
    expect(text).toContain('83.3%');
    expect(text).toMatch(/page 1 of \d/);
  });

  it('should embed a TrueType font (built-in PDF fonts have no Cyrillic) and compress by default', async () => {
    const pdf = await renderReportPdf(report, { fonts });
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('/FlateDecode');
    expect(raw).not.toContain('/Helvetica');
  });
});
