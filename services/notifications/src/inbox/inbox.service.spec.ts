import { textIn } from './inbox.service';

describe('InboxService', () => {
  describe('textIn', () => {
    const variants = {
      en: { title: 'Community onboarded', body: 'en body', language: 'en' as const },
      ru: { title: 'Сообщество', body: 'ru body', language: 'ru' as const },
      tg: { title: 'Сообщество', body: 'ru body', language: 'ru' as const },
      ky: { title: 'Коомчулук', body: 'ky body', language: 'ky' as const },
    };
    const stored = { title: 'Сообщество', body: 'ru body', language: 'ru' as const };

    it('should give the variant asked for, with the language its template really had', () => {
      expect(textIn({ ...stored, variants }, 'en')).toEqual(variants.en);
      expect(textIn({ ...stored, variants }, 'ky')).toEqual(variants.ky);
      expect(textIn({ ...stored, variants }, 'tg')).toEqual({ title: 'Сообщество', body: 'ru body', language: 'ru' });
    });

    it('should fall back to ru, then en, when a variant is missing', () => {
      expect(textIn({ ...stored, variants: { en: variants.en, ru: variants.ru } }, 'ky')).toEqual(variants.ru);
      expect(textIn({ ...stored, variants: { en: variants.en } }, 'tg')).toEqual(variants.en);
    });

    it('should keep the one text of a message stored without variants', () => {
      expect(textIn({ ...stored, variants: null }, 'en')).toEqual(stored);
    });
  });
});
