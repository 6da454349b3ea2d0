import './register-aliases';
import { ensureKeycloak, type KeycloakHandle } from '@rd/devstack';
import { startTestInfrastructure, type TestInfrastructure } from '@rd/testing';

interface IntegrationGlobals {
  infrastructure: TestInfrastructure;
  keycloak: KeycloakHandle;
}

/**
 * Jest globalSetup of the integration tier, once per run: decides where PostgreSQL and NATS come from, and
 * starts Keycloak (or reuses a running one) with the code `npm start` uses, so suites that need tokens
 * reuse it instead of each starting their own.
 */
export default async function integrationGlobalSetup(): Promise<void> {
  const log = (line: string) => process.stdout.write(`[integration] ${line}\n`);
  const infrastructure = await startTestInfrastructure(log);
  process.env['RD_TEST_PG_ADMIN_URL'] = infrastructure.pgAdminUrl;
  process.env['RD_TEST_NATS_URL'] = infrastructure.natsUrl;
  const keycloak = await ensureKeycloak({ log });
  (globalThis as { __RD_INTEGRATION__?: IntegrationGlobals }).__RD_INTEGRATION__ = { infrastructure, keycloak };
}
