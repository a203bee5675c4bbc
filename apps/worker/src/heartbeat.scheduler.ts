import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@ta/config';
import { JobName, QueueName } from '@ta/queue';
import type { Queue } from 'bullmq';

/** Registers the repeatable heartbeat; upsertJobScheduler is idempotent, so N workers register it once. */
@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JobName.Heartbeat,
      { every: this.config.HEARTBEAT_EVERY_MS },
      { name: JobName.Heartbeat, data: { requestedAt: new Date().toISOString() } },
    );
  }
}
