import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ErrorBody } from './http-exception.filter.js';

/**
 * Deeper than any body the API takes (a consultation's action items sit 3 levels down). Deeper JSON only costs stack:
 * class-transformer and class-validator recurse per level, and thousands of levels overflow it (a 500).
 */
export const MAX_INPUT_DEPTH = 16;

/**
 * A NUL or a UTF-16 surrogate outside a pair (with the `u` flag a valid pair is one code point, so only lone halves
 * match). PostgreSQL stores neither (text refuses NUL, jsonb refuses both), and validator.js's email check throws on
 * lone surrogates; no person types them.
 */
const UNSTORABLE = /[\0\ud800-\udfff]/u;

/**
 * Keys that reach for an object's prototype when class-transformer copies them onto a DTO (and class-validator finds
 * a DTO's rules through `constructor`). No field of the API has these names.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Problem {
  field: string;
  message: string;
}

/** The first string or key that cannot be stored, or the first value nested too deep, with its dotted path. */
function findProblem(value: unknown, path: string, depth: number): Problem | undefined {
  if (typeof value === 'string') {
    return UNSTORABLE.test(value) ? { field: path, message: 'must not contain NUL characters or lone UTF-16 surrogates' } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= MAX_INPUT_DEPTH) return { field: path, message: `must not be nested more than ${MAX_INPUT_DEPTH} levels deep` };
  for (const [key, child] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) {
      return { field: path, message: 'must not have field names with NUL characters or lone UTF-16 surrogates' };
    }
    const childPath = path ? `${path}.${key}` : key;
    if (RESERVED_KEYS.has(key)) return { field: childPath, message: 'is a reserved name' };
    const found = findProblem(child, childPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * One walk over path parameters, query and JSON body of every request before Nest's guards and pipes see them,
 * so no DTO needs its own check: a 400 in the ValidationPipe's shape naming the field.
 */
export function rejectHostileInput(app: NestFastifyApplication): void {
  // Fastify's own parser refuses `__proto__` and `constructor.prototype` keys as "not valid JSON", naming nothing.
  // JSON.parse keeps such a key as a plain own property (no prototype is touched), so the walk can name the field.
  app.useBodyParser<Server>('application/json', undefined, (_request, body, done) => {
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch {
      done(Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', async (request, reply) => {
      const problem = findProblem(request.params, '', 0) ?? findProblem(request.query, '', 0) ?? findProblem(request.body, '', 0);
      if (!problem) return;
      const field = problem.field || '(body)';
      const body: ErrorBody = {
        statusCode: 400,
        error: 'Bad Request',
        message: `Validation failed: ${field}: ${problem.message}`,
        details: [{ field, messages: [problem.message] }],
      };
      return reply.code(400).send(body);
    });
}
