import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JobName, QueueName, type HeartbeatResult, type JobPayloads } from '@ta/queue';
import type { Job } from 'bullmq';

/** Proves the worker is alive and consuming; returns what it saw so a round trip can be checked. */
@Processor(QueueName.Maintenance)
export class HeartbeatProcessor extends WorkerHost {
  private readonly logger = new Logger(HeartbeatProcessor.name);

  async process(job: Job<JobPayloads[JobName.Heartbeat]>): Promise<HeartbeatResult> {
    if (job.name !== JobName.Heartbeat) throw new Error(`No handler for job ${job.name} on ${QueueName.Maintenance}`);
    this.logger.debug(`heartbeat ${job.id}`);
    return { processedAt: new Date().toISOString(), requestedAt: job.data.requestedAt, pid: process.pid };
  }
}
