import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@ta/config';
import { JobName, QueueName } from '@ta/queue';
import type { Queue } from 'bullmq';

/** Registers the timer sweep every SWEEP_EVERY_MINUTES; idempotent, so N workers keep one schedule. */
@Injectable()
export class SweepsScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Sweeps) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JobName.EscalationSweep,
      { every: this.config.SWEEP_EVERY_MINUTES * 60_000 },
      { name: JobName.EscalationSweep, data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } } },
    );
  }
}
