import fastifyCompress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Brotli or gzip, whichever the client takes, for every text answer: JSON, CSV exports (still streamed, through the
 * compressor), the web app's HTML, JS and CSS. The built web app's files come compressed already (apps/web/vite.config.ts
 * writes .br and .gz beside them) and go out as they are; answers under 1 kB are sent plain, compressing them saves
 * less than it costs. Must be registered before the routes: the plugin hooks each route as it is added.
 */
export async function registerCompression(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    // Requests stay as sent: the API reads plain JSON bodies only, and inflating bodies would let a small upload grow large.
    globalDecompression: false,
  });
}
