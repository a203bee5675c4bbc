import { Processor, WorkerHost } from '@nestjs/bullmq';
import { ReassessmentSweep } from '@ta/assessments';
import { Clock, EscalationSweep, type SweepReport } from '@ta/escalation';
import { JobName, QueueName, type JobPayloads } from '@ta/queue';
import { SurveySweep } from '@ta/surveys';
import type { Job } from 'bullmq';

/** Runs the timer sweep; a job may carry `at` to run it as of that instant (tests move time this way). */
@Processor(QueueName.Sweeps)
export class SweepsProcessor extends WorkerHost {
  constructor(
    private readonly sweep: EscalationSweep,
    private readonly clock: Clock,
    private readonly reassessment: ReassessmentSweep,
    private readonly surveys: SurveySweep,
  ) {
    super();
  }

  /** The escalation rules, then the reassessment reminders (libs/assessments) and the surveys (libs/surveys), as of the same instant. */
  async process(
    job: Job<JobPayloads[JobName.EscalationSweep]>,
  ): Promise<SweepReport & { reassessmentReminders: number; surveyInvitations: number }> {
    if (job.name !== JobName.EscalationSweep) throw new Error(`No handler for job ${job.name} on ${QueueName.Sweeps}`);
    const now = job.data.at ? new Date(job.data.at) : this.clock.now();
    const report = await this.sweep.run(now);
    return { ...report, reassessmentReminders: await this.reassessment.run(now), surveyInvitations: await this.surveys.run(now) };
  }
}
