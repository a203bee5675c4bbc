import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';

/** The levels at which request lines (written at info) are printed. */
const REQUEST_LINES_AT: readonly string[] = ['info', 'debug', 'trace'];

/**
 * What nestjs-pino's pino-http middleware did, as two Fastify hooks (app.module.ts mounts no middleware). The
 * middleware made, for every request, a child logger with the whole request serialized and redacted (pino serializes
 * a child's bindings when it is made), whether anything was logged or not, and ran behind @fastify/middie:
 * ~0.08 ms of CPU per request, 1.4% of the API under list load (bench/README.md "Case list"). Here a request's
 * context logger carries its id, method and URL only, so a warning or error logged while it is handled still says
 * which request it was; the one request line per request (at info, never for /health) carries the request and
 * response in full, redacted by the logger's own `redact` paths.
 */
export function registerRequestLogging(fastify: FastifyInstance, logger: PinoLogger, level: string): void {
  // Nest's guards, pipes, handlers and filters run inside the hooks' callbacks, so inside this context.
  fastify.addHook('onRequest', (request, _reply, done) => {
    logger.runInContext(done, { bindings: { reqId: request.id, method: request.method, url: request.url } });
  });
  if (!REQUEST_LINES_AT.includes(level)) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    if (request.url !== '/health') {
      const responseTime = Math.round(reply.elapsedTime);
      PinoLogger.root.info(
        { reqId: request.id, req: request.raw, res: reply.raw, responseTime },
        `${request.method} ${request.url} ${reply.statusCode} ${responseTime} ms`,
      );
    }
    done();
  });
}
