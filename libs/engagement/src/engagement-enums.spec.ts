import { progressOf } from './engagement-enums.js';

describe('progressOf', () => {
  it('is zero of zero for an empty plan', () => {
    expect(progressOf([])).toEqual({ done: 0, total: 0, percent: 0 });
  });
  it('counts only done items, rounding the percent down', () => {
    expect(progressOf(['done', 'todo', 'in_progress'])).toEqual({ done: 1, total: 3, percent: 33 });
    expect(progressOf(['done', 'done', 'blocked'])).toEqual({ done: 2, total: 3, percent: 66 });
    expect(progressOf(['done', 'done'])).toEqual({ done: 2, total: 2, percent: 100 });
    expect(progressOf(['done', 'cancelled', 'todo'])).toEqual({ done: 1, total: 2, percent: 50 });
  });
});
