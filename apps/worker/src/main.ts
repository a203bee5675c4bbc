import 'reflect-metadata';
import type { WorkerHost } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import { closeOnSignals } from '@ta/common';
import { ConfigError, loadConfig } from '@ta/config';
import { stopRedisReconnects } from '@ta/queue';
import { Logger } from 'nestjs-pino';
import { PROCESSORS, WorkerModule } from './worker.module.js';

/** Below `npm run up`'s 10 s, so the worker says why it ends before anyone kills it. */
const SHUTDOWN_TIMEOUT_MS = 8000;

async function bootstrap(): Promise<void> {
  loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // On SIGTERM/SIGINT close the BullMQ workers first, which wait for the job in hand to finish, and only then the rest
  // (queues, Redis, Postgres): a sweep in hand still queues its emails on the mail queue, which Nest would otherwise
  // close alongside the workers. With Redis gone the connections stop reconnecting, so that fails fast. Bounded by
  // SHUTDOWN_TIMEOUT_MS; a second signal exits at once.
  closeOnSignals(app, logger, {
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
    onStopping: stopRedisReconnects,
    beforeClose: async () => {
      await Promise.all(PROCESSORS.map((processor) => app.get<WorkerHost>(processor).worker.close()));
    },
  });
  logger.log('worker ready');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
