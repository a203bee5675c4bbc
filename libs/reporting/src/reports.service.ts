import { pipeline, Readable, Transform } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CasesService, GOAL_AREA_LABELS, GOAL_AREAS, SERVICE_LINE_LABELS, type CaseFilterQuery } from '@ta/cases';
import { ReadinessReportService, type ReadinessReportDto } from '@ta/assessments';
import { neutralizeFormula, zoneInHeader } from '@ta/common';
import { OMH_REGIONS, REGION_LABELS } from '@ta/organizations';
import { AppConfig } from '@ta/config';
import { sqlLiteral } from '@ta/database';
import { stringify } from 'csv-stringify/sync';
import type { DataSource } from 'typeorm';
import { copyLines } from './copy-lines.js';
import { cursorStream } from './cursor-stream.js';
import { hoursOf } from './dashboard.service.js';
import { assertRange, dayBefore, periodBounds } from './date-range.js';
import type { ReadinessExportQueryDto } from './dto/readiness-export.dto.js';
import type { ReportQueryDto } from './dto/report-query.dto.js';
import type { AuthenticatedUser } from '@ta/users';
import {
  caseListCsvSql,
  TA_ACTIVITY_SQL,
  TA_SUMMARY_SQL,
  TA_SUMMARY_TOTALS_SQL,
  taActivityCsvSql,
  TODAY,
  type TaSummaryRow,
  type TaSummaryTotalRow,
  type TodayRow,
} from './reporting.read-model.sql.js';

export interface ReportFile {
  stream: Readable;
  filename: string;
  contentType: string;
}

/** The CSV's header: words people read (the JSON keeps the codes and camelCase keys); times on the center's clock. */
export const taActivityColumns = (timeZone: string) => [
  'Consultation ID',
  `Date (${zoneInHeader(timeZone)})`,
  `Start time (${zoneInHeader(timeZone)})`,
  'Case reference',
  'Organization',
  'OMH region',
  'County',
  'Service lines',
  'Topics',
  'Goal areas',
  'Modality',
  'Minutes',
  'Headcount',
  'Consultant',
];

/** A session counts in each goal area it touches: the first header says so, and the total rows count each once. */
export const TA_SUMMARY_COLUMNS = [
  'Goal area (a session counts in each goal area it touches)',
  'OMH region',
  'Sessions',
  'Minutes',
  'TA hours',
] as const;
export const ALL_GOAL_AREAS = 'All goal areas (distinct sessions)';
export const ALL_REGIONS = 'All regions';

export const caseListColumns = (timeZone: string) => [
  'Reference',
  'Title',
  'Organization',
  'OMH region',
  'Status',
  'Priority',
  'Assignee',
  'Topics',
  'Goal areas',
  `Opened (${zoneInHeader(timeZone)})`,
  `First response (${zoneInHeader(timeZone)})`,
  `Last activity (${zoneInHeader(timeZone)})`,
  'Stall level',
];

/**
 * The readiness figures as a long table (one figure a row), so a funder's spreadsheet can filter and pivot it: the
 * round counts and organizations assessed twice, then the mean change per section with its n, for all organizations,
 * by OMH region and by service line.
 */
export const READINESS_COLUMNS = ['Breakdown', 'Group', 'Figure', 'Section', 'Value', 'Organizations (n)'] as const;
export const READINESS_FIGURES = {
  rounds: 'Rounds taken (with answers)',
  baseline: 'Baseline rounds',
  followUp: 'Follow-up rounds',
  twice: 'Organizations assessed twice',
  change: 'Mean change in section score since the baseline',
} as const;

/** Goal areas as people read them; `unspecified` is a session whose topics have none. */
const GOAL_AREA_WORDS: Record<string, string> = { ...GOAL_AREA_LABELS, unspecified: 'Not specified' };
const labelOf = (labels: Record<string, string>, code: string): string => labels[code] ?? code;

