import { pipeline, Readable, Transform } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GOAL_AREAS } from '@ta/cases';
import { OMH_REGIONS } from '@ta/organizations';
import { stringify } from 'csv-stringify/sync';
import type { DataSource } from 'typeorm';
import { cursorStream } from './cursor-stream.js';
import { hoursOf } from './dashboard.service.js';
import { assertRange, dayBefore, periodBounds } from './date-range.js';
import type { ReportQueryDto } from './dto/report-query.dto.js';
import { TA_ACTIVITY_CSV_SQL, TA_ACTIVITY_SQL, TA_SUMMARY_SQL, TZ } from './reporting.sql.js';

export interface ReportFile {
  stream: Readable;
  filename: string;
  contentType: string;
}

export const TA_ACTIVITY_COLUMNS = [
  'consultation_id',
  'date',
  'start_time',
  'case_reference',
  'organization',
  'region',
  'county',
  'service_lines',
  'topics',
  'goal_areas',
  'modality',
  'minutes',
  'headcount',
  'consultant',
] as const;

export const TA_SUMMARY_COLUMNS = ['goal_area', 'region', 'sessions', 'minutes', 'hours'] as const;

/** Lists inside one CSV cell. */
const LIST_SEPARATOR = '; ';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe: organization
 * names arrive from the public request form (OWASP "CSV injection").
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One row per session in the period, streamed from a cursor: CSV (RFC 4180, CRLF) or a JSON document. */
  async taActivity(query: ReportQueryDto): Promise<ReportFile> {
    assertRange(query);
    const topics = (await this.dataSource.query(`SELECT code, goal_area FROM topics`)) as Array<{ code: string; goal_area: string }>;
    const goalOf = new Map(topics.map((t) => [t.code, t.goal_area]));
    const goalAreas = (codes: string[]) => GOAL_AREAS.filter((area) => codes.some((code) => goalOf.get(code) === area));
    const name = `ta-activity_${query.from}_to_${dayBefore(query.to)}`;

    if (query.format === 'json') {
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
      return { stream: jsonDocument(rows, query, toRecord), filename: `${name}.json`, contentType: 'application/json; charset=utf-8' };
    }
    // CSV: the rows arrive formatted by Postgres (TA_ACTIVITY_CSV_SQL); only the goal areas are added here.
    const goalCell = new Map<string, string>();
    const goalsOf = (topicList: string): string => {
      let cell = goalCell.get(topicList);
      if (cell === undefined) {
        cell = csvCell(goalAreas(topicList ? topicList.split(LIST_SEPARATOR) : []).join(LIST_SEPARATOR));
        goalCell.set(topicList, cell);
      }
      return cell;
    };
    const lines = await cursorStream(this.dataSource, TA_ACTIVITY_CSV_SQL, await periodBounds(this.dataSource, query));
    const header = (query.bom ? '\ufeff' : '') + stringify([[...TA_ACTIVITY_COLUMNS]], CSV_OPTIONS);
    let started = false;
    const csv = new Transform({
      ...LEAN,
      transform(batch: Array<[head: string, topics: string, tail: string]>, _enc, done) {
        let body = started ? '' : header;
        started = true;
        // Chunks of a few dozen KB: a string past V8's large-object threshold (~128 KB) would be garbage only a full
        // collection frees, which is what made the RSS climb during the export.
        let rows = 0;
        for (const [head, topicList, tail] of batch) {
          body += `${head},${goalsOf(topicList)},${tail}\r\n`;
          if (++rows % CHUNK_ROWS === 0) {
            this.push(body);
            body = '';
          }
        }
        done(null, body || undefined);
      },
      flush(done) {
        done(null, started ? '' : header);
      },
    });
    return { stream: chain(lines, csv), filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8' };
  }

  /** Sessions and TA hours by goal area × OMH region: every combination, zeros included, for the funder's table. */
  async taSummary(query: ReportQueryDto): Promise<ReportFile> {
    assertRange(query);
    const found = (await this.dataSource.query(TA_SUMMARY_SQL, await periodBounds(this.dataSource, query))) as Array<{
      goal_area: string;
      region: string;
      sessions: string;
      minutes: string;
    }>;
    const cell = new Map(found.map((r) => [`${r.goal_area}|${r.region}`, r]));
    const areas = [...GOAL_AREAS, ...new Set(found.map((r) => r.goal_area).filter((a) => !(GOAL_AREAS as readonly string[]).includes(a)))];
    const rows = areas.flatMap((goalArea) =>
      OMH_REGIONS.map((region) => {
        const r = cell.get(`${goalArea}|${region}`);
        const minutes = Number(r?.minutes ?? 0);
        return { goalArea, region, sessions: Number(r?.sessions ?? 0), minutes, hours: hoursOf(minutes) };
      }),
    );
    const name = `ta-summary_${query.from}_to_${dayBefore(query.to)}`;
    const source = Readable.from([rows], { objectMode: true });
    if (query.format === 'json') {
      return { stream: jsonDocument(source, query, (r) => r), filename: `${name}.json`, contentType: 'application/json; charset=utf-8' };
    }
    return {
      stream: csvDocument(
        source,
        TA_SUMMARY_COLUMNS,
        (r: (typeof rows)[number]) => [r.goalArea, r.region, r.sessions, r.minutes, r.hours],
        query.bom,
      ),
      filename: `${name}.csv`,
      contentType: 'text/csv; charset=utf-8',
    };
  }
}

/**
 * Batches in, text out, with one batch buffered on the way in (the object-mode default, 16, would let a fast
 * cursor queue 16 batches of parsed rows ahead of a slower client) and one chunk on the way out: the response's
 * back-pressure reaches the cursor, so the export's memory stays at a batch or two whatever its length.
 */
const LEAN = { writableObjectMode: true, writableHighWaterMark: 1, readableHighWaterMark: 64 * 1024 } as const;

/** Rows per pushed chunk of the CSV export (~170 bytes each). */
const CHUNK_ROWS = 200;

const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** One CSV cell as csv-stringify writes it with CSV_OPTIONS: quoted when it holds a comma, quote, CR or LF. */
const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * Header, then one record per row, a batch of rows at a time (csv-stringify's sync API per batch); quoted wherever a
 * comma, quote, CR or LF appears (RFC 4180, CRLF line ends).
 */
function csvDocument<T>(batches: Readable, columns: readonly string[], toCells: (row: T) => unknown[], bom: boolean): Readable {
  const header = (bom ? '\ufeff' : '') + stringify([[...columns]], CSV_OPTIONS);
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
function jsonDocument<T>(batches: Readable, range: { from: string; to: string }, toRecord: (row: T) => unknown): Readable {
  const head = `{"from":${JSON.stringify(range.from)},"to":${JSON.stringify(range.to)},"timeZone":"${TZ}","items":[`;
  let started = false;
  const json = new Transform({
    ...LEAN,
    transform(batch: T[], _enc, done) {
      const body = batch.map((row) => JSON.stringify(toRecord(row))).join(',\n');
      done(null, (started ? ',\n' : `${head}\n`) + body);
      started = true;
    },
    flush(done) {
      done(null, started ? '\n]}\n' : `${head}]}\n`);
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
