import { Injectable, Logger, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@ta/config';
import { MailModule, OutboxService } from '@ta/mail';
import { DataSource } from 'typeorm';
import { REASSESSMENT_DUE } from './reassessment.sweep.sql.js';

/** Reminds consultants to reassess an organization REASSESS_AFTER_DAYS after its latest closed round; safe to run twice. */
@Injectable()
export class ReassessmentSweep {
  private readonly logger = new Logger(ReassessmentSweep.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  /** Returns the number of reminder emails written. */
  async run(now: Date): Promise<number> {
    const rows = (await this.dataSource.query(REASSESSMENT_DUE, [now, this.config.REASSESS_AFTER_DAYS, this.config.APP_URL])) as Array<{
      id: string;
    }>;
    if (rows.length) {
      this.logger.log(`reassessment reminders: ${rows.length}`);
      await this.outbox.dispatch(
        rows.map((r) => r.id),
        { bulk: true },
      );
    }
    return rows.length;
  }
}

/** What the worker needs of this lib: the sweep, without the HTTP side. */
@Module({ imports: [MailModule], providers: [ReassessmentSweep], exports: [ReassessmentSweep] })
export class ReassessmentModule {}
