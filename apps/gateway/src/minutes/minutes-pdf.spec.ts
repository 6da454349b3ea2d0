import { pdfText as textOf } from '@rd/testing';
import { concernAppendix } from './minutes-pdf.controller';
import { locateMinutesFonts, minutesPdf } from './minutes-pdf';

const fonts = locateMinutesFonts();
const BODY = [
  '# Протокол дня отчётности',
  '',
  'Жители **Ходжа Ало** спросили о воде.',
  '',
  '- Тоҷикӣ: ғ ӣ қ ӯ ҳ ҷ — масъалаи об',
  '- Кыргызча: ң ө ү — суу маселеси',
  '',
  '1. Первый пункт',
  '2. Второй пункт',
  '',
  '<script>alert(1)</script> [click](javascript:alert(1)) ![pixel](https://tracker.example/p.gif)',
].join('\n');

describe('minutes PDF', () => {
  it('should give back the minutes text, Cyrillic with the Tajik and Kyrgyz letters, from an embedded TrueType font', async () => {
    const pdf = await minutesPdf({ title: 'Reporting day in Khoja Alo', header: ['Сообщества: Ходжа Ало', 'Участников: 24'], body: BODY, fonts, appendix: '## Вопросы по темам\n\n- Вода и орошение: 2' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('/Helvetica');
    const text = textOf(pdf);
    for (const line of ['Reporting day in Khoja Alo', 'Сообщества: Ходжа Ало', 'Участников: 24', 'Протокол дня отчётности', 'Ходжа Ало', 'Тоҷикӣ: ғ ӣ қ ӯ ҳ ҷ — масъалаи об', 'Кыргызча: ң ө ү — суу маселеси', 'Первый пункт', 'Вопросы по темам', 'Вода и орошение: 2']) {
      expect(text).toContain(line);
    }
    // Numbered and bulleted items keep their marks; the bold run is its own piece in the bold font.
    expect(text).toMatch(/1\.\s*Первый пункт|1\. /);
  });

  it('should write raw HTML as text and make no link to javascript: or load a remote image', async () => {
    const pdf = await minutesPdf({ title: 'Minutes', header: [], body: BODY, fonts });
    const raw = pdf.toString('latin1');
    expect(raw).not.toMatch(/\/URI\s*\(javascript/i);
    expect(raw).not.toContain('tracker.example');
    expect(raw).not.toMatch(/\/JavaScript|\/JS\s/);
    expect(textOf(pdf)).toContain('<script>alert(1)</script>');
    expect(textOf(pdf)).toContain('pixel');
  });

  it('should make safe links clickable', async () => {
    const pdf = await minutesPdf({ title: 'Minutes', header: [], body: 'See [the district](https://isfara.example/minutes).', fonts });
    expect(pdf.toString('latin1')).toContain('/URI (https://isfara.example/minutes)');
  });

  it('should say why when the text is withheld from the reader', async () => {
    const pdf = await minutesPdf({ title: 'Minutes', header: [], body: null, bodyNote: 'Текст скрыт от вас', fonts });
    expect(textOf(pdf)).toContain('Текст скрыт от вас');
  });

  it('should refuse without a font that has Cyrillic, saying what to install', () => {
    expect(() => locateMinutesFonts('/nonexistent')).toThrow(/fonts-dejavu-core/);
  });
});

describe('the concern section of the minutes PDF', () => {
  const section = (confidential: number) => ({
    total: 3 + confidential,
    bySensitivity: { public: 2, restricted: 1, confidential },
    byTopic: [
      { topic: 'road-safety' as const, counts: { public: 2, restricted: 0, confidential: 0 }, publicItems: [{ text: 'No light on the school road', answer: 'Lamps by March' }] },
      { topic: 'border-guards' as const, counts: { public: 0, restricted: 1, confidential: 0 }, publicItems: [] },
      { topic: 'domestic-violence' as const, counts: { public: 0, restricted: 0, confidential }, publicItems: [] },
    ],
  });

  it('should name topics in the asked language with the counts of the reader’s view, and the public text with its answer', () => {
    const text = concernAppendix(section(0), 'ru')!;
    expect(text).toContain('## Вопросы по темам');
    expect(text).toContain('**Безопасность дорожного движения**: открытые: 2');
    expect(text).toContain('**Пограничники**: ограниченные: 1');
    expect(text).toContain('No light on the school road');
    expect(text).toContain('Ответ: Lamps by March');
    // A topic whose counts the reader's view left at 0 (a confidential one for anyone but the coordinator) is not named.
    expect(text).not.toContain('Домашнее насилие');
    expect(text).not.toContain('конфиденциальные');
    expect(text).not.toMatch(/road-safety|border-guards|domestic-violence/);
  });

  it('should leave the section out when the reader may read nothing of it', () => {
    expect(concernAppendix({ total: 1, bySensitivity: { public: 0, restricted: 0, confidential: 1 }, byTopic: [] }, 'en')).toBeUndefined();
  });
});