type ActivityRow = [
  id: string,
  date: string,
  startTime: string,
  reference: string,
  organization: string,
  region: string,
  county: string,
  serviceLines: string[],
  topics: string[],
  modality: string,
  minutes: number,
  headcount: number | null,
  consultant: string,
];

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly readiness: ReadinessReportService,
    private readonly config: AppConfig,
  ) {}

  /** The readiness report (GET /reports/readiness) as CSV with the words people read. */
  async readinessSummary(query: ReadinessExportQueryDto): Promise<ReportFile> {
    const report = await this.readiness.report(query);
    const rows = readinessRows(report);
    return {
      stream: csvDocument(Readable.from([rows], { objectMode: true }), READINESS_COLUMNS, (r: unknown[]) => r, query.bom),
      filename: `readiness_${query.instrument}_${query.from}_to_${dayBefore(query.to)}.csv`,
      contentType: 'text/csv; charset=utf-8',
    };
  }

  /**
   * Every case the list's filters match (GET /cases without paging), in the list's order, as CSV with the words people
   * read: formatted by Postgres and streamed by COPY (copyLines), the filters applied by the cases lib's own code
   * (CasesService.matchingCasesSql).
   */
  async caseList(query: CaseFilterQuery & { bom: boolean }, actor: Pick<AuthenticatedUser, 'id' | 'role'>): Promise<ReportFile> {
    const [{ today }] = (await this.dataSource.query(TODAY)) as [TodayRow];
    const sql = caseListCsvSql(this.cases.matchingCasesSql(query, actor));
    return {
      stream: await copyLines(this.dataSource, sql, csvHeader(caseListColumns(this.config.CENTER_TIME_ZONE), query.bom)),
      filename: `cases_${today}.csv`,
      contentType: 'text/csv; charset=utf-8',
    };
  }

  /** One row per session in the period, streamed from a cursor: CSV (RFC 4180, CRLF) or a JSON document. */
  async taActivity(query: ReportQueryDto): Promise<ReportFile> {
    assertRange(query);
    const name = `ta-activity_${query.from}_to_${dayBefore(query.to)}`;

    if (query.format === 'json') {
      const topics = await this.cases.topics();
      const goalOf = new Map(topics.map((t) => [t.code, t.goalArea]));
      const goalAreas = (codes: string[]) => GOAL_AREAS.filter((area) => codes.some((code) => goalOf.get(code) === area));
      const toRecord = (r: ActivityRow) => ({
        consultationId: r[0],
        date: r[1],
        startTime: r[2],
        caseReference: r[3],
        organization: r[4],
        region: r[5],
        county: r[6],
        serviceLines: r[7],
        topics: r[8],
        goalAreas: goalAreas(r[8]),
        modality: r[9],
        minutes: r[10],
        headcount: r[11],
        consultant: r[12],
      });
      const rows = await cursorStream(this.dataSource, TA_ACTIVITY_SQL, await periodBounds(this.dataSource, query));
      return {
        stream: jsonDocument(rows, { ...query, timeZone: this.config.CENTER_TIME_ZONE }, toRecord),
        filename: `${name}.json`,
        contentType: 'application/json; charset=utf-8',
      };
    }
    // CSV: formatted by Postgres, labels included, and streamed by COPY (copyLines).
    const [from, to] = await periodBounds(this.dataSource, query);
    return {
      stream: await copyLines(
        this.dataSource,
        taActivityCsvSql(sqlLiteral(from), sqlLiteral(to)),
        csvHeader(taActivityColumns(this.config.CENTER_TIME_ZONE), query.bom),
      ),
      filename: `${name}.csv`,
      contentType: 'text/csv; charset=utf-8',
    };
  }

  /**
   * Sessions and TA hours by goal area × OMH region: every combination, zeros included, for the funder's table. A
   * session counts in each goal area it touches, so the goal areas of a region can add up to more than its sessions:
   * the total rows ("All goal areas (distinct sessions)", per region and for all regions) count each session once.
   */
  async taSummary(query: ReportQueryDto): Promise<ReportFile> {
    assertRange(query);
    const bounds = await periodBounds(this.dataSource, query);
    const [found, totals] = (await Promise.all([
      this.dataSource.query(TA_SUMMARY_SQL, bounds),
      this.dataSource.query(TA_SUMMARY_TOTALS_SQL, bounds),
    ])) as [TaSummaryRow[], TaSummaryTotalRow[]];
    const cell = new Map(found.map((r) => [`${r.goal_area}|${r.region}`, r]));
    const areas = [...GOAL_AREAS, ...new Set(found.map((r) => r.goal_area).filter((a) => !(GOAL_AREAS as readonly string[]).includes(a)))];
    const figures = (sessions: number, minutes: number) => ({ sessions, minutes, hours: hoursOf(minutes) });
    const rows = areas.flatMap((goalArea) =>
      OMH_REGIONS.map((region) => {
        const r = cell.get(`${goalArea}|${region}`);
        return { goalArea, region, ...figures(Number(r?.sessions ?? 0), Number(r?.minutes ?? 0)) };
      }),
    );
    const totalOf = new Map(totals.map((t) => [t.region, t]));
    const regions = [...OMH_REGIONS, ...totals.map((t) => t.region).filter((r) => !(OMH_REGIONS as readonly string[]).includes(r))];
    const byRegion = regions.map((region) => ({
      region,
      ...figures(Number(totalOf.get(region)?.sessions ?? 0), Number(totalOf.get(region)?.minutes ?? 0)),
    }));
    const all = figures(
      totals.reduce((sum, t) => sum + Number(t.sessions), 0),
      totals.reduce((sum, t) => sum + Number(t.minutes), 0),
    );
    const name = `ta-summary_${query.from}_to_${dayBefore(query.to)}`;
    if (query.format === 'json') {
      return {
        stream: jsonDocument(Readable.from([rows], { objectMode: true }), { ...query, timeZone: this.config.CENTER_TIME_ZONE }, (r) => r, {
          distinctSessions: {
            note: 'items count a session in each goal area it touches; these totals count each session once',
            byRegion,
            all,
          },
        }),
        filename: `${name}.json`,
        contentType: 'application/json; charset=utf-8',
      };
    }
    const cells: unknown[][] = [
      ...rows.map((r) => [labelOf(GOAL_AREA_WORDS, r.goalArea), labelOf(REGION_LABELS, r.region), r.sessions, r.minutes, r.hours]),
      ...byRegion.map((r) => [ALL_GOAL_AREAS, labelOf(REGION_LABELS, r.region), r.sessions, r.minutes, r.hours]),
      [ALL_GOAL_AREAS, ALL_REGIONS, all.sessions, all.minutes, all.hours],
    ];
    return {
      stream: csvDocument(Readable.from([cells], { objectMode: true }), TA_SUMMARY_COLUMNS, (r: unknown[]) => r, query.bom),
      filename: `${name}.csv`,
      contentType: 'text/csv; charset=utf-8',
    };
  }
}

