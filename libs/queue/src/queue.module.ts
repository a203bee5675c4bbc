import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppConfig } from '@ta/config';
import { QueueErrorReporter } from './queue-errors.js';
import { QueueName } from './queue-names.js';
import { redisConnectionOptions } from './redis-connection.js';

const queues = Object.values(QueueName).map((name) => ({ name }));

/** BullMQ on the configured Redis, with every queue registered; producers inject queues with @InjectQueue. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisConnectionOptions(config.REDIS_URL),
        defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000, attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
      }),
    }),
    BullModule.registerQueue(...queues),
  ],
  providers: [QueueErrorReporter],
  exports: [BullModule],
})
export class QueueModule {}
