import { NextRun } from './next-run.js';

/** A run that ends when the test says so. */
function gate<T>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

describe('NextRun', () => {
  it('starts at once when nothing runs, and callers during a run share the next one, started after the first ends', async () => {
    const shared = new NextRun<number>();
    const first = gate<number>();
    const second = gate<number>();
    const starts: string[] = [];
    const a = shared.run('year', () => (starts.push('a'), first.promise));
    const b = shared.run('year', () => (starts.push('b'), second.promise));
    const c = shared.run('year', () => (starts.push('c'), Promise.resolve(-1)));
    expect(starts).toEqual(['a']); // b and c asked while a ran: neither may be answered by it
    first.open(1);
    await expect(a).resolves.toBe(1);
    await Promise.resolve();
    expect(starts).toEqual(['a', 'b']); // one run for both waiting callers
    second.open(2);
    await expect(b).resolves.toBe(2);
    await expect(c).resolves.toBe(2);
  });

  it('keeps keys apart, keeps nothing after a run, and a failed run fails only its own callers', async () => {
    const shared = new NextRun<string>();
    const failing = shared.run('q1', () => Promise.reject(new Error('boom')));
    const other = shared.run('q2', () => Promise.resolve('q2'));
    await expect(failing).rejects.toThrow('boom');
    await expect(other).resolves.toBe('q2');
    await expect(shared.run('q1', () => Promise.resolve('fresh'))).resolves.toBe('fresh');
  });
});
