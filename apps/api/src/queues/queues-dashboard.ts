import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { QueueName } from '@ta/queue';
import { AuthService, requestCredentials } from '@ta/users';
import type { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const QUEUES_DASHBOARD_PATH = '/admin/queues';
const GOOGLE_FONTS_LINK = /<link [^>]*href="https:\/\/fonts\.googleapis\.com[^>]*>/g;

/** Bull Board over every queue at /admin/queues, for signed-in admins only (same sessions as the API). */
export async function mountQueuesDashboard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUES_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
  });
  const auth = app.get(AuthService);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith(QUEUES_DASHBOARD_PATH)) return;
    const credentials = requestCredentials(request);
    const user = credentials.via === 'bearer' || credentials.via === 'cookie' ? await auth.authenticate(credentials.token) : null;
    if (!user) return refuse(request, reply, 401, 'Sign in as an admin to see the queues');
    if (user.role !== 'admin') return refuse(request, reply, 403, 'The queues dashboard is for admins');
  });
  // Bull Board's page links a Google Fonts stylesheet: our CSP blocks it (and an offline deployment could not reach
  // it), so the link is dropped and the page uses the system font, with no blocked request in the console.
  fastify.addHook('onSend', async (request: FastifyRequest, _reply: FastifyReply, payload: unknown) =>
    request.url.startsWith(QUEUES_DASHBOARD_PATH) && typeof payload === 'string' ? payload.replace(GOOGLE_FONTS_LINK, '') : payload,
  );
  await fastify.register(serverAdapter.registerPlugin() as never, { prefix: QUEUES_DASHBOARD_PATH });
}

const REFUSALS = {
  401: { error: 'Unauthorized', action: { href: `/login?next=${encodeURIComponent(QUEUES_DASHBOARD_PATH)}`, label: 'Sign in' } },
  403: { error: 'Forbidden', action: { href: '/', label: 'Back to TA Desk' } },
} as const;

/**
 * A person who opens the page in a browser (it accepts text/html) gets a page saying so, with a way on; API clients
 * and Bull Board's own fetches get the usual JSON error.
 */
function refuse(request: FastifyRequest, reply: FastifyReply, status: 401 | 403, message: string): FastifyReply {
  const { error, action } = REFUSALS[status];
  if (!prefersHtml(request.headers.accept)) return reply.status(status).send({ statusCode: status, error, message });
  return reply
    .status(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .send(refusalPage(message, action));
}

/** text/html named before JSON (or JSON not named): what a browser's address bar sends, not what fetch() sends. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  if (html < 0) return false;
  const json = accept.indexOf('application/json');
  return json < 0 || html < json;
}

function refusalPage(message: string, action: { href: string; label: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${message} · TA Desk</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #212529; margin: 0; display: grid; place-items: center; min-height: 100vh; background: #f8f9fa; }
main { max-width: 30rem; padding: 2rem; background: #fff; border: 1px solid #dee2e6; border-radius: 8px; text-align: center; }
h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
p { margin: 0 0 1.25rem; color: #495057; }
a { display: inline-block; background: #1864ab; color: #fff; padding: .55rem 1rem; border-radius: 6px; text-decoration: none; }
a:focus-visible { outline: 3px solid #74c0fc; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>${message}</h1>
<p>The queues dashboard shows the background jobs (emails, reminders, sweeps). Ask an admin if you need something from it.</p>
<a href="${action.href}">${action.label}</a>
</main>
</body>
</html>
`;
}
