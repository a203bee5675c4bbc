import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CasesService, GOAL_AREAS, SERVICE_LINES } from '@ta/cases';
import { AppConfig } from '@ta/config';
import { MODALITIES } from '@ta/engagement';
import { OMH_REGIONS, POPULATIONS } from '@ta/organizations';
import type { AuthenticatedUser } from '@ta/users';
import type { DataSource, EntityManager } from 'typeorm';
import { assertRange, periodBounds, wholeMonths } from './date-range.js';
import type { BreakdownRowDto, CaseloadDto, SummaryDto } from './dto/dashboard.dto.js';
import type { DateRangeQueryDto } from './dto/report-query.dto.js';
import { NextRun } from './next-run.js';
import { readModel } from '@ta/database';
import {
  CASELOAD_SQL,
  INTAKE_WEEKS_SQL,
  OPENED_SQL,
  RESOLVED_SQL,
  SESSIONS_SQL,
  SNAPSHOT_SQL,
  type SnapshotRow,
} from './reporting.read-model.sql.js';

type Numeric = number | string | null;

/** Hours with two decimals from whole minutes. */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;
const num = (value: Numeric): number => Number(value ?? 0);
const stat = (value: Numeric): number | null => (value === null ? null : Math.round(Number(value) * 100) / 100);

// An aggregate without GROUP BY always returns one row; these only satisfy the type checker.
const NO_CASES = { opened: 0, new_requests: 0, responded: 0, median: null, p90: null };
const NO_RESOLVED = { resolved: 0, median: null, p90: null };

/** Periods whose last summary is kept with its snapshot: a dashboard's presets and a few custom ranges. */
const KEPT_PERIODS = 32;

interface SessionRow {
  dimension: string;
  key: string | null;
  sessions: Numeric;
  minutes: Numeric;
  organizations: Numeric;
}

