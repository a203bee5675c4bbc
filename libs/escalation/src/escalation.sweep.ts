import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { calendarDateIn } from '@ta/common';
import { AppConfig } from '@ta/config';
import { OutboxService } from '@ta/mail';
import { DataSource } from 'typeorm';
import {
  ACTION_ITEM_REMINDERS,
  FIRST_RESPONSE_OVERDUE,
  FOLLOW_UP_REMINDERS,
  MISSED_FOLLOW_UPS,
  STALL_AT_RISK,
  STALL_ESCALATE,
} from './escalation.sweep.sql.js';

/** Types every parameter once, so each rule may use any subset of them. */
const PARAMS = `params AS (SELECT $1::timestamptz AS now, $2::text AS today, $3::text AS app_url, $4::int AS at_risk_days, $5::int AS escalate_days), `;

/** Escalation first, so a case already past both thresholds is escalated, not first put at risk. */
const RULES = {
  firstResponseOverdue: FIRST_RESPONSE_OVERDUE,
  escalated: STALL_ESCALATE,
  atRisk: STALL_AT_RISK,
  missedFollowUps: MISSED_FOLLOW_UPS,
  followUpReminders: FOLLOW_UP_REMINDERS,
  actionItemReminders: ACTION_ITEM_REMINDERS,
} as const;

export interface SweepReport {
  /** Effects applied per rule. */
  effects: Record<keyof typeof RULES, number>;
  /** Milliseconds per rule, dispatching its emails included. */
  tookMs: Record<keyof typeof RULES, number>;
}

@Injectable()
export class EscalationSweep {
  private readonly logger = new Logger(EscalationSweep.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  /** Runs every rule as of `now`; safe to run twice or on two workers at once. Returns rows affected per rule. */
  async run(now: Date): Promise<SweepReport> {
    const params = [
      now,
      calendarDateIn(this.config.CENTER_TIME_ZONE, now),
      this.config.APP_URL,
      this.config.STALL_AT_RISK_DAYS,
      this.config.STALL_ESCALATE_DAYS,
    ];
    const report: SweepReport = { effects: {} as SweepReport['effects'], tookMs: {} as SweepReport['tookMs'] };
    for (const [name, sql] of Object.entries(RULES) as Array<[keyof typeof RULES, string]>) {
      const started = performance.now();
      const rows = (await this.dataSource.query(sql.replace(/^\s*WITH /, `WITH ${PARAMS}`), params)) as Array<{ id: string }>;
      // Rules that end in an UPDATE return [rows, count]; the others return rows.
      const returned = Array.isArray(rows[0]) ? (rows[0] as Array<{ id: string }>) : rows;
      report.effects[name] = returned.length;
      if (name !== 'missedFollowUps')
        await this.outbox.dispatch(
          returned.map((r) => r.id),
          { bulk: true },
        );
      report.tookMs[name] = Math.round(performance.now() - started);
    }
    if (Object.values(report.effects).some((n) => n > 0)) this.logger.log(`sweep ${now.toISOString()}: ${JSON.stringify(report)}`);
    return report;
  }
}
