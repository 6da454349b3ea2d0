import 'reflect-metadata';
import { createServiceApp, logFatal } from '@rd/messaging';
import { AppModule } from './app.module';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  await createServiceApp(AppModule.forRoot(config), { service: 'audit', natsUrl: config.natsUrl, natsAuth: config.natsAuth, prefix: config.prefix });
}

void main().catch((error) => {
  logFatal('audit', error);
  process.exit(1);
});
