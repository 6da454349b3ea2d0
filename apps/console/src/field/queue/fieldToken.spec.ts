import { keycloakFieldToken } from './fieldToken';

describe('keycloakFieldToken', () => {
  it('gives the refreshed token, or null without a session or when the refresh is refused', async () => {
    const updateToken = jest.fn(async () => true);
    expect(await keycloakFieldToken({ authenticated: true, token: 'tok', updateToken })()).toBe('tok');
    expect(updateToken).toHaveBeenCalledWith(30);
    expect(await keycloakFieldToken(null)()).toBeNull();
    expect(await keycloakFieldToken({ authenticated: false, token: undefined, updateToken })()).toBeNull();
    const refused = jest.fn(async () => {
      throw new Error('refresh failed');
    });
    expect(await keycloakFieldToken({ authenticated: true, token: 'old', updateToken: refused })()).toBeNull();
  });
});
