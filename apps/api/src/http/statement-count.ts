import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { statementCounter } from '@ta/database';
import type { FastifyInstance } from 'fastify';

/**
 * COUNT_SQL_STATEMENTS (tests, bench): every request runs in its own counting context, and its answer says how many
 * SQL statements it took in `x-sql-statements` (ARCHITECTURE §Where SQL lives).
 */
export function countingServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Server {
  return createServer((request, response) => statementCounter.run(() => handler(request, response)));
}

export function registerStatementCountHeader(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (_request, reply) => {
    const statements = statementCounter.count();
    if (statements !== undefined) reply.header('x-sql-statements', String(statements));
  });
}
