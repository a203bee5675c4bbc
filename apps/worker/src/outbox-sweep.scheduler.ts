import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName } from '@ta/queue';
import type { Queue } from 'bullmq';

/** Every minute, re-queue outbox rows still pending (idempotent registration: N workers, one schedule). */
@Injectable()
export class OutboxSweepScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Mail) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JobName.OutboxSweep,
      { every: 60_000 },
      { name: JobName.OutboxSweep, data: {}, opts: { attempts: 1 } },
    );
  }
}
