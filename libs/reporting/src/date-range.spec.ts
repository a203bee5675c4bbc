import { BadRequestException } from '@nestjs/common';
import { assertRange, dayBefore, dayNumber } from './date-range.js';

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
});
