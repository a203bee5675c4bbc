import { dayNumber } from '@ta/common';

/** Periods are checked and bounded by @ta/common (assertRange, periodBounds), shared with the surveys' outcome report. */
export { assertRange, dayNumber, periodBounds } from '@ta/common';

/** The previous calendar day of a YYYY-MM-DD date (the last day a `to`-exclusive range covers). */
export function dayBefore(date: string): string {
  return new Date(((dayNumber(date) ?? NaN) - 1) * 86_400_000).toISOString().slice(0, 10);
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
