import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { ReassessmentModule } from '@ta/assessments';
import { AttachmentsModule } from '@ta/attachments';
import { terminalLogTransport } from '@ta/common';
import { AppConfig, ConfigModule } from '@ta/config';
import { ConversationModule } from '@ta/conversation';
import { DatabaseModule } from '@ta/database';
import { EscalationModule } from '@ta/escalation';
import { MailModule } from '@ta/mail';
import { QueueModule } from '@ta/queue';
import { SurveySweepModule } from '@ta/surveys';
import { LoggerModule } from 'nestjs-pino';
import { HeartbeatProcessor } from './heartbeat.processor.js';
import { InboundProcessor } from './inbound.processor.js';
import { JobSchedules } from './job-schedules.js';
import { MailProcessor } from './mail.processor.js';
import { SweepsProcessor } from './sweeps.processor.js';
import { WorkerErrorReporter } from './worker-errors.js';

/** The BullMQ processors: one worker each, closed first on shutdown (main.ts). */
export const PROCESSORS = [HeartbeatProcessor, MailProcessor, SweepsProcessor, InboundProcessor];

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL, transport: terminalLogTransport(config.NODE_ENV) } }),
    }),
    DatabaseModule,
    // The worker serves no HTTP, but the libs it uses for files (attachments, intake) carry controllers whose public routes
    // are throttled: Nest builds their guards anyway, so it needs the throttler's providers (never used here). The
    // API's limit, so the guard does not log at start-up that no request is limited.
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [{ ttl: 3600_000, limit: config.INTAKE_RATE_LIMIT_PER_HOUR }],
    }),
    QueueModule,
    MailModule,
    EscalationModule,
    ReassessmentModule,
    SurveySweepModule,
    ConversationModule,
    AttachmentsModule,
  ],
  providers: [JobSchedules, ...PROCESSORS, WorkerErrorReporter],
})
export class WorkerModule {}
