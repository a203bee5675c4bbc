import { BadRequestException } from '@nestjs/common';
import { assertRange, dayBefore, dayNumber, wholeMonths } from './date-range.js';

function fieldOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { details: Array<{ field: string }> }).details[0]?.field;
  }
}

describe('report date ranges', () => {
  it('reads real calendar dates only', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2028-02-29')).toBeDefined();
    expect(dayNumber('2026-02-29')).toBeUndefined();
    expect(dayNumber('2026-13-01')).toBeUndefined();
    expect(dayNumber('2026-1-01')).toBeUndefined();
    expect(dayNumber('2026-01-01T00:00:00Z')).toBeUndefined();
  });

  it('accepts from before to, up to three years', () => {
    expect(fieldOf(() => assertRange({ from: '2026-01-01', to: '2026-01-02' }))).toBeUndefined();
    expect(fieldOf(() => assertRange({ from: '2026-01-01', to: '2029-01-01' }))).toBeUndefined();
    expect(fieldOf(() => assertRange({ from: '2028-02-29', to: '2031-02-28' }))).toBeUndefined();
  });

  it('names the field that is wrong', () => {
    expect(fieldOf(() => assertRange({ from: '2026-01-01', to: '2026-01-01' }))).toBe('to');
    expect(fieldOf(() => assertRange({ from: '2026-04-01', to: '2026-01-01' }))).toBe('to');
    expect(fieldOf(() => assertRange({ from: '2026-01-01', to: '2029-01-02' }))).toBe('to');
    expect(fieldOf(() => assertRange({ from: '2026-02-30', to: '2026-04-01' }))).toBe('from');
  });

  it('finds the last day a range covers', () => {
    expect(dayBefore('2026-04-01')).toBe('2026-03-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  });

  it('finds the whole months inside a period (read from the monthly facts)', () => {
    expect(wholeMonths({ from: '2025-01-01', to: '2026-01-01' })).toEqual(['2025-01-01', '2026-01-01']);
    expect(wholeMonths({ from: '2025-01-15', to: '2025-04-10' })).toEqual(['2025-02-01', '2025-04-01']);
    expect(wholeMonths({ from: '2025-12-02', to: '2026-02-01' })).toEqual(['2026-01-01', '2026-02-01']);
    expect(wholeMonths({ from: '2031-03-31', to: '2031-04-01' })).toEqual(['2031-03-31', '2031-03-31']);
    expect(wholeMonths({ from: '2025-01-02', to: '2025-02-28' })).toEqual(['2025-01-02', '2025-01-02']);
  });
});
