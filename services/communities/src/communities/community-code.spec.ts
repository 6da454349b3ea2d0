import { communityCodeFrom } from './community-code';

describe('communityCodeFrom', () => {
  it('should derive a lowercase code from district and name', () => {
    expect(communityCodeFrom('isfara', 'Khoja Alo')).toBe('isfara-khoja-alo');
    expect(communityCodeFrom('batken', 'Ak-Sai ')).toBe('batken-ak-sai');
  });

  it('should fall back to a random tail for names without latin letters', () => {
    expect(communityCodeFrom('isfara', 'Хоҷа Ало', () => 'x1y2z3')).toBe('isfara-x1y2z3');
  });
});
