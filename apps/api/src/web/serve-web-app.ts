import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SettingsService } from '@ta/settings';
import { renderCenterPage } from './center-page.js';

/** Paths the API owns: an unknown one stays a JSON 404, never the web app's index.html. */
const API_PATH = /^\/(api|health)(\/|\?|$)/;
/** The public request pages: an entry of their own (request.html), much lighter than the staff app. */
const PUBLIC_PATH = /^\/request(\/|\?|$)/;

/**
 * Serves the built web app (`npm run build:web` → dist/web) at /, with a single-page-app fallback: a GET for any
 * other path that is not a file returns index.html, so deep links such as /admin/users load the app, and
 * /request/status/:token the public pages' request.html, with the center's name and logo filled in (center-page.ts;
 * compressed on the fly, as it is no longer the file on disk).
 */
export async function serveWebApp(app: NestFastifyApplication, webDistDir: string): Promise<void> {
  const root = resolve(webDistDir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`WEB_DIST_DIR: ${root} has no index.html; run \`npm run build\` or leave WEB_DIST_DIR empty`);
  }
  const publicPage = readFileSync(join(root, 'request.html'), 'utf8');
  const settings = app.get(SettingsService, { strict: false });
  await app.register(fastifyStatic, {
    root,
    // One route per built file (they do not change while the API runs), so the fallback below owns every other path.
    wildcard: false,
    // The build writes file.br and file.gz beside each text file: sent as they are to a client that takes them.
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply, path) =>
      // Vite puts a content hash in every asset's name: a new build means new URLs, so assets can be cached for good.
      reply.header('Cache-Control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app
    .getHttpAdapter()
    .getInstance()
    .route({
      method: ['GET', 'HEAD'],
      url: '/*',
      handler: async (request, reply) => {
        if (API_PATH.test(request.url)) return reply.callNotFound();
        if (!PUBLIC_PATH.test(request.url)) return reply.sendFile('index.html');
        // Without the database the page still loads, with its neutral header, and says what failed when used.
        const center = await settings.publicCenter().catch(() => null);
        const html = center ? renderCenterPage(publicPage, center) : publicPage;
        return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(html);
      },
    });
}
