import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AppConfig } from '@ta/config';
import { JobName, QueueName } from '@ta/queue';
import type { JobsOptions, Queue } from 'bullmq';

interface Schedule {
  queue: QueueName;
  job: JobName;
  everyMs: number;
  opts?: JobsOptions;
}

/**
 * Every repeatable job, registered with BullMQ job schedulers (idempotent: N workers keep one schedule).
 * Redis holds only what can be lost, so the schedules are asserted again every SCHEDULE_REFRESH_SECONDS:
 * a Redis restart that loses them costs at most that long.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  private schedules(): Schedule[] {
    return [
      { queue: QueueName.Maintenance, job: JobName.Heartbeat, everyMs: this.config.HEARTBEAT_EVERY_MS },
      { queue: QueueName.Mail, job: JobName.OutboxSweep, everyMs: this.config.OUTBOX_SWEEP_EVERY_SECONDS * 1000, opts: { attempts: 1 } },
      {
        queue: QueueName.Sweeps,
        job: JobName.EscalationSweep,
        everyMs: this.config.SWEEP_EVERY_MINUTES * 60_000,
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
      },
      // Only with a mailbox to read. An unreachable server fails the run; its retries (and the next run) read it later.
      ...(this.config.IMAP_URL
        ? [
            {
              queue: QueueName.Inbound,
              job: JobName.MailboxPoll,
              everyMs: this.config.IMAP_POLL_SECONDS * 1000,
              opts: { attempts: 3, backoff: { type: 'exponential' as const, delay: 5000 } },
            },
          ]
        : []),
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.register();
    this.timer = setInterval(() => {
      this.register().catch((error: unknown) => this.logger.warn(`could not refresh job schedules: ${(error as Error).message}`));
    }, this.config.SCHEDULE_REFRESH_SECONDS * 1000);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async register(): Promise<void> {
    for (const schedule of this.schedules()) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(schedule.queue), { strict: false });
      await queue.upsertJobScheduler(
        schedule.job,
        { every: schedule.everyMs },
        { name: schedule.job, data: dataFor(schedule.job), opts: schedule.opts ?? {} },
      );
    }
  }
}

function dataFor(job: JobName): object {
  // The heartbeat records when it was asked for; sweeps run as of the clock's now.
  return job === JobName.Heartbeat ? { requestedAt: new Date().toISOString() } : {};
}
