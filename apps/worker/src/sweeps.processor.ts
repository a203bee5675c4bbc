import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Clock, EscalationSweep, type SweepReport } from '@ta/escalation';
import { JobName, QueueName, type JobPayloads } from '@ta/queue';
import type { Job } from 'bullmq';

/** Runs the timer sweep; a job may carry `at` to run it as of that instant (tests move time this way). */
@Processor(QueueName.Sweeps)
export class SweepsProcessor extends WorkerHost {
  constructor(
    private readonly sweep: EscalationSweep,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job<JobPayloads[JobName.EscalationSweep]>): Promise<SweepReport> {
    if (job.name !== JobName.EscalationSweep) throw new Error(`No handler for job ${job.name} on ${QueueName.Sweeps}`);
    return this.sweep.run(job.data.at ? new Date(job.data.at) : this.clock.now());
  }
}
