import { isConcernResolved, isOpenAction } from './concern-rules';

describe('concern rules', () => {
  describe('isConcernResolved', () => {
    it('should be resolved when no follow-up is needed and there is no action', () => {
      expect(isConcernResolved(false, [])).toBe(true);
    });

    it('should not be resolved when follow-up is needed and no action exists yet', () => {
      expect(isConcernResolved(true, [])).toBe(false);
    });

    it('should be resolved only when every action is done', () => {
      expect(isConcernResolved(true, ['done', 'done'])).toBe(true);
      expect(isConcernResolved(true, ['done', 'in-progress'])).toBe(false);
      expect(isConcernResolved(true, ['done', 'referred'])).toBe(false);
    });

    it('should leave dropped actions out of the count', () => {
      expect(isConcernResolved(true, ['done', 'dropped'])).toBe(true);
      expect(isConcernResolved(true, ['dropped'])).toBe(false);
      expect(isConcernResolved(false, ['dropped'])).toBe(true);
    });
  });

  it('should count open and in-progress actions as open', () => {
    expect((['open', 'in-progress', 'done', 'referred', 'dropped'] as const).filter(isOpenAction)).toEqual(['open', 'in-progress']);
  });
});
