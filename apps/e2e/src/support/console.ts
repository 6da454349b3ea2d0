import { buildConsole, startConsoleServer, type ConsoleRuntimeConfig } from '@rd/devstack';

/** Builds the console from the current sources and serves it on the e2e port. */
export async function startConsoleForTests(options: {
  port: number;
  config: ConsoleRuntimeConfig;
  log: (line: string) => void;
}): Promise<() => Promise<void>> {
  const distDir = await buildConsole(options.log);
  const server = await startConsoleServer({ port: options.port, distDir, config: options.config });
  return () => server.close();
}
