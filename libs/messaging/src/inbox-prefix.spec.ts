import { inboxPrefixFor } from './inbox-prefix';

describe(inboxPrefixFor.name, () => {
  it('should give each NATS user its own inbox prefix', () => {
    expect(inboxPrefixFor('gateway')).toBe('_INBOX_gateway');
    expect(inboxPrefixFor('notifications')).toBe('_INBOX_notifications');
  });

  it('should never give the shared default prefix or one under it', () => {
    for (const user of ['gateway', 'communities', 'meetings', 'notifications', 'reporting', 'audit', 'ops']) {
      const prefix = inboxPrefixFor(user);
      expect(prefix).not.toBe('_INBOX');
      expect(prefix.startsWith('_INBOX.')).toBe(false);
    }
  });

  it('should refuse a name that is not a single subject token', () => {
    for (const user of ['', 'a.b', '*', '>', 'Gateway', 'a b', '_INBOX']) {
      expect(() => inboxPrefixFor(user)).toThrow('is not a NATS user name');
    }
  });
});
