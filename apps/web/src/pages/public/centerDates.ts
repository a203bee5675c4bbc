/**
 * Dates a clinic sees are the center's dates (its CENTER_TIME_ZONE, which the public pages get with the center:
 * docs/ARCHITECTURE.md §Contracts, Time), whatever the reader's own time zone.
 */

/** An instant as "March 4, 2026" in the center's time zone. */
export function formatCenterDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone }).format(new Date(iso));
}

/** A calendar date the API already computed in the center's zone ("2026-03-04") as "Wednesday, March 4, 2026". */
export function formatCalendarDate(day: string): string {
  const [y = 1970, m = 1, d = 1] = day.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
