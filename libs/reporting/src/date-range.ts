import { fieldError } from '@ta/common';
import type { DataSource } from 'typeorm';
import { BOUNDS_SQL } from './reporting.read-model.sql.js';

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

/** The previous calendar day of a YYYY-MM-DD date (the last day a `to`-exclusive range covers). */
export function dayBefore(date: string): string {
  return new Date(((dayNumber(date) ?? NaN) - 1) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A period of New York calendar days: `from` inclusive, `to` exclusive (from=2026-01-01&to=2026-04-01 is Q1).
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

/** The instants a period starts and ends: New York midnights, computed by Postgres (daylight saving included). */
export async function periodBounds(dataSource: Pick<DataSource, 'query'>, range: { from: string; to: string }): Promise<[Date, Date]> {
  const [row] = (await dataSource.query(BOUNDS_SQL, [range.from, range.to])) as [{ lo: Date; hi: Date }];
  return [row.lo, row.hi];
}

/**
 * The whole calendar months inside a period, [first, end) as YYYY-MM-01 dates (the summary reads them from the monthly
 * facts); both `from` when the period holds no whole month.
 */
export function wholeMonths(range: { from: string; to: string }): [string, string] {
  const first = range.from.endsWith('-01') ? range.from : addMonth(range.from.slice(0, 8) + '01');
  const end = range.to.slice(0, 8) + '01';
  return first < end ? [first, end] : [range.from, range.from];
}

function addMonth(firstOfMonth: string): string {
  const [year, month] = firstOfMonth.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}
