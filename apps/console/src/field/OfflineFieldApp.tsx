import CssBaseline from '@mui/material/CssBaseline';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import { useEffect, useMemo } from 'react';
import { I18nContextProvider, type I18nProvider } from 'react-admin';
import type { ConsoleLocale } from '../i18n/i18nProvider';
import { consoleTheme } from '../theme';
import { FieldApp } from './FieldApp';
import { FieldConnection } from './FieldConnection';
import type { DeviceIdentity, MeetingPack } from './fieldDb';

// Signing in goes through Keycloak again: main.tsx starts the normal console once Keycloak answers.
const signIn = () => window.location.reload();

/**
 * The field screen at an offline start (main.tsx, Keycloak unreachable): react-admin is not running, so the theme and
 * the messages are set up here. The console's theme and message files, so it reads like the console.
 */
export const OfflineFieldApp = ({ identity, packs, locale, apiUrl, i18n }: { identity: DeviceIdentity; packs: MeetingPack[]; locale: ConsoleLocale; apiUrl: string; i18n: I18nProvider }) => {
  const theme = useMemo(() => createTheme(consoleTheme), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {/* The hold forms and the indicator use react-admin's translate hook; no Keycloak session yet, so the queue waits. */}
      <I18nContextProvider value={i18n}>
        <FieldConnection userId={identity.userId} apiUrl={apiUrl} session={null} signIn={signIn}>
          <FieldApp identity={identity} packs={packs} locale={locale} translate={i18n.translate} mode="offline" onLeave={signIn} />
        </FieldConnection>
      </I18nContextProvider>
    </ThemeProvider>
  );
};
