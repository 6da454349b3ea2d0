import { contactCardLanguage } from './contact-card.messages.v1';

describe('contactCardLanguage', () => {
  it('should print the card in the community’s first language the card has, else in Russian', () => {
    expect(contactCardLanguage(['tg', 'ru'])).toBe('tg');
    expect(contactCardLanguage(['uz', 'ky'])).toBe('ky');
    expect(contactCardLanguage(['en'])).toBe('en');
    expect(contactCardLanguage(['uz'])).toBe('ru');
    expect(contactCardLanguage([])).toBe('ru');
  });
});
