import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import pg from 'pg';
import { eventually, messagesFor, privateSink } from '../../../test/support/mail-sink.js';
import { repoRoot, startProcess, type RunningProcess } from '../../../test/support/processes.js';
import { privateRedis } from '../../../test/support/redis.js';

const connectionTo = (redisUrl: string) => {
  const url = new URL(redisUrl);
  return { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null };
};

describe('timers under faults: a killed worker, a restarted Redis', () => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const workers: RunningProcess[] = [];
  /** Private sinks and Redis servers a test started: stopped after it, passed or failed, so nothing outlives the run. */
  const services: Array<{ stop: () => Promise<unknown> }> = [];
  let orgId: string;

  beforeAll(async () => {
    await db.connect();
    orgId = (
      await db.query(
        `INSERT INTO organizations (name, normalized_name, kind, region, county, stage) VALUES ($1, $1, 'agency', 'nyc', 'Kings', 'starting') RETURNING id`,
        [`Fault Clinic ${randomUUID()}`],
      )
    ).rows[0].id;
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop('SIGKILL')));
    await Promise.all(services.splice(0).map((service) => service.stop()));
  });
  afterAll(() => db.end());

  const startWorker = (env: Record<string, string> = {}) => {
    const worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`, env);
    workers.push(worker);
    return worker;
  };
  const newConsultant = async () => {
    const email = `fault-${randomUUID().slice(0, 8)}@test.example.org`;
    const id = (
      await db.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Fran Fault', 'consultant', 'x') RETURNING id`, [
        email,
      ])
    ).rows[0].id as string;
    return { id, email };
  };
  /** `count` active cases of the consultant with no activity for 15 days: each is one at-risk effect and email. */
  const staleCases = async (consultantId: string, count: number) =>
    (
      await db.query(
        `INSERT INTO cases (organization_id, title, description, source, priority, status, assignee_id, opened_at, last_activity_at, first_response_at, version)
         SELECT $1, 'Fault case ' || g, 'd', 'phone', 'normal', 'active', $2, now() - interval '40 days', now() - interval '15 days', now() - interval '39 days', 1
         FROM generate_series(1, $3) g RETURNING id`,
        [orgId, consultantId, count],
      )
    ).rows.map((r) => r.id as string);

  it('applies every effect exactly once when the worker is SIGKILLed mid-sweep and restarted', async () => {
    const consultant = await newConsultant();
    const cases = await staleCases(consultant.id, 150);
    // A long tail of work (20,000 overdue follow-ups on one case) keeps the sweep busy long enough to be killed inside it.
    const busy = (
      await db.query(
        `INSERT INTO cases (organization_id, title, description, source, priority, status, opened_at, last_activity_at, version) VALUES ($1, 'Busy', 'd', 'phone', 'normal', 'active', now(), now(), 1) RETURNING id`,
        [orgId],
      )
    ).rows[0].id;
    await db.query(
      `INSERT INTO follow_ups (case_id, due_at, assignee_id, kind) SELECT $1, now() - interval '3 days', $2, 'check_in' FROM generate_series(1, 20000)`,
      [busy, consultant.id],
    );

    // Its own SMTP sink: the kill may cut an SMTP session, and no other test should feel it.
    const sink = await privateSink();
    services.push(sink);
    await sink.start();
    const queue = new Queue('sweeps', { connection: connectionTo(String(process.env.REDIS_URL)) });
    try {
      const first = startWorker({ SMTP_URL: sink.smtpUrl });
      const job = await queue.add('escalation-sweep', { at: new Date().toISOString() });
      await eventually(
        () => job.getState(),
        (state) => state === 'active',
        15000,
      );
      await new Promise((r) => setTimeout(r, 150));
      await first.stop('SIGKILL');

      // Emails whose delivery jobs died with the worker (not yet queued, or active in it) are picked up again by the
      // outbox sweep and BullMQ's stalled-job check; the short outbox settings only make that quick enough to watch.
      startWorker({ SMTP_URL: sink.smtpUrl, OUTBOX_SWEEP_EVERY_SECONDS: '1', OUTBOX_REQUEUE_AFTER_SECONDS: '2' });
      const again = await queue.add('escalation-sweep', { at: new Date().toISOString() });
      await eventually(
        () => again.getState(),
        (state) => state === 'completed',
        30000,
      );
    } finally {
      await queue.close();
    }

    const effects = await db.query(`SELECT count(*)::int AS n FROM sweep_effects WHERE case_id = ANY($1)`, [cases]);
    expect(effects.rows[0].n).toBe(150);
    const atRiskEvents = await db.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = ANY($1) AND type = 'stall_at_risk'`, [
      cases,
    ]);
    expect(atRiskEvents.rows[0].n).toBe(150);
    const missed = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'missed')::int AS missed, count(*)::int AS total FROM follow_ups WHERE case_id = $1`,
      [busy],
    );
    expect(missed.rows[0]).toEqual({ missed: 20000, total: 20000 });
    const missedEvents = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT data->>'followUpId')::int AS distinct_n FROM case_events WHERE case_id = $1 AND type = 'follow_up_missed'`,
      [busy],
    );
    expect(missedEvents.rows[0]).toEqual({ n: 20000, distinct_n: 20000 });
    const rows = await db.query(`SELECT id FROM outbound_emails WHERE recipient = $1`, [consultant.email]);
    expect(rows.rows).toHaveLength(150);
    const delivered = await eventually(
      () => messagesFor(consultant.email, sink.webUrl),
      (m) => new Set(m.map((message) => message.messageId)).size >= 150,
      90000,
    );
    // Every outbox row arrived, under its own stable Message-ID. A delivery the kill cut between the sink's
    // "250 OK" and the worker's commit is sent again with the same Message-ID (SMTP is at-least-once); at most
    // the mail worker's concurrency (4) can be in that window at the moment of the kill.
    const expectedIds = rows.rows.map((row: { id: string }) => `<outbox-${row.id}@tadesk.local>`).sort();
    expect([...new Set(delivered.map((message) => message.messageId))].sort()).toEqual(expectedIds);
    expect(delivered.length - 150).toBeLessThanOrEqual(4);
  }, 150000);

  it('loses no email when Redis restarts between the sweep and delivery, and delivers each once', async () => {
    const redis = await privateRedis();
    const sink = await privateSink();
    services.push(redis, sink);
    await redis.start();
    const consultant = await newConsultant();
    const cases = await staleCases(consultant.id, 5);
    const env = {
      REDIS_URL: redis.url,
      SMTP_URL: sink.smtpUrl,
      OUTBOX_SWEEP_EVERY_SECONDS: '1',
      OUTBOX_REQUEUE_AFTER_SECONDS: '1',
      SCHEDULE_REFRESH_SECONDS: '1',
    };
    startWorker(env);
    const queue = new Queue('sweeps', { connection: connectionTo(redis.url) });
    try {
      // The SMTP sink is down, so the sweep's emails wait in the outbox with their delivery jobs in Redis.
      const job = await queue.add('escalation-sweep', { at: new Date().toISOString() });
      await eventually(
        () => job.getState(),
        (state) => state === 'completed',
        20000,
      );
    } finally {
      await queue.close();
    }
    const pending = await db.query(`SELECT count(*)::int AS n FROM outbound_emails WHERE recipient = $1 AND status = 'pending'`, [
      consultant.email,
    ]);
    expect(pending.rows[0].n).toBe(5);

    await redis.stop(); // every queued delivery job is gone
    await redis.start();
    await sink.start();
    const sent = await eventually(
      async () =>
        (await db.query(`SELECT count(*)::int AS n FROM outbound_emails WHERE recipient = $1 AND status = 'sent'`, [consultant.email]))
          .rows[0].n as number,
      (n) => n === 5,
      30000,
    );
    expect(sent).toBe(5);
    expect(await messagesFor(consultant.email, sink.webUrl)).toHaveLength(5);
    expect((await db.query(`SELECT count(*)::int AS n FROM sweep_effects WHERE case_id = ANY($1)`, [cases])).rows[0].n).toBe(5);
  }, 90000);
});
