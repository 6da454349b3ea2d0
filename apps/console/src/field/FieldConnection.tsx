import { createContext, useContext, type ReactNode } from 'react';
import { keycloakFieldToken } from './queue/fieldToken';
import { FieldSyncProvider } from './queue/FieldSync';
import { createFetchSend } from './queue/fetchSend';

type Session = Parameters<typeof keycloakFieldToken>[0];

/** How the field screen signs in again: a reload through Keycloak offline, keycloak-js's login online. */
const SignInContext = createContext<() => void>(() => window.location.reload());

export const useFieldSignIn = () => useContext(SignInContext);

/**
 * Sends the device's queue for `userId` through the gateway (ADR 47) wherever the console runs: around the whole
 * console once signed in, so work queued in a field goes out as soon as the user is back, and around the field screen
 * at an offline start, where `session` is null and the queue waits for a sign-in.
 */
export const FieldConnection = ({ userId, apiUrl, session, signIn, children }: { userId: string; apiUrl: string; session: Session; signIn: () => void; children: ReactNode }) => (
  <SignInContext.Provider value={signIn}>
    <FieldSyncProvider userId={userId} send={createFetchSend(apiUrl)} token={keycloakFieldToken(session)}>
      {children}
    </FieldSyncProvider>
  </SignInContext.Provider>
);