function readinessRows(report: ReadinessReportDto): unknown[][] {
  const all = ['All organizations', 'All'];
  const changeRows = (group: string[], sections: ReadinessReportDto['sections']) =>
    sections.map((s) => [...group, READINESS_FIGURES.change, neutralizeFormula(s.title), s.meanChange ?? '', s.n]);
  return [
    [...all, READINESS_FIGURES.rounds, '', report.rounds.total, ''],
    [...all, READINESS_FIGURES.baseline, '', report.rounds.baseline, ''],
    [...all, READINESS_FIGURES.followUp, '', report.rounds.followUp, ''],
    [...all, READINESS_FIGURES.twice, '', report.organizationsAssessedTwice, ''],
    ...changeRows(all, report.sections),
    ...report.byRegion.flatMap((g) => {
      const group = ['OMH region', labelOf(REGION_LABELS, g.key)];
      return [[...group, READINESS_FIGURES.twice, '', g.organizations, ''], ...changeRows(group, g.sections)];
    }),
    ...report.byServiceLine.flatMap((g) => {
      const group = ['Service line', labelOf(SERVICE_LINE_LABELS, g.key)];
      return [[...group, READINESS_FIGURES.twice, '', g.organizations, ''], ...changeRows(group, g.sections)];
    }),
  ];
}

/**
 * Batches in, text out, with one batch buffered on the way in (the object-mode default, 16, would let a fast
 * cursor queue 16 batches of parsed rows ahead of a slower client) and one chunk on the way out: the response's
 * back-pressure reaches the cursor, so the export's memory stays at a batch or two whatever its length.
 */
const LEAN = { writableObjectMode: true, writableHighWaterMark: 1, readableHighWaterMark: 64 * 1024 } as const;

const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** The CSV's first line (after a UTF-8 byte order mark on request, for Excel). */
const csvHeader = (columns: readonly string[], bom: boolean): string => (bom ? '\ufeff' : '') + stringify([[...columns]], CSV_OPTIONS);

/**
 * Header, then one record per row, a batch of rows at a time (csv-stringify's sync API per batch); quoted wherever a
 * comma, quote, CR or LF appears (RFC 4180, CRLF line ends). For the small documents; the long exports are COPY's (copyLines).
 */
function csvDocument<T>(batches: Readable, columns: readonly string[], toCells: (row: T) => unknown[], bom: boolean): Readable {
  const header = csvHeader(columns, bom);
  let started = false;
  const csv = new Transform({
    ...LEAN,
    transform(batch: T[], _enc, done) {
      const body = stringify(batch.map(toCells), CSV_OPTIONS);
      done(null, started ? body : header + body);
      started = true;
    },
    flush(done) {
      done(null, started ? '' : header);
    },
  });
  return chain(batches, csv);
}

/** `{"from","to","timeZone","items":[…]}` written as the batches arrive. */
function jsonDocument<T>(
  batches: Readable,
  range: { from: string; to: string; timeZone: string },
  toRecord: (row: T) => unknown,
  trailer: Record<string, unknown> = {},
): Readable {
  const tail = Object.entries(trailer)
    .map(([key, value]) => `,${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join('');
  const head = `{"from":${JSON.stringify(range.from)},"to":${JSON.stringify(range.to)},"timeZone":${JSON.stringify(range.timeZone)},"items":[`;
  let started = false;
  const json = new Transform({
    ...LEAN,
    transform(batch: T[], _enc, done) {
      const body = batch.map((row) => JSON.stringify(toRecord(row))).join(',\n');
      done(null, (started ? ',\n' : `${head}\n`) + body);
      started = true;
    },
    flush(done) {
      done(null, started ? `\n]${tail}}\n` : `${head}]${tail}}\n`);
    },
  });
  return chain(batches, json);
}

/**
 * Pipes the source into the transform and returns it. stream.pipeline destroys both when either fails or the transform closes
 * early (the client went away), which ends the cursor's transaction and releases its connection.
 */
function chain(source: Readable, transform: Transform): Readable {
  // The error reaches the response through the transform; nothing else to do here.
  pipeline(source, transform, () => undefined);
  return transform;
}
