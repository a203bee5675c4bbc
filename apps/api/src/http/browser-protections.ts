import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { requestCredentials } from '@ta/users';
import type { ErrorBody } from './http-exception.filter.js';

/**
 * What keeps another site from acting for a signed-in user, and browsers from keeping what they should not
 * (README "Security"). Registered once in configure-app.ts, for every route, the web app's and Bull Board's included.
 */

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const API_PATH = /^\/api\/v1(\/|\?|$)/;
const DOCS_PATH = /^\/api\/docs(\/|\?|$)/;
/**
 * The only API routes that take multipart/form-data (file uploads, libs/attachments readMultipartFiles). A form can
 * send multipart without a preflight, so these still need the Origin / Sec-Fetch-Site check below for cookie sign-ins.
 */
const MULTIPART_PATHS = [
  /^\/api\/v1\/cases\/[^/?]+\/attachments(\?|$)/,
  // The requester's "Add information" on their status page (libs/conversation): text and files.
  /^\/api\/v1\/intake\/status\/[^/?]+\/messages(\?|$)/,
];

/** The whole app runs its own scripts only; styles may be inline (Mantine sets style attributes). */
const APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};
/**
 * Helmet's defaults plus our CSP. `upgrade-insecure-requests` only where TA Desk is served over https: on a plain-http
 * intranet address it would send the browser to an https port nobody listens on.
 */
function helmetOptions(appUrl: string) {
  const https = appUrl.startsWith('https://');
  return { contentSecurityPolicy: { directives: { ...APP_CSP, upgradeInsecureRequests: https ? [] : null } } };
}

/**
 * Helmet's headers on every answer. With our options they do not depend on the request (no CSP nonces), so they are
 * worked out once here: @fastify/helmet built the whole helmet middleware, directives parsed, on every request, ~0.3 ms
 * of CPU each (bench/README.md "Case list").
 */
export function registerSecurityHeaders(fastify: FastifyInstance, appUrl: string): void {
  const collected = new Map<string, string>();
  const collector = {
    setHeader: (name: string, value: string) => void collected.set(name, value),
    removeHeader: (name: string) => void collected.delete(name),
  };
  helmet(helmetOptions(appUrl))({} as IncomingMessage, collector as unknown as ServerResponse, () => undefined);
  const headers = Object.fromEntries(collected);
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}

/** Swagger UI at /api/docs starts itself with an inline script: only its pages get 'unsafe-inline' for scripts. */
const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

function refuse(reply: FastifyReply, statusCode: 403 | 415, error: string, message: string) {
  const body: ErrorBody = { statusCode, error, message };
  return reply.status(statusCode).header('Cache-Control', 'no-store').send(body);
}

/**
 * CSRF. API bodies are JSON only (uploads: multipart on MULTIPART_PATHS): a form or text/plain body elsewhere (what another site can send without a preflight) is a
 * 415. A request authenticated by the session cookie must come from our own pages: `Sec-Fetch-Site: same-origin`,
 * or, from a browser that does not send it, an `Origin` naming this host or APP_URL. SameSite=Lax alone is not
 * enough: another port or a sibling subdomain is the same site. Bearer tokens are never sent by a browser on its
 * own, so requests carrying one are left alone.
 */
export function registerCsrfProtection(fastify: FastifyInstance, appUrl: string): void {
  const appOrigin = new URL(appUrl).origin;
  const sameOrigin = (request: FastifyRequest, origin: string): boolean => {
    if (origin === appOrigin) return true;
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  };

  fastify.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE_METHODS.has(request.method)) return;
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    const type = (request.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
    const multipartAllowed = type === 'multipart/form-data' && MULTIPART_PATHS.some((path) => path.test(request.url));
    if (API_PATH.test(request.url) && hasBody && type !== 'application/json' && !multipartAllowed) {
      return refuse(reply, 415, 'Unsupported Media Type', 'Send the body as JSON (Content-Type: application/json)');
    }
    if (requestCredentials(request).via !== 'cookie') return;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const fromOurPages = site !== undefined ? site === 'same-origin' : typeof origin === 'string' && sameOrigin(request, origin);
    if (!fromOurPages) {
      return refuse(reply, 403, 'Forbidden', 'Cross-site request refused: sign-in cookies only work from TA Desk’s own pages');
    }
  });
}

/**
 * Caching. Every API answer is someone's data or a token-scoped page (the sign-in included): never stored by a
 * browser or a proxy. Swagger UI's pages get their own CSP. The web app's files set their own (serve-web-app.ts).
 */
export function registerApiHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply) => {
    if (API_PATH.test(request.url) && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    if (DOCS_PATH.test(request.url)) reply.header('Content-Security-Policy', DOCS_CSP);
  });
}
