import Holidays from 'date-holidays';
import { defaultDueDate, isBusinessDay, nyStateHolidays } from '../src/components/businessDays.js';

/** The web app's hard-coded holiday rules against the calendar the server counts business days with. */
describe('the web app’s New York State business days', () => {
  it('has the same public holidays as the server’s calendar (date-holidays US/NY), observed days included, 2021–2060', () => {
    const server = new Holidays('US', 'NY', { types: ['public'] });
    for (let year = 2021; year <= 2060; year++) {
      const theirs = new Set(
        [...server.getHolidays(year), ...server.getHolidays(year + 1)]
          .map((h) => h.date.slice(0, 10))
          .filter((d) => d.startsWith(`${year}-`)),
      );
      expect([...nyStateHolidays(year)].sort()).toEqual([...theirs].sort());
    }
  });

  it('skips weekends and holidays', () => {
    expect(isBusinessDay(new Date(2026, 10, 27))).toBe(true); // Friday after Thanksgiving: a working day
    expect(isBusinessDay(new Date(2026, 10, 26))).toBe(false); // Thanksgiving
    expect(isBusinessDay(new Date(2026, 11, 6))).toBe(false); // Sunday
    expect(isBusinessDay(new Date(2027, 11, 31))).toBe(false); // New Year's Day 2028 (a Saturday) observed
  });

  it('puts a new follow-up a week on at 10:00, moved to the next business day', () => {
    // Sunday Nov 29, 2026 + 7 = Sunday Dec 6: Monday Dec 7.
    expect(defaultDueDate(7, 10, new Date(2026, 10, 29, 15, 30))).toEqual(new Date(2026, 11, 7, 10));
    // Tuesday + 7 = Tuesday.
    expect(defaultDueDate(7, 10, new Date(2026, 11, 1, 8))).toEqual(new Date(2026, 11, 8, 10));
    // Thursday Nov 19 + 7 = Thanksgiving: Friday Nov 27.
    expect(defaultDueDate(7, 10, new Date(2026, 10, 19))).toEqual(new Date(2026, 10, 27, 10));
    // Friday Dec 18, 2027 + 7 = Christmas Eve (observed, Friday), then the weekend: Monday Dec 27.
    expect(defaultDueDate(7, 10, new Date(2027, 11, 17))).toEqual(new Date(2027, 11, 27, 10));
  });
});
