import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { closeOnSignals } from '@ta/common';
import { ConfigError, loadConfig, trustProxySetting } from '@ta/config';
import { stopRedisReconnects } from '@ta/queue';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';
import { countingServer } from './http/statement-count.js';

/** Below `npm run up`'s 10 s, so the API says why it ends before anyone kills it. */
const SHUTDOWN_TIMEOUT_MS = 8000;

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({
      bodyLimit: 1024 * 1024,
      trustProxy: trustProxySetting(config.TRUST_PROXY),
      ...(config.COUNT_SQL_STATEMENTS ? { serverFactory: countingServer } : {}),
    }),
    {
      bufferLogs: true,
    },
  );
  await configureApp(app);
  closeOnSignals(app, app.get(Logger), { timeoutMs: SHUTDOWN_TIMEOUT_MS, onStopping: stopRedisReconnects });
  await app.listen(config.PORT, '0.0.0.0');
}

bootstrap().catch((error: unknown) => {
  // A bad setting is one clear line, not a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
