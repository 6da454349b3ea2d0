import './register-aliases';
import type { KeycloakHandle } from '@rd/devstack';
import type { TestInfrastructure } from '@rd/testing';

export default async function integrationGlobalTeardown(): Promise<void> {
  const globals = (globalThis as { __RD_INTEGRATION__?: { infrastructure: TestInfrastructure; keycloak: KeycloakHandle } }).__RD_INTEGRATION__;
  await globals?.keycloak.stop();
  await globals?.infrastructure.stop();
}
