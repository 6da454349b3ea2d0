import type { TestInfrastructure } from './test-infrastructure';

export default async function integrationGlobalTeardown(): Promise<void> {
  await (globalThis as { __RD_INFRA__?: TestInfrastructure }).__RD_INFRA__?.stop();
}
