import { Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@ta/config';
import { DatabaseModule } from '@ta/database';
import { QueueModule } from '@ta/queue';
import { LoggerModule } from 'nestjs-pino';
import { HeartbeatProcessor } from './heartbeat.processor.js';
import { HeartbeatScheduler } from './heartbeat.scheduler.js';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL } }) }),
    DatabaseModule,
    QueueModule,
  ],
  providers: [HeartbeatProcessor, HeartbeatScheduler],
})
export class WorkerModule {}
