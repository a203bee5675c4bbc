import { Queue, QueueEvents } from 'bullmq';
import { repoRoot, startProcess, type RunningProcess } from '../../../test/support/processes.js';

const connection = () => {
  const url = new URL(String(process.env.REDIS_URL));
  return { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null };
};

describe('worker (real process, real Redis)', () => {
  let worker: RunningProcess;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    queue = new Queue('maintenance', { connection: connection() });
    events = new QueueEvents('maintenance', { connection: connection() });
    await events.waitUntilReady();
    worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`);
  });
  afterAll(async () => {
    await worker?.stop();
    await queue?.close();
    await events?.close();
  });

  it('registers the repeatable heartbeat once', async () => {
    const deadline = Date.now() + 15000;
    let schedulers = await queue.getJobSchedulers();
    while (schedulers.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      schedulers = await queue.getJobSchedulers();
    }
    expect(schedulers.map((s) => s.key)).toEqual(['heartbeat']);
    // Nothing to warn about in a healthy start (the throttler once warned that no request was limited).
    expect(worker.output()).not.toMatch(/"level":40|throttlers/);
  });

  it('round-trips a heartbeat job through Redis to the worker process', async () => {
    const requestedAt = new Date().toISOString();
    const job = await queue.add('heartbeat', { requestedAt });
    const result = (await job.waitUntilFinished(events, 15000)) as { requestedAt: string; pid: number; processedAt: string };
    expect(result.requestedAt).toBe(requestedAt);
    expect(result.pid).toBe(worker.child.pid);
    expect(Date.parse(result.processedAt)).toBeGreaterThanOrEqual(Date.parse(requestedAt));
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const started = Date.now();
    expect(await worker.stop('SIGTERM')).toBe('SIGTERM');
    expect(Date.now() - started).toBeLessThan(10000);
    expect(worker.output()).not.toMatch(/error/i);
  });
});
