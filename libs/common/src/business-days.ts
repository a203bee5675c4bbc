import { TZDate } from '@date-fns/tz';
import Holidays from 'date-holidays';

/** New York State's public holidays (date-holidays' US/NY calendar), cached per year. */
const nyHolidays = new Holidays('US', 'NY', { types: ['public'] });
const holidayCache = new Map<number, Set<string>>();

function holidaysOf(year: number): Set<string> {
  let dates = holidayCache.get(year);
  if (!dates) {
    dates = new Set(nyHolidays.getHolidays(year).map((h) => h.date.slice(0, 10)));
    holidayCache.set(year, dates);
  }
  return dates;
}

/** YYYY-MM-DD of a UTC midnight standing for a calendar date. */
const isoDate = (day: Date): string => day.toISOString().slice(0, 10);

/** A calendar date (YYYY-MM-DD) that is a weekday and not a NY State public holiday. */
export function isBusinessDay(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidaysOf(day.getUTCFullYear()).has(date);
}

/**
 * `days` business days after `from`, at the same clock time in the center's time zone (CENTER_TIME_ZONE): a request
 * opened Friday 3 pm with 2 business days is due Tuesday 3 pm (Monday 3 pm… unless Monday is a holiday).
 * The zone's wall clock comes from @date-fns/tz, which keeps one Intl formatter per zone: dayjs' `.tz()` built one on
 * every call, a tenth of a public request's CPU (bench/README.md "Request form").
 */
export function addBusinessDays(from: Date, days: number, timeZone: string): Date {
  const local = new TZDate(from.getTime(), timeZone);
  // Step calendar dates, not 24-hour spans, so a daylight-saving change keeps the clock time.
  const day = new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
  let remaining = days;
  while (remaining > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (isBusinessDay(isoDate(day))) remaining -= 1;
  }
  const due = TZDate.tz(
    timeZone,
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate(),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    local.getMilliseconds(),
  );
  return new Date(due.getTime());
}

/** Today's calendar date (YYYY-MM-DD) in `timeZone`, as of `now`. */
export function calendarDateIn(timeZone: string, now: Date = new Date()): string {
  const local = new TZDate(now.getTime(), timeZone);
  return isoDate(new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate())));
}
