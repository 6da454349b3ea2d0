import { execFile } from 'node:child_process';

export interface TestInfrastructure {
  /** Where it runs: containers started for this run, or the machine's own services. */
  kind: 'containers' | 'local';
  pgAdminUrl: string;
  natsUrl: string;
  stop(): Promise<void>;
}

/** True when a Docker engine answers (the CLI alone is not enough). */
export function dockerEngineReachable(timeoutMs = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: timeoutMs }, (error, stdout) => {
      resolve(!error && stdout.trim().length > 0);
    });
  });
}

/**
 * PostgreSQL and NATS for one test run: testcontainers when a Docker engine is reachable, otherwise the
 * local services (suites then isolate themselves with their own database and subject prefix).
 */
export async function startTestInfrastructure(log: (line: string) => void = console.log): Promise<TestInfrastructure> {
  if (!(await dockerEngineReachable())) {
    log('no Docker engine reachable: integration tests use the local PostgreSQL and NATS, isolated per suite');
    return {
      kind: 'local',
       
      pgAdminUrl: process.env['RD_TEST_PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
       
      natsUrl: process.env['RD_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222',
      stop: async () => undefined,
    };
  }
  const { GenericContainer, Wait } = await import('testcontainers');
  log('Docker engine reachable: starting PostgreSQL and NATS containers for this run');
  const postgres = await new GenericContainer('postgres:16')
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  const nats = await new GenericContainer('nats:2.10')
    .withCommand(['-js'])
    .withExposedPorts(4222)
    .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
    .start();
  return {
    kind: 'containers',
    pgAdminUrl: `postgres://postgres@${postgres.getHost()}:${postgres.getMappedPort(5432)}/postgres`,
    natsUrl: `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`,
    stop: async () => {
      await Promise.all([postgres.stop(), nats.stop()]);
    },
  };
}
