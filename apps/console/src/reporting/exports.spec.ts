import { downloadable, downloadPath, exportRequest, jobActive, jobSubject, pdfAllowed } from './exports';

describe(exportRequest.name, () => {
  const period = { from: '2026-Q1', to: '2026-Q4' };

  it('should export the summary shown as CSV/XLSX, names in the console language', () => {
    expect(exportRequest('csv', { level: 'country' }, period, 'ru')).toEqual({ format: 'csv', level: 'country', from: '2026-Q1', to: '2026-Q4', language: 'ru' });
    expect(exportRequest('xlsx', { level: 'district', code: 'isfara' }, period, 'de')).toEqual({
      format: 'xlsx',
      level: 'district',
      code: 'isfara',
      from: '2026-Q1',
      to: '2026-Q4',
      language: 'en',
    });
  });

  it('should ask the quarterly PDF for the last quarter of the period, per region or district only', () => {
    expect(exportRequest('pdf', { level: 'region', code: 'sughd' }, period, 'tg')).toEqual({
      format: 'pdf',
      level: 'region',
      code: 'sughd',
      quarter: '2026-Q4',
      trendQuarters: 8,
      language: 'tg',
    });
    expect(pdfAllowed({ level: 'country' })).toBe(false);
    expect(pdfAllowed({ level: 'community', code: 'x' })).toBe(false);
    expect(() => exportRequest('pdf', { level: 'country' }, period, 'en')).toThrow();
  });
});

describe('export jobs', () => {
  it('should poll while queued or running and download only when done', () => {
    expect(jobActive({ status: 'queued' })).toBe(true);
    expect(jobActive({ status: 'running' })).toBe(true);
    expect(jobActive({ status: 'done' })).toBe(false);
    expect(downloadable({ status: 'done', downloadUrl: '/api/v1/report-exports/x/content' })).toBe(true);
    expect(downloadable({ status: 'expired', downloadUrl: null })).toBe(false);
  });

  it('should make the download link relative to the API base', () => {
    expect(downloadPath('/api/v1/report-exports/abc/content')).toBe('report-exports/abc/content');
    expect(downloadPath('http://localhost:3000/api/v1/report-exports/abc/content')).toBe('report-exports/abc/content');
  });

  it('should describe a job', () => {
    expect(jobSubject({ format: 'csv', level: 'district', code: 'isfara', from: '2026-Q1', to: '2026-Q4', language: 'en' })).toBe('district isfara · 2026-Q1 – 2026-Q4');
    expect(jobSubject({ format: 'pdf', level: 'region', code: 'sughd', quarter: '2026-Q3', trendQuarters: 8, language: 'en' })).toBe('region sughd · 2026-Q3');
  });
});