@Injectable()
export class DashboardService {
  /** Leads opening the same period at once share a run (NextRun: never one that started before they asked). */
  private readonly summaries = new NextRun<SummaryDto>();
  /** The last summary of each recent period with the snapshot it was computed under (insertion order: oldest first). */
  private readonly latest = new Map<string, { snapshot: string; summary: SummaryDto }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly config: AppConfig,
  ) {}

  /** Leads and admins see every active consultant and lead; a consultant, only their own row. */
  async caseload(user: Pick<AuthenticatedUser, 'id' | 'role'>): Promise<CaseloadDto> {
    const own = user.role === 'consultant';
    const rows = (await this.dataSource.query(CASELOAD_SQL, [own ? user.id : null])) as Array<{
      id: string;
      name: string;
      role: string;
      new: number;
      triaged: number;
      active: number;
      on_hold: number;
      at_risk: number;
      escalated: number;
      overdue: number;
      sessions: number;
      minutes: Numeric;
    }>;
    return {
      scope: own ? 'own' : 'all',
      generatedAt: new Date().toISOString(),
      items: rows.map((r) => ({
        consultant: { id: r.id, name: r.name, role: r.role },
        open: { new: r.new, triaged: r.triaged, active: r.active, onHold: r.on_hold, total: r.new + r.triaged + r.active + r.on_hold },
        atRisk: r.at_risk,
        escalated: r.escalated,
        overdueFollowUps: r.overdue,
        sessions30d: r.sessions,
        minutes30d: num(r.minutes),
        hours30d: hoursOf(num(r.minutes)),
      })),
    };
  }

  /**
   * The summary depends on the period and on the data only (every lead and admin sees the same figures). A run first
   * asks Postgres for its current snapshot (one tiny statement): when nothing was committed since the period's last
   * summary was computed the snapshot is the same, and so is the answer, which is returned as it is. Otherwise the
   * summary is computed in one REPEATABLE READ transaction and kept with that transaction's snapshot. Never stale:
   * any commit anywhere in the database changes the snapshot (bench/README.md "Dashboard summary").
   */
  summary(range: DateRangeQueryDto): Promise<SummaryDto> {
    assertRange(range);
    const period = `${range.from}/${range.to}`;
    return this.summaries.run(period, async () => {
      const [{ snapshot }] = (await readModel<SnapshotRow>(this.dataSource, SNAPSHOT_SQL, [])) as [SnapshotRow];
      const known = this.latest.get(period);
      if (known?.snapshot === snapshot) return known.summary;
      const computed = await this.computeSummary(range);
      this.latest.delete(period);
      this.latest.set(period, computed);
      if (this.latest.size > KEPT_PERIODS) this.latest.delete(this.latest.keys().next().value as string);
      return computed.summary;
    });
  }

  /** Every figure from one snapshot (REPEATABLE READ), returned with it. */
  private computeSummary(range: DateRangeQueryDto): Promise<{ snapshot: string; summary: SummaryDto }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // The transaction's snapshot is taken by its first statement: this one.
      const [{ snapshot }] = (await manager.query(SNAPSHOT_SQL)) as [SnapshotRow];
      return { snapshot, summary: await this.summaryIn(manager, range) };
    });
  }

  private async summaryIn(manager: EntityManager, range: DateRangeQueryDto): Promise<SummaryDto> {
    const params = await periodBounds(manager, range);
    // One connection: the statements queue on it, each seeing the transaction's snapshot.
    const [[opened = NO_CASES], [resolved = NO_RESOLVED], weeks, sessions, topics] = await Promise.all([
      manager.query(OPENED_SQL, params) as Promise<
        Array<{ opened: number; new_requests: number; responded: number; median: Numeric; p90: Numeric }>
      >,
      manager.query(RESOLVED_SQL, params) as Promise<Array<{ resolved: number; median: Numeric; p90: Numeric }>>,
      manager.query(INTAKE_WEEKS_SQL, [...params, range.from, range.to]) as Promise<
        Array<{ week_start: string; requests: number; opened: number }>
      >,
      manager.query(SESSIONS_SQL, [...params, ...wholeMonths(range)]) as Promise<SessionRow[]>,
      this.cases.topics(),
    ]);
    const total = sessions.find((r) => r.dimension === 'total');
    const minutes = num(total?.minutes ?? 0);
    const breakdown = (dimension: string, keys: readonly string[], labels?: Map<string, string>): BreakdownRowDto[] =>
      breakdownOf(
        sessions.filter((r) => r.dimension === dimension),
        keys,
        labels,
      );
    return {
      range: { from: range.from, to: range.to, timeZone: this.config.CENTER_TIME_ZONE },
      newRequests: opened.new_requests,
      casesOpened: opened.opened,
      casesResolved: resolved.resolved,
      firstResponse: {
        unit: 'business_days',
        cases: opened.responded,
        pending: opened.opened - opened.responded,
        median: stat(opened.median),
        p90: stat(opened.p90),
      },
      resolution: { unit: 'business_days', cases: resolved.resolved, median: stat(resolved.median), p90: stat(resolved.p90) },
      sessions: num(total?.sessions ?? 0),
      minutes,
      hours: hoursOf(minutes),
      organizationsServed: num(total?.organizations ?? 0),
      byGoalArea: breakdown('goal_area', GOAL_AREAS),
      byTopic: breakdown(
        'topic',
        topics.map((t) => t.code),
        new Map(topics.map((t) => [t.code, t.label])),
      ),
      byRegion: breakdown('region', OMH_REGIONS),
      byServiceLine: breakdown('service_line', SERVICE_LINES),
      byPopulation: breakdown('population', POPULATIONS),
      byModality: breakdown('modality', MODALITIES),
      intakeByWeek: weeks.map((w) => ({ weekStart: w.week_start, requests: w.requests, opened: w.opened })),
    };
  }
}

/** Every known key in its usual order (zeros included, so charts keep their axes), then anything else (`unspecified`). */
function breakdownOf(rows: SessionRow[], keys: readonly string[], labels?: Map<string, string>): BreakdownRowDto[] {
  const byKey = new Map(rows.map((r) => [r.key ?? 'unspecified', r]));
  const extra = [...byKey.keys()].filter((key) => !keys.includes(key)).sort();
  return [...keys, ...extra].map((key) => {
    const row = byKey.get(key);
    const minutes = num(row?.minutes ?? 0);
    return {
      key,
      ...(labels ? { label: labels.get(key) ?? key } : {}),
      sessions: num(row?.sessions ?? 0),
      minutes,
      hours: hoursOf(minutes),
    };
  });
}
