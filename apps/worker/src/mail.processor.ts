import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName, type JobPayloads } from '@ta/queue';
import { AttachmentsService } from '@ta/attachments';
import { OutboxService, type AttachmentLoader } from '@ta/mail';
import type { Job } from 'bullmq';

type MailJob = Job<JobPayloads[JobName.DeliverEmail]> | Job<JobPayloads[JobName.OutboxSweep]>;

/** Delivers outbox rows; the sweep re-queues pending rows that no job carried (Redis was down when written). */
// Deliveries take well under a second, so a short lock lets BullMQ hand the jobs of a crashed worker to another
// within ~15 s (lock expiry plus the stalled check) instead of the default ~60 s.
@Processor(QueueName.Mail, { concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 })
export class MailProcessor extends WorkerHost {
  /** The files a message written on a case carries, read as its email leaves (libs/mail knows no files). */
  private readonly loadAttachments: AttachmentLoader;

  constructor(
    private readonly outbox: OutboxService,
    attachments: AttachmentsService,
  ) {
    super();
    this.loadAttachments = (refs) => attachments.contentsForEmail(refs.caseId, refs.attachmentIds);
  }

  async process(job: MailJob): Promise<unknown> {
    switch (job.name) {
      case JobName.DeliverEmail: {
        const { emailId } = job.data as JobPayloads[JobName.DeliverEmail];
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        return this.outbox.deliver(emailId, lastAttempt, this.loadAttachments);
      }
      case JobName.OutboxSweep:
        return { requeued: await this.outbox.requeueStale() };
      default:
        throw new Error(`No handler for job ${job.name} on ${QueueName.Mail}`);
    }
  }
}
