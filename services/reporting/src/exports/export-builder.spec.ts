import { quartersBetween, type Actor, type ReportExportRequest, type ReportScopeInput, type ReportUnit } from '@rd/contracts';
import { Workbook } from 'exceljs';
import { reportSummary, reportTimeSeries } from '../../test/factories/report-measures.factory';
import { extractPdfText } from '../../test/support/pdf-text';
import { ExportBuilder, type BuildContext } from './export-builder';
import { locatePdfFonts } from './pdf/fonts';
import type { ReportSource } from './report-source';

const actor: Actor = { userId: 'u1', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };
const isfara: ReportUnit = { level: 'district', code: 'isfara', regionCode: 'sughd', districtCode: 'isfara' };
const communities: ReportUnit[] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'].map((code) => ({
  level: 'community',
  code,
  regionCode: 'sughd',
  districtCode: 'isfara',
}));
const labels = { isfara: 'Исфара', sughd: 'Согд', [communities[0].code as string]: 'Ворух', [communities[1].code as string]: '=HYPERLINK("x")' };

function setup() {
  const calls: { kind: string; actor: Actor; input: ReportScopeInput }[] = [];
  const source: ReportSource = {
    summary: async (a, input) => {
      calls.push({ kind: 'summary', actor: a, input });
      return reportSummary(isfara, input.from, input.to ?? input.from, communities);
    },
    timeSeries: async (a, input) => {
      calls.push({ kind: 'timeSeries', actor: a, input });
      return reportTimeSeries(isfara, quartersBetween(input.from, input.to ?? input.from));
    },
  };
  const progress: number[] = [];
  const context: BuildContext = { actor, labels, now: new Date('2026-11-24T18:00:00Z'), progress: async (done) => void progress.push(done) };
  const sut = new ExportBuilder(source, { fonts: () => locatePdfFonts(), throttleMs: 0, compressPdf: false });
  return { sut, calls, progress, context };
}

describe(ExportBuilder.name, () => {
  it('should ask every summary with the requester actor and suppression forced on, reporting progress per step', async () => {
    const { sut, calls, progress, context } = setup();
    const request: ReportExportRequest = { format: 'csv', level: 'district', code: 'isfara', from: '2026-Q1', to: '2026-Q3', language: 'ru' };
    await sut.build(request, context);
    expect(calls.map((c) => [c.input.from, c.input.to])).toEqual([
      ['2026-Q1', '2026-Q1'],
      ['2026-Q2', '2026-Q2'],
      ['2026-Q3', '2026-Q3'],
      ['2026-Q1', '2026-Q3'],
    ]);
    expect(calls.every((c) => c.actor === actor && c.input.suppress === true)).toBe(true);
    expect(progress).toEqual([0.2, 0.4, 0.6, 0.8]);
  });

  it('should write a CSV row per quarter and period for the unit and each community, with names, suppressed cells and defused formulas', async () => {
    const { sut, context } = setup();
    const file = await sut.build({ format: 'csv', level: 'district', code: 'isfara', from: '2026-Q1', to: '2026-Q2', language: 'ru' }, context);
    expect(file).toMatchObject({ fileName: 'report-district-isfara-2026-Q1_2026-Q2.csv', contentType: 'text/csv; charset=utf-8' });
    const lines = file.content.toString('utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + 3 * 3);
    expect(lines[1]).toMatch(/^2026-Q1,district,isfara,Исфара,Согд,Исфара,10,/);
    expect(lines[2]).toContain(',community,11111111-1111-4111-8111-111111111111,Ворух,Согд,Исфара,');
    expect(lines[3]).toContain(`,"'=HYPERLINK(""x"")",`);
    const header = lines[0].split(',');
    const row = lines[1].split(',');
    expect(row[header.indexOf('Other')]).toBe('suppressed');
    expect(row[header.indexOf('Domestic violence')]).toBe('suppressed');
    expect(row[header.indexOf('Trust change')]).toBe('-0.2');
  });

  it('should write an XLSX sheet per theme whose cells read back as the summary', async () => {
    const { sut, context } = setup();
    const file = await sut.build({ format: 'xlsx', level: 'district', code: 'isfara', from: '2026-Q1', language: 'en' }, context);
    const workbook = new Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const attendance = workbook.getWorksheet('Attendance');
    const header = (attendance?.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual(['Period', 'Level', 'Code', 'Name', 'Region', 'District', 'Meetings with attendance', 'Attendees']);
    const row = attendance?.getRow(2);
    expect(row?.getCell(4).value).toBe('Исфара');
    expect(row?.getCell(8).value).toBe(412);
    expect(row?.getCell(header.indexOf('Other') + 1).value).toBe('suppressed');
    expect(row?.getCell(header.indexOf('Women share') + 1).value).toBeCloseTo(0.41);
    expect(workbook.getWorksheet('About')?.getCell('A3').value).toMatch(/no concern text/);
  });

  it('should render the quarterly PDF with the district name, every section, the trend quarters and suppressed cells', async () => {
    const { sut, calls, context } = setup();
    const file = await sut.build({ format: 'pdf', level: 'district', code: 'isfara', quarter: '2026-Q3', trendQuarters: 4, language: 'ru' }, context);
    expect(file.fileName).toBe('quarterly-report-district-isfara-2026-Q3.pdf');
    expect(calls.find((c) => c.kind === 'timeSeries')?.input).toMatchObject({ from: '2025-Q4', to: '2026-Q3', suppress: true });
    const text = extractPdfText(file.content).join('\n');
    for (const expected of ['Исфара district, Согд region', '2026 Q3', 'Reporting rate per community', 'Attendees by gender', 'Concerns by topic', 'Trust trend', 'Average scores (1–5) over quarters', '2025-Q4', 'Ворух', 'suppressed', 'Trust in police (1–5), -0.20 on', 'Hand-over', 'Who organised the meetings held', 'Sensitivity (counts only)', 'Confidential']) {
      expect(text).toContain(expected);
    }
  });
});
