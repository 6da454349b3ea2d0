import { localStorageStore, type Store } from 'react-admin';

/**
 * react-admin's localStorage store, except that signing out keeps the chosen language: tablets are shared in
 * police stations and community halls, and the next person most likely reads the same language.
 */
export function consoleStore(): Store {
  const store = localStorageStore('1', 'RdConsole');
  return {
    ...store,
    reset() {
      const locale: unknown = store.getItem('locale');
      store.reset();
      if (locale !== undefined) store.setItem('locale', locale);
    },
  };
}
