import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppConfig } from '@ta/config';
import { Logger, PinoLogger } from 'nestjs-pino';
import { registerApiHeaders, registerCsrfProtection, registerSecurityHeaders } from './http/browser-protections.js';
import { registerCompression } from './http/compression.js';
import { rejectHostileInput } from './http/hostile-input.js';
import { registerRequestLogging } from './http/request-logging.js';
import { registerStatementCountHeader } from './http/statement-count.js';
import { createValidationPipe } from './http/validation.js';
import { mountQueuesDashboard } from './queues/queues-dashboard.js';
import { serveWebApp } from './web/serve-web-app.js';

export const API_PREFIX = 'api/v1';

/** Everything main.ts applies to the Nest app besides listening: prefix, pipes, security headers, OpenAPI, the web app. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  app.useLogger(app.get(Logger));
  setApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  rejectHostileInput(app);

  const { WEB_DIST_DIR, APP_URL, COUNT_SQL_STATEMENTS, LOG_LEVEL } = app.get(AppConfig);
  // First, so every hook after it and Nest's handlers log inside the request's context.
  registerRequestLogging(app.getHttpAdapter().getInstance(), await app.resolve(PinoLogger), LOG_LEVEL);
  await app.register(fastifyCookie);
  // Parses multipart bodies only when a route reads them (readMultipartFiles sets the limits); browser-protections.ts
  // refuses them everywhere but the upload routes. A file beyond the limit is cut, and the reader answers 413.
  await app.register(fastifyMultipart, { throwFileSizeLimit: false });
  await registerCompression(app);
  const fastify = app.getHttpAdapter().getInstance();
  registerSecurityHeaders(fastify, APP_URL);
  registerCsrfProtection(fastify, APP_URL);
  registerApiHeaders(fastify);
  if (COUNT_SQL_STATEMENTS) registerStatementCountHeader(fastify);

  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs/json' });

  await mountQueuesDashboard(app);
  if (WEB_DIST_DIR) await serveWebApp(app, WEB_DIST_DIR);
}

export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
}

/** Also used by scripts/api-client.mjs, which builds the document from a preview app (no database) for the web client. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('TA Desk API')
      .setDescription('Case management for a technical assistance center. Errors: { statusCode, error, message, details? }.')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('ta_session')
      .build(),
  );
}
