import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createGateway } from './bootstrap';
import { loadConfig } from './config';
import { logFatal } from '@rd/messaging';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createGateway(config);
  await app.listen(config.port, config.host);
  new Logger('Gateway').log(`listening on http://${config.host}:${config.port}/api/v1`);
}

void main().catch((error) => {
  logFatal('gateway', error);
  process.exit(1);
});
