import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { keycloakAuthProvider } from './auth/authProvider';
import { freshToken, startKeycloak } from './auth/keycloak';
import { BootScreen } from './boot/BootScreen';
import { bootMessages } from './boot/bootMessages';
import { keycloakReachable } from './boot/connection';
import { reloadOnStaleChunks } from './boot/staleChunks';
import { loadConfig } from './config';
import { offlineStart } from './field/deviceIdentity';
import type { DeviceIdentity, MeetingPack } from './field/fieldDb';
import { FieldConnection } from './field/FieldConnection';
import { rememberIdentity } from './field/rememberIdentity';
import { createDataProvider } from './data/dataProvider';
import { createFileClient, FileClientContext } from './data/fileClient';
import { createHttpClient } from './data/httpClient';
import { createI18nProvider, initialLocale, type ConsoleLocale } from './i18n/i18nProvider';
import { createImportClient } from './imports/importClient';
import { ImportClientContext } from './imports/ImportClientContext';
import { configureMapTiles } from './map/tileSource';
import { consoleStore } from './store';
import { surveyCodeFromPath } from './survey/surveyRoute';

/** The screen in place of the console when it cannot sign in (offline, or the start failed). */
async function showBootScreen(root: HTMLElement, locale: ConsoleLocale, offline: boolean): Promise<void> {
  const messages = await bootMessages(locale);
  createRoot(root).render(<BootScreen locale={locale} messages={messages} offline={offline} />);
}

// Its own chunk: only an offline start with meetings on the device loads it.
const OfflineFieldApp = lazy(() => import('./field/OfflineFieldApp').then((module) => ({ default: module.OfflineFieldApp })));

/** Offline, for the user who signed in last and took meetings offline here: the field screen, read and queue only. */
async function showFieldApp(root: HTMLElement, locale: ConsoleLocale, apiUrl: string, start: { identity: DeviceIdentity; packs: MeetingPack[] }): Promise<void> {
  const i18n = await createI18nProvider(locale);
  createRoot(root).render(
    <StrictMode>
      <Suspense fallback={null}>
        <OfflineFieldApp identity={start.identity} packs={start.packs} locale={locale} apiUrl={apiUrl} i18n={i18n} />
      </Suspense>
    </StrictMode>,
  );
}

// Config and sign-in come first: react-admin renders only for a signed-in user, with the callback already
// removed from the URL so its hash router starts clean.
async function boot(root: HTMLElement, locale: ConsoleLocale): Promise<void> {
  // Offline the service worker answers /config.json with the last copy it saw (ADR 44).
  const config = await loadConfig();
  configureMapTiles(config.mapTileUrl);
  const store = consoleStore();
  // Offline, keycloak-js would send the tab to a login page that cannot load: say so instead.
  if (!(await keycloakReachable(config))) {
    // The device's own database (ADR 48): the last session's identity and the meetings it took offline.
    const start = await offlineStart().catch(() => null);
    if (start) await showFieldApp(root, locale, config.apiUrl, start);
    else await showBootScreen(root, locale, true);
    return;
  }
  // The console proper is a chunk of its own (ADR 45): fetched while Keycloak signs in, so signing in needs only this boot code.
  const app = Promise.all([import('./App'), createI18nProvider(locale)]);
  app.catch(() => undefined); // awaited below; a failure there reaches boot()'s catch
  const keycloak = await startKeycloak(config, locale);
  rememberIdentity(keycloak);
  const [{ App }, i18nProvider] = await app;
  const http = createHttpClient(() => freshToken(keycloak));
  createRoot(root).render(
    <StrictMode>
      <ImportClientContext.Provider value={createImportClient(config.apiUrl, () => freshToken(keycloak))}>
        <FileClientContext.Provider value={createFileClient(config.apiUrl, () => freshToken(keycloak))}>
          {/* Work queued in a field goes out as soon as its user is signed in again, whatever page is open (ADR 47). */}
          <FieldConnection userId={keycloak.subject ?? ''} apiUrl={config.apiUrl} session={keycloak} signIn={() => void keycloak.login()}>
            <App
              authProvider={keycloakAuthProvider(keycloak)}
              dataProvider={createDataProvider(config.apiUrl, http)}
              i18nProvider={i18nProvider}
              store={store}
            />
          </FieldConnection>
        </FileClientContext.Provider>
      </ImportClientContext.Provider>
    </StrictMode>,
  );
}

// The page that installed the service worker fetched /config.json before the worker controlled it: fetch it again
// once it does, so the runtime config is cached for the first offline start too.
navigator.serviceWorker?.addEventListener('controllerchange', () => {
  fetch('/config.json', { cache: 'no-store' }).catch(() => undefined);
});

// A page's chunk gone after a deploy: start the new build rather than show an error (ADR 45).
reloadOnStaleChunks(window);

const root = document.getElementById('root');
// A resident's survey link (/s/{code}, ADR 46): its own small chunk, no sign-in, no console.
const surveyCode = surveyCodeFromPath(location.pathname);
if (root && surveyCode) {
  void import('./survey/SurveyApp').then(({ mountSurvey }) => mountSurvey(root, surveyCode));
} else if (root) {
  // The language the user chose last in the console (kept by react-admin's store), else the browser's.
  const locale = initialLocale(consoleStore().getItem('locale'));
  boot(root, locale).catch((error: unknown) => {
    // Nothing else can render without config or Keycloak; say so plainly instead of a blank page.
    console.error(error);
    void showBootScreen(root, locale, !navigator.onLine);
  });
}
