import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName, type JobPayloads } from '@ta/queue';
import { OutboxService } from '@ta/mail';
import type { Job } from 'bullmq';

type MailJob = Job<JobPayloads[JobName.DeliverEmail]> | Job<JobPayloads[JobName.OutboxSweep]>;

/** Delivers outbox rows; the sweep re-queues pending rows that no job carried (Redis was down when written). */
// Deliveries take well under a second, so a short lock lets BullMQ hand the jobs of a crashed worker to another
// within ~15 s (lock expiry plus the stalled check) instead of the default ~60 s.
@Processor(QueueName.Mail, { concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 })
export class MailProcessor extends WorkerHost {
  constructor(private readonly outbox: OutboxService) {
    super();
  }

  async process(job: MailJob): Promise<unknown> {
    switch (job.name) {
      case JobName.DeliverEmail: {
        const { emailId } = job.data as JobPayloads[JobName.DeliverEmail];
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        return this.outbox.deliver(emailId, lastAttempt);
      }
      case JobName.OutboxSweep:
        return { requeued: await this.outbox.requeueStale() };
      default:
        throw new Error(`No handler for job ${job.name} on ${QueueName.Mail}`);
    }
  }
}
