/** Dates a clinic sees are New York dates (docs/ARCHITECTURE.md §Contracts, Time), whatever the reader's own time zone. */
const CENTER_TIME_ZONE = 'America/New_York';

/** An instant as "March 4, 2026" in New York. */
export function formatNyDate(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: CENTER_TIME_ZONE }).format(new Date(iso));
}

/** An instant as "March 4, 2026 at 2:30 PM EST" in New York. */
export function formatNyDateTime(iso: string): string {
  return new Intl.DateTimeFormat('en-US', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: CENTER_TIME_ZONE,
  }).format(new Date(iso));
}

/** A calendar date the API already computed in New York ("2026-03-04") as "Wednesday, March 4, 2026". */
export function formatCalendarDate(day: string): string {
  const [y = 1970, m = 1, d = 1] = day.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
