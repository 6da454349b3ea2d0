import { Admin, CustomRoutes, Resource, type AuthProvider, type DataProvider, type I18nProvider, type Store } from 'react-admin';
import actions from './actions';
import audit from './audit';
import communities from './communities';
import concerns from './concerns';
import communityImports from './imports';
import contacts from './contacts';
import districts from './districts';
import { pastReportingDayImports, pastReportingDays } from './history';
import { Layout } from './layout/Layout';
import { Suspense } from 'react';
import { Route } from 'react-router-dom';
import briefings from './briefings';
import meetings from './meetings';
import * as notifications from './notifications';
import communitiesMap from './map';
import organisations from './organisations';
import regions from './regions';
import reporting from './reporting';
import templates from './templates';
import { consoleTheme } from './theme';
import users from './users';
import { userDisplayName } from './users/userInput';
import { lazyPage } from './lazyPage';

// Pages are chunks of their own, fetched when first shown (ADR 45); so are the resources' pages (see their index files).
const Dashboard = lazyPage(() => import('./dashboard/Dashboard'), 'Dashboard');
const CalendarFeedPage = lazyPage(() => import('./calendar/CalendarFeedPage'), 'CalendarFeedPage');

export interface AppProps {
  authProvider: AuthProvider;
  dataProvider: DataProvider;
  i18nProvider: I18nProvider;
  store: Store;
}

// The field screen (#/field) is its own chunk, like the offline start that shares it.
const FieldRoute = lazyPage(() => import('./field/FieldRoute'), 'FieldRoute');

// An erased contact keeps its id but has no name left.
const contactRepresentation = (record: { name?: string }) => record.name || '—';

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
    <Resource name="community-imports" {...communityImports} />
    <Resource name="communities-map" {...communitiesMap} />
    <Resource name="regions" {...regions} recordRepresentation="code" />
    <Resource name="districts" {...districts} recordRepresentation="code" />
    <Resource name="organisations" {...organisations} recordRepresentation="name" />
    <Resource name="contacts" {...contacts} recordRepresentation={contactRepresentation} />
    <Resource name="meetings" {...meetings} recordRepresentation="title" />
    <Resource name="concerns" {...concerns} />
    <Resource name="actions" {...actions} />
    <Resource name="past-reporting-days" {...pastReportingDays} />
    <Resource name="past-reporting-day-imports" {...pastReportingDayImports} />
    <Resource name="templates" {...templates} recordRepresentation="name" />
    <Resource name="briefings" {...briefings} recordRepresentation={(record) => String(record.title?.en ?? record.id)} />
    <Resource name="officer-assignments" />
    <Resource name="audit" {...audit} />
    <Resource name="users" {...users} recordRepresentation={userDisplayName} />
    <Resource name="directory" recordRepresentation="name" />
    <Resource name="reporting" {...reporting} />
    <Resource name="report-exports" />
    <Resource name="notifications/inbox" {...notifications.inbox} />
    <Resource name="notifications/deliveries" {...notifications.deliveries} />
    <Resource name="notifications/templates" {...notifications.templates} />
    <Resource name="notifications/settings" {...notifications.settings} />
    <CustomRoutes>
      <Route path="/calendar-feed" element={<CalendarFeedPage />} />
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route
        path="/field"
        element={
          // Outside react-admin's layout, so its own Suspense while the chunk arrives.
          <Suspense fallback={null}>
            <FieldRoute />
          </Suspense>
        }
      />
    </CustomRoutes>
  </Admin>
);
