import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { keycloakAuthProvider } from './auth/authProvider';
import { freshToken, startKeycloak } from './auth/keycloak';
import { loadConfig } from './config';
import { createDataProvider } from './data/dataProvider';
import { createFileClient, FileClientContext } from './data/fileClient';
import { createHttpClient } from './data/httpClient';
import { createI18nProvider, initialLocale } from './i18n/i18nProvider';
import { createImportClient } from './imports/importClient';
import { ImportClientContext } from './imports/ImportClientContext';
import { configureMapTiles } from './map/tileSource';
import { consoleStore } from './store';

// Config and sign-in come first: react-admin renders only for a signed-in user, with the callback already
// removed from the URL so its hash router starts clean.
async function boot(root: HTMLElement): Promise<void> {
  const config = await loadConfig();
  configureMapTiles(config.mapTileUrl);
  const store = consoleStore();
  const locale = initialLocale(store.getItem('locale'));
  const keycloak = await startKeycloak(config, locale);
  const http = createHttpClient(() => freshToken(keycloak));
  createRoot(root).render(
    <StrictMode>
      <ImportClientContext.Provider value={createImportClient(config.apiUrl, () => freshToken(keycloak))}>
        <FileClientContext.Provider value={createFileClient(config.apiUrl, () => freshToken(keycloak))}>
          <App
            authProvider={keycloakAuthProvider(keycloak)}
            dataProvider={createDataProvider(config.apiUrl, http)}
            i18nProvider={createI18nProvider(locale)}
            store={store}
          />
        </FileClientContext.Provider>
      </ImportClientContext.Provider>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) {
  boot(root).catch((error: unknown) => {
    // Nothing else can render without config or Keycloak; say so plainly instead of a blank page.
    console.error(error);
    root.textContent = 'Reporting Days could not start: the configuration or the sign-in service is unavailable.';
  });
}
