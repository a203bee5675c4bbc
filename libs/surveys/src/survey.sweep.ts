import { Injectable, Logger, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@ta/config';
import { MailModule, OutboxService } from '@ta/mail';
import { DataSource } from 'typeorm';
import { SURVEY_LINK_DAYS } from './survey-enums.js';
import { SURVEYS_DUE } from './survey.sweep.sql.js';

/** Sends the closure survey and the outcome check when they are due; safe to run twice or on two workers at once. */
@Injectable()
export class SurveySweep {
  private readonly logger = new Logger(SurveySweep.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  /** Returns the number of survey emails written. */
  async run(now: Date): Promise<number> {
    const rows = (await this.dataSource.query(SURVEYS_DUE, [
      now,
      this.config.SURVEY_DELAY_DAYS,
      this.config.OUTCOME_CHECK_DAYS,
      this.config.APP_URL,
      SURVEY_LINK_DAYS,
    ])) as Array<{ id: string }>;
    if (rows.length) {
      this.logger.log(`survey invitations: ${rows.length}`);
      await this.outbox.dispatch(
        rows.map((r) => r.id),
        { bulk: true },
      );
    }
    return rows.length;
  }
}

/** What the worker needs of this lib: the sweep, without the HTTP side. */
@Module({ imports: [MailModule], providers: [SurveySweep], exports: [SurveySweep] })
export class SurveySweepModule {}
