/** What reportRedisErrors needs of a logger (Nest's Logger has it). */
export interface RedisErrorLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, stack?: string): void;
}

interface Emitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}
interface ReadyEmitter {
  on(event: 'ready', listener: () => void): unknown;
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** An error that only says the connection to Redis is (still) gone. */
export function isRedisConnectionError(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return (
    (code !== undefined && CONNECTION_ERROR_CODES.has(code)) ||
    /Connection is closed|Stream isn't writeable|reconnect attempts|ECONNREFUSED/.test(error.message)
  );
}

/**
 * Listens to `source`'s errors (a BullMQ Queue or Worker, an ioredis client): a lost connection is one warning until
 * `ready` reports it back (ioredis emits an error on every reconnect attempt), any other error one line with its stack.
 * Without a listener BullMQ and ioredis print every one of those errors with its stack trace.
 */
export function reportRedisErrors(name: string, source: Emitter, ready: ReadyEmitter, logger: RedisErrorLogger): void {
  let lost = false;
  source.on('error', (error: Error) => {
    if (!isRedisConnectionError(error)) {
      logger.error(`${name}: ${error.message}`, error.stack);
      return;
    }
    if (lost) return;
    lost = true;
    logger.warn(`Redis connection lost (${name}): ${error.message}; reconnecting`);
  });
  ready.on('ready', () => {
    if (!lost) return;
    lost = false;
    logger.log(`Redis connection back (${name})`);
  });
}
