import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { constants } from 'node:os';

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

export interface ShutdownOptions {
  /** After this long the process exits anyway (code 1), with one log line. */
  timeoutMs: number;
  /** Runs first, when the first signal arrives (e.g. stop Redis reconnects). */
  onStopping?: () => void;
  /** Runs before the app's shutdown hooks, within the bound (e.g. let jobs in hand finish while everything is open). */
  beforeClose?: () => Promise<void>;
}

/**
 * Instead of Nest's enableShutdownHooks(): on SIGTERM, SIGINT or SIGHUP close the app (its shutdown hooks; BullMQ
 * workers finish the job in hand), then end by that signal as Nest does. Bounded: after `timeoutMs` it exits anyway,
 * and a second signal while closing exits at once.
 */
export function closeOnSignals(
  app: INestApplicationContext,
  logger: LoggerService,
  { timeoutMs, onStopping, beforeClose }: ShutdownOptions,
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) {
      logger.warn(`${signal} while stopping: exiting now`);
      process.exit(128 + constants.signals[signal]);
    }
    closing = true;
    logger.log(`${signal}: stopping (at most ${timeoutMs / 1000} s)`);
    onStopping?.();
    const deadline = setTimeout(() => {
      logger.error(`still stopping after ${timeoutMs / 1000} s: exiting anyway`);
      process.exit(1);
    }, timeoutMs);
    Promise.resolve(beforeClose?.())
      .then(() => app.close())
      .then(
        () => {
          clearTimeout(deadline);
          for (const s of SIGNALS) process.removeListener(s, onSignal);
          process.kill(process.pid, signal);
        },
        (error: unknown) => {
          logger.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
