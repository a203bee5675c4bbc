import type { DataSource } from 'typeorm';
import { fieldError } from './validation.js';

/** The longest period a dashboard or report may cover. */
export const MAX_RANGE_YEARS = 3;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD calendar date, or undefined when it is not a real date (2026-02-30). */
export function dayNumber(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return time / 86_400_000;
}

/** `date` moved by whole years (Feb 29 → Feb 28 in a common year). */
function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year + years, month - 1, 1));
  const lastDay = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * A period of the center's calendar days: `from` inclusive, `to` exclusive (from=2026-01-01&to=2026-04-01 is Q1).
 * The DTO checked each date's shape; this checks them together: a 400 naming `to` when it is not after `from`
 * or the period is longer than MAX_RANGE_YEARS.
 */
export function assertRange(range: { from: string; to: string }): void {
  const from = dayNumber(range.from);
  const to = dayNumber(range.to);
  if (from === undefined) throw fieldError('from', 'must be a date (YYYY-MM-DD)');
  if (to === undefined) throw fieldError('to', 'must be a date (YYYY-MM-DD)');
  if (to <= from) throw fieldError('to', 'must be after from (to is exclusive)');
  if (range.to > addYears(range.from, MAX_RANGE_YEARS)) throw fieldError('to', `the period may cover at most ${MAX_RANGE_YEARS} years`);
}

/**
 * $1, $2: YYYY-MM-DD → the instants the center's days start (center_time_zone(), set per connection from
 * CENTER_TIME_ZONE: ARCHITECTURE §Contracts). No table: a computation any lib may run.
 */
const PERIOD_BOUNDS_SQL = `SELECT ($1::date)::timestamp AT TIME ZONE center_time_zone() AS lo, ($2::date)::timestamp AT TIME ZONE center_time_zone() AS hi`;

/** The instants a period starts and ends: the center's midnights, computed by Postgres (daylight saving included). */
export async function periodBounds(dataSource: Pick<DataSource, 'query'>, range: { from: string; to: string }): Promise<[Date, Date]> {
  const [row] = (await dataSource.query(PERIOD_BOUNDS_SQL, [range.from, range.to])) as [{ lo: Date; hi: Date }];
  return [row.lo, row.hi];
}
