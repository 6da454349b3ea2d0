import { Admin, Resource, type AuthProvider, type DataProvider, type I18nProvider, type Store } from 'react-admin';
import communities from './communities';
import { Dashboard } from './dashboard/Dashboard';
import districts from './districts';
import { Layout } from './layout/Layout';
import { consoleTheme } from './theme';

export interface AppProps {
  authProvider: AuthProvider;
  dataProvider: DataProvider;
  i18nProvider: I18nProvider;
  store: Store;
}

// Menu entries, pages and buttons follow authProvider.canAccess, so a regional reviewer sees districts and their
// reports but no communities and no create button.
export const App = ({ authProvider, dataProvider, i18nProvider, store }: AppProps) => (
  <Admin
    disableTelemetry
    requireAuth
    title="Reporting Days"
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    store={store}
    theme={consoleTheme}
    layout={Layout}
    dashboard={Dashboard}
  >
    <Resource name="communities" {...communities} recordRepresentation="name" />
    <Resource name="districts" {...districts} recordRepresentation="code" />
  </Admin>
);
