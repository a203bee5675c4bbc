import { comparisonPeriods, matchingPresets, presetPeriod, presets } from '../src/pages/dashboard/period.js';

describe('dashboard periods', () => {
  it('offers New York State fiscal quarters and years (April–March) beside calendar ones', () => {
    const today = '2026-05-10';
    const fiscal = presets(today).filter((p) => p.kind === 'fiscal');
    expect(fiscal.map((p) => [p.label, presetPeriod(p.key, today)])).toEqual([
      ['FY 2026-27 Q1 (Apr–Jun 2026)', { from: '2026-04-01', to: '2026-07-01' }],
      ['FY 2025-26 Q4 (Jan–Mar 2026)', { from: '2026-01-01', to: '2026-04-01' }],
      ['FY 2026-27 (Apr 2026–Mar 2027)', { from: '2026-04-01', to: '2027-04-01' }],
      ['FY 2025-26 (Apr 2025–Mar 2026)', { from: '2025-04-01', to: '2026-04-01' }],
    ]);
    // January–March belongs to the fiscal year that started the April before.
    expect(presets('2027-02-01').find((p) => p.key === 'thisFiscalQuarter')?.label).toBe('FY 2026-27 Q4 (Jan–Mar 2027)');
    expect(presets('2026-11-29').find((p) => p.key === 'lastFiscalQuarter')?.label).toBe('FY 2026-27 Q2 (Jul–Sep 2026)');
    // October–December is calendar Q4 and fiscal Q3 at once.
    expect([...matchingPresets({ from: '2026-10-01', to: '2027-01-01' }, '2026-11-29')]).toEqual(['thisQuarter', 'thisFiscalQuarter']);
  });

  it('compares with the same number of days just before, only the elapsed days of a running period', () => {
    expect(comparisonPeriods({ from: '2026-07-01', to: '2026-10-01' }, '2026-11-29')).toEqual({
      current: { from: '2026-07-01', to: '2026-10-01' },
      previous: { from: '2026-03-31', to: '2026-07-01' },
      days: 92,
    });
    expect(comparisonPeriods({ from: '2026-10-01', to: '2027-01-01' }, '2026-11-29')).toEqual({
      current: { from: '2026-10-01', to: '2026-11-30' },
      previous: { from: '2026-08-02', to: '2026-10-01' },
      days: 60,
    });
  });
});
