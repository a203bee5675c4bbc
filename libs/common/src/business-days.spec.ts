import { addBusinessDays, calendarDateIn, isBusinessDay } from './business-days.js';

const NY = 'America/New_York';

describe('business days in New York', () => {
  it('skips weekends', () => {
    // Friday 2026-03-06 15:00 New York (EST, UTC-5) → Tuesday 2026-03-10 15:00 (EDT, UTC-4 after the DST change).
    expect(addBusinessDays(new Date('2026-03-06T20:00:00Z'), 2, NY).toISOString()).toBe('2026-03-10T19:00:00.000Z');
  });

  it('skips NY State holidays', () => {
    expect(isBusinessDay('2026-11-26')).toBe(false); // Thanksgiving
    expect(isBusinessDay('2026-07-03')).toBe(false); // Independence Day observed (July 4 is a Saturday)
    expect(isBusinessDay('2026-02-12')).toBe(false); // Lincoln's Birthday, a NY State holiday
    expect(isBusinessDay('2026-11-24')).toBe(true);
    // Wednesday before Thanksgiving, 10:00 → Thursday is a holiday → Friday, Monday.
    expect(addBusinessDays(new Date('2026-11-25T15:00:00Z'), 2, NY).toISOString()).toBe('2026-11-30T15:00:00.000Z');
  });

  it('keeps the clock time across the fall daylight-saving change too', () => {
    // Friday 2026-10-30 15:00 EDT (UTC-4) → Monday 2026-11-02 15:00 EST (UTC-5).
    expect(addBusinessDays(new Date('2026-10-30T19:00:00Z'), 1, NY).toISOString()).toBe('2026-11-02T20:00:00.000Z');
  });

  it('counts from the next business day when opened on a weekend', () => {
    // Saturday 2026-05-16 10:00 EDT → Monday (1), Tuesday (2).
    expect(addBusinessDays(new Date('2026-05-16T14:00:00Z'), 2, NY).toISOString()).toBe('2026-05-19T14:00:00.000Z');
  });
});

describe('business days in another center time zone', () => {
  it('keeps the clock time of that zone', () => {
    // Friday 2026-03-06 15:00 in Los Angeles (PST, UTC-8) → Tuesday 2026-03-10 15:00 (PDT, UTC-7).
    expect(addBusinessDays(new Date('2026-03-06T23:00:00Z'), 2, 'America/Los_Angeles').toISOString()).toBe('2026-03-10T22:00:00.000Z');
  });
});

describe('today in the center time zone', () => {
  it('is the date on the center wall calendar, not the server one', () => {
    const instant = new Date('2026-11-29T16:30:00Z');
    expect(calendarDateIn(NY, instant)).toBe('2026-11-29');
    expect(calendarDateIn('Asia/Tokyo', instant)).toBe('2026-11-30');
    expect(calendarDateIn('Pacific/Honolulu', new Date('2026-12-01T09:59:00Z'))).toBe('2026-11-30');
  });
});
