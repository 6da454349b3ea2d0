import { chooseLocale, LOCALES } from '../i18n/locales';
import { bootMessages } from './bootMessages';

describe('the boot screen language', () => {
  describe(chooseLocale.name, () => {
    it('should take the language the user chose last over the browser', () => {
      expect(chooseLocale('ky', 'ru-RU')).toBe('ky');
    });

    it('should take the browser language when none was chosen or the stored one is not offered', () => {
      expect(chooseLocale(undefined, 'ru-RU')).toBe('ru');
      expect(chooseLocale(null, 'TG')).toBe('tg');
      expect(chooseLocale('uz', 'ky-KG')).toBe('ky');
    });

    it('should fall back to English when neither is offered', () => {
      expect(chooseLocale(undefined, 'de-DE')).toBe('en');
      expect(chooseLocale(undefined, undefined)).toBe('en');
    });
  });

  describe(bootMessages.name, () => {
    it.each(LOCALES.map(({ locale }) => locale))('should say in %s that the console is offline and will sign in, with a retry', async (locale) => {
      const messages = await bootMessages(locale);
      for (const text of Object.values(messages)) expect(text.trim()).not.toBe('');
      if (locale !== 'en') expect(messages.offlineTitle).not.toBe((await bootMessages('en')).offlineTitle);
    });
  });
});
