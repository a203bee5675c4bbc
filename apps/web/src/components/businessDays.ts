/**
 * Business days as the center counts them (libs/common/src/business-days.ts on the server, which uses date-holidays'
 * US/NY public calendar): weekdays that are not New York State public holidays. Hard-coded rules here, so the staff
 * app does not ship a worldwide holiday library; apps/web/test/business-days.spec.ts checks them against the server's.
 */

/** A local calendar date as `YYYY-MM-DD`. */
function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The `n`th `weekday` (0 = Sunday) of a month (1-based); n = -1 is the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = new Date(year, month - 1, 1).getDay();
    return iso(year, month, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(year, month, 0).getDate();
  const last = new Date(year, month - 1, lastDay).getDay();
  return iso(year, month, lastDay - ((last - weekday + 7) % 7));
}

/** A fixed-date holiday and, when it falls on a weekend, the weekday observed instead (Saturday → Friday, Sunday → Monday). */
function observed(year: number, month: number, day: number): string[] {
  const weekday = new Date(year, month - 1, day).getDay();
  const shift = weekday === 6 ? -1 : weekday === 0 ? 1 : 0;
  if (!shift) return [iso(year, month, day)];
  const moved = new Date(year, month - 1, day + shift);
  return [iso(year, month, day), iso(moved.getFullYear(), moved.getMonth() + 1, moved.getDate())];
}

const cache = new Map<number, Set<string>>();

/** New York State's public holidays of a year (with observed days, some of which fall in the year before). */
export function nyStateHolidays(year: number): Set<string> {
  let dates = cache.get(year);
  if (dates) return dates;
  const days = [
    ...observed(year, 1, 1), // New Year's Day
    ...observed(year + 1, 1, 1), // next New Year's Day, observed on Dec 31 when it falls on a Saturday
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day
    iso(year, 2, 12), // Lincoln's Birthday
    iso(year, 2, 15), // Susan B. Anthony Day (in the server's calendar too)
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    ...(year >= 2021 ? observed(year, 6, 19) : []), // Juneteenth
    ...observed(year, 7, 4), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    iso(year, 11, Number(nthWeekday(year, 11, 1, 1).slice(8)) + 1), // Election Day: the Tuesday after the first Monday
    iso(year, 11, 11), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving
    ...observed(year, 12, 25), // Christmas
  ];
  dates = new Set(days.filter((date) => date.startsWith(`${year}-`)));
  cache.set(year, dates);
  return dates;
}

/** A weekday that is not a New York State public holiday (the date's own calendar day). */
export function isBusinessDay(date: Date): boolean {
  const weekday = date.getDay();
  if (weekday === 0 || weekday === 6) return false;
  return !nyStateHolidays(date.getFullYear()).has(iso(date.getFullYear(), date.getMonth() + 1, date.getDate()));
}

/**
 * The default due time of a new follow-up: `days` calendar days from `from` at `hour`:00, moved on to the next
 * business day when that falls on a weekend or a holiday ("in a week" from a Sunday is the Monday after next).
 */
export function defaultDueDate(days = 7, hour = 10, from: Date = new Date()): Date {
  const date = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days, hour);
  while (!isBusinessDay(date)) date.setDate(date.getDate() + 1);
  return date;
}
