import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { terminalLogTransport } from '@ta/common';
import { AppConfig, ConfigModule } from '@ta/config';
import { DatabaseModule } from '@ta/database';
import { REDIS_CLIENT, RedisModule } from '@ta/queue';
import { AssessmentsModule } from '@ta/assessments';
import { AttachmentsModule } from '@ta/attachments';
import { CasesModule } from '@ta/cases';
import { ConversationModule } from '@ta/conversation';
import { EngagementModule } from '@ta/engagement';
import { EscalationModule } from '@ta/escalation';
import { IntakeModule } from '@ta/intake';
import { OrganizationsModule } from '@ta/organizations';
import { ReportingModule } from '@ta/reporting';
import { SurveysModule } from '@ta/surveys';
import { UsersModule } from '@ta/users';
import type { Redis } from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { EmailsModule } from './emails/emails.module.js';
import { HealthModule } from './health/health.module.js';
import { HttpExceptionFilter } from './http/http-exception.filter.js';
import { RedisThrottlerStorage } from './http/redis-throttler.storage.js';
import { CenterSettingsModule } from './settings/settings.module.js';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          transport: terminalLogTransport(config.NODE_ENV),
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          autoLogging: false,
        },
        // No middleware: the request's logging context and its request line are Fastify hooks
        // (http/request-logging.ts), which cost a fraction of pino-http's per-request work behind @fastify/middie.
        forRoutes: [],
      }),
    }),
    DatabaseModule,
    RedisModule,
    // The public request form's limit, only where a route opts in with @UseGuards(ThrottlerGuard); sign-in has its
    // own failure-counting throttle (LoginThrottle in libs/users). Named 'default' so a 429 carries a plain Retry-After.
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS_CLIENT],
      useFactory: (config: AppConfig, redis: Redis) => ({
        storage: new RedisThrottlerStorage(redis),
        throttlers: [
          {
            name: 'default',
            ttl: 3600_000,
            limit: config.INTAKE_RATE_LIMIT_PER_HOUR,
            getTracker: (req: Record<string, unknown>) => `intake:${String(req.ip)}`,
          },
        ],
        errorMessage: 'We received several requests from your network in the last hour. Please try again later, or email us directly.',
      }),
    }),
    HealthModule,
    UsersModule,
    OrganizationsModule,
    CasesModule,
    EngagementModule,
    EmailsModule,
    IntakeModule,
    EscalationModule,
    ReportingModule,
    CenterSettingsModule,
    AssessmentsModule,
    AttachmentsModule,
    SurveysModule,
    ConversationModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class AppModule {}
