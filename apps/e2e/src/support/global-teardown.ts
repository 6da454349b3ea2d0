import { connectTestNats, deleteStreamsWithPrefix, dropDatabase } from '@rd/testing';
import type { E2eGlobals } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const globals = (globalThis as { __RD_E2E__?: E2eGlobals }).__RD_E2E__;
  if (!globals) return;
  await globals.closeConsole().catch(() => undefined);
  await globals.platform.stop();
  for (const name of globals.databases) await dropDatabase(name);
  const nc = await connectTestNats();
  await deleteStreamsWithPrefix(nc, globals.prefix);
  await nc.close();
  await globals.keycloak.stop();
}
