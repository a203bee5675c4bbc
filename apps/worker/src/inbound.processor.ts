import { Processor, WorkerHost } from '@nestjs/bullmq';
import { MailboxPoll, type PollReport } from '@ta/conversation';
import { JobName, QueueName, type JobPayloads } from '@ta/queue';
import type { Job } from 'bullmq';

/** Reads the center's mailbox (libs/conversation). One run at a time: two readers of one INBOX would only race. */
@Processor(QueueName.Inbound, { concurrency: 1 })
export class InboundProcessor extends WorkerHost {
  constructor(private readonly poll: MailboxPoll) {
    super();
  }

  async process(job: Job<JobPayloads[JobName.MailboxPoll]>): Promise<PollReport | { skipped: string }> {
    if (job.name !== JobName.MailboxPoll) throw new Error(`No handler for job ${job.name} on ${QueueName.Inbound}`);
    if (!this.poll.enabled) return { skipped: 'IMAP_URL is not set' };
    return this.poll.run();
  }
}
