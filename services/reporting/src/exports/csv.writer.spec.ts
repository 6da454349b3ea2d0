import { csvField, defuseFormula, toCsv } from './csv.writer';
import { SUPPRESSED } from './export-table';

describe('toCsv', () => {
  it('should start with a UTF-8 byte-order mark and end every record with CRLF (RFC 4180)', () => {
    const csv = toCsv({ columns: [{ key: 'a', label: 'District' }, { key: 'b', label: 'Held' }], rows: [['Исфара', 3]] });
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe('District,Held\r\nИсфара,3\r\n');
  });

  it('should quote fields with commas, quotes or line breaks and double the quotes', () => {
    expect(csvField('Khoja Alo, Isfara')).toBe('"Khoja Alo, Isfara"');
    expect(csvField('the "new" well')).toBe('"the ""new"" well"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('plain')).toBe('plain');
  });

  it.each([['=HYPERLINK("http://evil","x")'], ['+1+1'], ['-2+3'], ['@SUM(A1)'], ['\t=1'], ['\r=1']])(
    'should prefix a text cell that a spreadsheet would run as a formula: %j',
    (text) => {
      expect(defuseFormula(text)).toBe(`'${text}`);
      expect(csvField(text).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('should keep numbers as numbers (a negative change is not a formula) and empty for null', () => {
    expect(csvField(-0.25)).toBe('-0.25');
    expect(csvField(0)).toBe('0');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('should write suppressed cells as "suppressed", never as a number', () => {
    const csv = toCsv({ columns: [{ key: 'a', label: 'Women' }], rows: [[SUPPRESSED]] }).toString('utf8');
    expect(csv).toBe('\uFEFFWomen\r\nsuppressed\r\n');
  });

  it('should defuse and quote together: a formula with a comma', () => {
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });
});
