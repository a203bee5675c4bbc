/**
 * Reporting periods are calendar dates of the center (CENTER_TIME_ZONE; `today` is today there, components/centerTime): `from` inclusive, `to` exclusive (the API's rule). The picker shows
 * the last day included, so it is `to` minus one day on screen.
 */
export interface Period {
  from: string;
  to: string;
}

const ymd = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return ymd(y, m - 1, d + days);
}

type FiscalKey = 'thisFiscalQuarter' | 'lastFiscalQuarter' | 'thisFiscalYear' | 'lastFiscalYear';
export type PresetKey = 'thisQuarter' | 'lastQuarter' | 'yearToDate' | 'last12Months' | FiscalKey;

export interface Preset {
  key: PresetKey;
  label: string;
  /** Calendar periods, or New York State fiscal ones (April–March). */
  kind: 'calendar' | 'fiscal';
}

const MONTH = (month: number) => new Date(Date.UTC(2000, month, 1)).toLocaleDateString('en-US', { timeZone: 'UTC', month: 'short' });

/**
 * New York State's fiscal year runs April 1 – March 31 and is named by both years ("FY 2026-27"); its first quarter is
 * April–June. `year` is the calendar year the fiscal year starts in, `quarter` 0–3.
 */
function fiscalQuarter(year: number, quarter: number): { period: Period; label: string } {
  const from = ymd(year, 3 + quarter * 3, 1);
  const to = ymd(year, 6 + quarter * 3, 1);
  const [y, m] = from.split('-').map(Number) as [number, number];
  return {
    period: { from, to },
    label: `${fiscalName(year)} Q${quarter + 1} (${MONTH(m - 1)}–${MONTH(m + 1)} ${y})`,
  };
}

const fiscalName = (year: number) => `FY ${year}-${String((year + 1) % 100).padStart(2, '0')}`;

function fiscalYear(year: number): { period: Period; label: string } {
  return { period: { from: ymd(year, 3, 1), to: ymd(year + 1, 3, 1) }, label: `${fiscalName(year)} (Apr ${year}–Mar ${year + 1})` };
}

/** Today's fiscal year (the calendar year it started in) and quarter (0–3). */
function fiscalNow(today: string): { year: number; quarter: number } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const start = month >= 4 ? year : year - 1;
  return { year: start, quarter: Math.floor(((month - 4 + 12) % 12) / 3) };
}

function fiscalPreset(key: FiscalKey, today: string): { period: Period; label: string } {
  const { year, quarter } = fiscalNow(today);
  switch (key) {
    case 'thisFiscalQuarter':
      return fiscalQuarter(year, quarter);
    case 'lastFiscalQuarter':
      return quarter === 0 ? fiscalQuarter(year - 1, 3) : fiscalQuarter(year, quarter - 1);
    case 'thisFiscalYear':
      return fiscalYear(year);
    case 'lastFiscalYear':
      return fiscalYear(year - 1);
  }
}

const CALENDAR: { key: PresetKey; label: string }[] = [
  { key: 'thisQuarter', label: 'This quarter' },
  { key: 'lastQuarter', label: 'Last quarter' },
  { key: 'yearToDate', label: 'Year to date' },
  { key: 'last12Months', label: 'Last 12 months' },
];
const FISCAL: FiscalKey[] = ['thisFiscalQuarter', 'lastFiscalQuarter', 'thisFiscalYear', 'lastFiscalYear'];

/** The presets as of `today`: calendar ones, then New York State fiscal ones named by their dates. */
export function presets(today: string): Preset[] {
  return [
    ...CALENDAR.map((p) => ({ ...p, kind: 'calendar' as const })),
    ...FISCAL.map((key) => ({ key, label: fiscalPreset(key, today).label, kind: 'fiscal' as const })),
  ];
}

export function presetPeriod(key: PresetKey, today: string): Period {
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
    default:
      return fiscalPreset(key, today).period;
  }
}

/** Every preset the period is (a calendar quarter can also be a fiscal one: October–December is Q4 and FY Q3). */
export function matchingPresets(period: Period, today: string): Set<PresetKey> {
  return new Set(
    presets(today)
      .filter(({ key }) => {
        const p = presetPeriod(key, today);
        return p.from === period.from && p.to === period.to;
      })
      .map((p) => p.key),
  );
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * What the KPI cards compare with: the days of the period up to today (`current`; a period still running is compared
 * on its elapsed days only, not on days that have not happened) and the same number of days just before it.
 */
export function comparisonPeriods(period: Period, today: string): { current: Period; previous: Period; days: number } {
  const tomorrow = addDays(today, 1);
  const end = period.to > tomorrow && tomorrow > period.from ? tomorrow : period.to;
  const days = dayNumber(end) - dayNumber(period.from);
  return { current: { from: period.from, to: end }, previous: { from: addDays(period.from, -days), to: period.from }, days };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the URL (?from&to), or this quarter. */
export function periodFrom(params: URLSearchParams, today: string): Period {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DATE.test(from) && DATE.test(to) && from < to) return { from, to };
  return presetPeriod('thisQuarter', today);
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
