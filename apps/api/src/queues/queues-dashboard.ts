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
    if (!user) return reply.status(401).send({ statusCode: 401, error: 'Unauthorized', message: 'Sign in as an admin to see the queues' });
    if (user.role !== 'admin')
      return reply.status(403).send({ statusCode: 403, error: 'Forbidden', message: 'The queues dashboard is for admins' });
  });
  // Bull Board's page links a Google Fonts stylesheet: our CSP blocks it (and an offline deployment could not reach
  // it), so the link is dropped and the page uses the system font, with no blocked request in the console.
  fastify.addHook('onSend', async (request: FastifyRequest, _reply: FastifyReply, payload: unknown) =>
    request.url.startsWith(QUEUES_DASHBOARD_PATH) && typeof payload === 'string' ? payload.replace(GOOGLE_FONTS_LINK, '') : payload,
  );
  await fastify.register(serverAdapter.registerPlugin() as never, { prefix: QUEUES_DASHBOARD_PATH });
}
