import { startTestInfrastructure, type TestInfrastructure } from './test-infrastructure';

/** Jest globalSetup of the integration tier: decides where PostgreSQL and NATS come from, once per run. */
export default async function integrationGlobalSetup(): Promise<void> {
  const infrastructure = await startTestInfrastructure((line) => process.stdout.write(`[integration] ${line}\n`));
  (globalThis as { __RD_INFRA__?: TestInfrastructure }).__RD_INFRA__ = infrastructure;
  process.env['RD_TEST_PG_ADMIN_URL'] = infrastructure.pgAdminUrl;
  process.env['RD_TEST_NATS_URL'] = infrastructure.natsUrl;
}
