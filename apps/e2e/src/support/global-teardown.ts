import './register-aliases';
import { connectTestNats, deleteStreamsWithPrefix, dropDatabase } from '@rd/testing';
import type { E2eGlobals } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const globals = (globalThis as { __RD_E2E__?: E2eGlobals }).__RD_E2E__;
  if (!globals) return;
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`[e2e] ${line} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  await globals.closeConsole().catch(() => undefined);
  await globals.platform.stop();
  log('platform stopped');
  for (const name of globals.databases) await dropDatabase(name);
  const nc = await connectTestNats();
  await deleteStreamsWithPrefix(nc, globals.prefix);
  await nc.close();
  log('databases and streams removed');
  await globals.keycloak.stop();
  log(globals.keycloak.startedHere ? 'keycloak stopped' : 'keycloak left running (it was running before the suite)');
}
