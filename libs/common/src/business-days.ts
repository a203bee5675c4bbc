import Holidays from 'date-holidays';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

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

/** A calendar date (YYYY-MM-DD) that is a weekday and not a NY State public holiday. */
export function isBusinessDay(date: string): boolean {
  const day = dayjs.utc(date);
  const weekday = day.day();
  return weekday !== 0 && weekday !== 6 && !holidaysOf(day.year()).has(date);
}

/**
 * `days` business days after `from`, at the same clock time in the center's time zone (CENTER_TIME_ZONE): a request
 * opened Friday 3 pm with 2 business days is due Tuesday 3 pm (Monday 3 pm… unless Monday is a holiday).
 */
export function addBusinessDays(from: Date, days: number, timeZone: string): Date {
  const local = dayjs(from).tz(timeZone);
  const clock = local.format('HH:mm:ss.SSS');
  // Step calendar dates, not 24-hour spans, so a daylight-saving change keeps the clock time.
  let date = local.format('YYYY-MM-DD');
  let remaining = days;
  while (remaining > 0) {
    date = dayjs.utc(date).add(1, 'day').format('YYYY-MM-DD');
    if (isBusinessDay(date)) remaining -= 1;
  }
  return dayjs.tz(`${date}T${clock}`, timeZone).toDate();
}

/** Today's calendar date (YYYY-MM-DD) in `timeZone`, as of `now`. */
export function calendarDateIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}
