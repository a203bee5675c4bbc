/**
 * Shares one run of an expensive read among the callers that asked for the same thing, without ever answering a caller
 * from a run that started before it asked: a caller joins the run that has not started yet, or, when a run is going
 * on, the next one, which starts when it ends. So every answer reflects everything committed before its request
 * arrived (read-your-writes holds: a lead who logs a session and then opens the dashboard sees it), and N concurrent
 * askers cost at most two runs instead of N (bench/README.md "Dashboard summary"). Nothing is kept after a run ends.
 */
export class NextRun<T> {
  private readonly running = new Map<string, Promise<T>>();
  private readonly waiting = new Map<string, Promise<T>>();

  run(key: string, compute: () => Promise<T>): Promise<T> {
    const queued = this.waiting.get(key);
    if (queued) return queued;
    const before = this.running.get(key);
    const next = (async () => {
      if (before) await before.catch(() => undefined);
      // From here on, callers wait for the run after this one: this run may not see what they committed.
      this.waiting.delete(key);
      const run = compute();
      this.running.set(key, run);
      try {
        return await run;
      } finally {
        if (this.running.get(key) === run) this.running.delete(key);
      }
    })();
    if (before) this.waiting.set(key, next);
    return next;
  }
}
