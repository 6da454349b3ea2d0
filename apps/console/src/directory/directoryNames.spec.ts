import { isDirectoryId, nameOrShortId, shortId } from './directoryNames';

const ID = '3f2a9c1e-7b4d-4e2a-9c1e-7b4d4e2a9c1e';

describe(nameOrShortId.name, () => {
  it('should show the name the directory gives for the id', () => {
    expect(nameOrShortId(ID, { id: ID, name: 'Aziz Karimov' })).toBe('Aziz Karimov');
  });

  it('should fall back to the shortened id when the directory does not know the user (disabled, outside scope)', () => {
    expect(nameOrShortId(ID, undefined)).toBe('3f2a9c1e…');
  });

  it('should not take the name of another user, nor an empty name', () => {
    expect(nameOrShortId(ID, { id: 'a0000000-0000-4000-8000-000000000000', name: 'Someone Else' })).toBe('3f2a9c1e…');
    expect(nameOrShortId(ID, { id: ID, name: '  ' })).toBe('3f2a9c1e…');
  });

  it('should show ids that are no user ids (system, a service) as they are', () => {
    expect(nameOrShortId('system', undefined)).toBe('system');
    expect(shortId('service:notifications')).toBe('service:notifications');
  });
});

describe(isDirectoryId.name, () => {
  it('should ask the directory only for Keycloak user ids (uuids), so one odd id cannot fail a batch of names', () => {
    expect(isDirectoryId(ID)).toBe(true);
    expect(isDirectoryId(ID.toUpperCase())).toBe(true);
    for (const odd of ['system', 'service:notifications', '', null, undefined, `${ID}x`]) expect(isDirectoryId(odd)).toBe(false);
  });
});
