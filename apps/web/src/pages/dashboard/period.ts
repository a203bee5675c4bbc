/**
 * Reporting periods are New York calendar dates: `from` inclusive, `to` exclusive (the API's rule). The picker shows
 * the last day included, so it is `to` minus one day on screen.
 */
export interface Period {
  from: string;
  to: string;
}

const CENTER_TIME_ZONE = 'America/New_York';

/** Today's date in New York (YYYY-MM-DD), whatever the browser's time zone. */
export function todayInNewYork(now = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: CENTER_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const ymd = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return ymd(y, m - 1, d + days);
}

export type PresetKey = 'thisQuarter' | 'lastQuarter' | 'yearToDate' | 'last12Months';

export const PRESETS: { key: PresetKey; label: string }[] = [
  { key: 'thisQuarter', label: 'This quarter' },
  { key: 'lastQuarter', label: 'Last quarter' },
  { key: 'yearToDate', label: 'Year to date' },
  { key: 'last12Months', label: 'Last 12 months' },
];

export function presetPeriod(key: PresetKey, today = todayInNewYork()): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const quarterStart = Math.floor((month - 1) / 3) * 3; // 0-based month
  const tomorrow = addDays(today, 1);
  switch (key) {
    case 'thisQuarter':
      return { from: ymd(year, quarterStart, 1), to: ymd(year, quarterStart + 3, 1) };
    case 'lastQuarter':
      return { from: ymd(year, quarterStart - 3, 1), to: ymd(year, quarterStart, 1) };
    case 'yearToDate':
      return { from: ymd(year, 0, 1), to: tomorrow };
    case 'last12Months':
      return { from: addDays(ymd(year - 1, month - 1, Number(today.slice(8, 10))), 1), to: tomorrow };
  }
}

export function matchingPreset(period: Period, today = todayInNewYork()): PresetKey | undefined {
  return PRESETS.find(({ key }) => {
    const p = presetPeriod(key, today);
    return p.from === period.from && p.to === period.to;
  })?.key;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the URL (?from&to), or this quarter. */
export function periodFrom(params: URLSearchParams): Period {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DATE.test(from) && DATE.test(to) && from < to) return { from, to };
  return presetPeriod('thisQuarter');
}

/** "Jan 1 – Mar 31, 2026" for the period's included days. */
export function describePeriod({ from, to }: Period): string {
  const format = (date: string, withYear: boolean) =>
    new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', {
      timeZone: 'UTC',
      month: 'short',
      day: 'numeric',
      ...(withYear ? { year: 'numeric' } : {}),
    });
  const last = addDays(to, -1);
  return `${format(from, from.slice(0, 4) !== last.slice(0, 4))} – ${format(last, true)}`;
}
