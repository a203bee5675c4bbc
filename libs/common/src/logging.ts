import type { TransportSingleOptions } from 'pino';

/**
 * In a terminal (`npm run up`, an app started by hand) pino-pretty prints each log record as one readable line;
 * anywhere else (tests, CI, production, a log file) records stay JSON lines for machines.
 */
export function terminalLogTransport(nodeEnv: string): TransportSingleOptions | undefined {
  if (!process.stdout.isTTY || nodeEnv === 'production') return undefined;
  return {
    target: 'pino-pretty',
    options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req,res,responseTime' },
  };
}
