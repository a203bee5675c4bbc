// npm run bench:sweep — the timer sweep (apps/worker, libs/escalation) over 100,000 active cases.
// Provisions throw-away PostgreSQL, Redis and an SMTP sink, generates the cases (2% past the at-risk threshold,
// 0.5% past escalation), 50,000 scheduled follow-ups spread over the next four weeks (1/30 already two days overdue)
// and 20,000 action items with set-based SQL, starts the built worker, and times sweep jobs from BullMQ's own
// processedOn/finishedOn: a first sweep that applies ~10,000 effects (emails and timeline events included) and a
// steady-state sweep that finds nothing new. Target: < 5 s.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import pg from 'pg';
import { ensureServerPackages, freePort, run, startPostgres, startRedis, startSmtpSink } from '../scripts/lib/services.mjs';

const root = new URL('..', import.meta.url).pathname;
const CASES = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'tadesk-bench-sweep-'));
chmodSync(dir, 0o755);
const services = [];
let worker;

try {
  ensureServerPackages({ postgres: true, redis: true });
  const [pgPort, redisPort, smtpPort, mailPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const pgService = await startPostgres({
    dataDir: join(dir, 'pg'),
    port: pgPort,
    database: 'bench',
    durable: false,
    logFile: join(dir, 'pg.log'),
  });
  services.push(pgService);
  const redis = await startRedis({ dir: join(dir, 'redis'), port: redisPort, logFile: join(dir, 'redis.log') });
  services.push(redis);
  const sink = await startSmtpSink({ dir: join(dir, 'mail'), smtpPort, httpPort: mailPort, logFile: join(dir, 'sink.log') });
  services.push(sink);
  const env = {
    ...process.env,
    DATABASE_URL: pgService.url,
    REDIS_URL: redis.url,
    SMTP_URL: sink.url,
    SESSION_SECRET: 'bench-session-secret-0123456789abcdef',
    LOG_LEVEL: 'warn',
    SWEEP_EVERY_MINUTES: '1440',
  };
  run(
    process.execPath,
    [join(root, 'node_modules/typeorm/cli.js'), 'migration:run', '-d', join(root, 'dist/libs/database/src/data-source.js')],
    { cwd: root, env, stdio: 'pipe' },
  );
  run(process.execPath, [join(root, 'dist/apps/api/src/seed/seed.js'), '--no-demo'], { cwd: root, env, stdio: 'pipe' });

  const db = new pg.Client({ connectionString: pgService.url });
  db.on('error', () => {}); // the cluster stops under it at the end
  await db.connect();
  const started = performance.now();
  await db.query(
    `INSERT INTO users (email, name, role, password_hash) SELECT 'consultant' || g || '@bench.example.org', 'Consultant ' || g, 'consultant', 'x' FROM generate_series(1, 20) g`,
  );
  await db.query(
    `INSERT INTO organizations (name, normalized_name, kind, region, county, stage) SELECT 'Clinic ' || g, 'clinic ' || g, 'mhotrs_clinic', (ARRAY['western','central','hudson_river','nyc','long_island'])[1 + g % 5], 'County', 'starting' FROM generate_series(1, 2000) g`,
  );
  await db.query(`
    INSERT INTO cases (organization_id, title, description, source, priority, status, assignee_id, opened_at, last_activity_at, first_response_at, version)
    SELECT ids.orgs[1 + g % 2000], 'Bench case ' || g, 'Generated for the sweep benchmark', 'phone', 'normal', 'active', ids.staff[1 + g % 20], now() - interval '60 days',
           now() - CASE WHEN g % 200 = 0 THEN interval '25 days' WHEN g % 50 = 0 THEN interval '16 days' ELSE (g % 13) * interval '1 day' END,
           now() - interval '59 days', 1
    FROM generate_series(1, ${CASES}) g
    CROSS JOIN (SELECT (SELECT array_agg(id) FROM organizations) AS orgs, (SELECT array_agg(id) FROM users WHERE role = 'consultant') AS staff) ids`);
  await db.query(`
    INSERT INTO follow_ups (case_id, due_at, assignee_id, kind)
    SELECT c.id, now() + ((row_number() OVER ()) % 30 - 2) * interval '1 day', c.assignee_id, 'check_in' FROM (SELECT id, assignee_id FROM cases LIMIT 50000) c`);
  await db.query(
    `INSERT INTO action_plan_goals (case_id, title, goal_area, sort_order) SELECT id, 'Goal', 'capacity', 0 FROM cases LIMIT 20000`,
  );
  await db.query(
    `INSERT INTO action_items (goal_id, case_id, description, owner_user_id, due_date) SELECT g.id, g.case_id, 'Item', c.assignee_id, current_date + (random() * 10)::int FROM action_plan_goals g JOIN cases c ON c.id = g.case_id`,
  );
  await db.query(`ANALYZE`);
  console.log(
    `generated ${CASES.toLocaleString()} active cases, 50,000 follow-ups, 20,000 action items in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  worker = spawn(process.execPath, [join(root, 'dist/apps/worker/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const connection = { host: '127.0.0.1', port: redisPort, maxRetriesPerRequest: null };
  const queue = new Queue('sweeps', { connection });
  const events = new QueueEvents('sweeps', { connection });
  await events.waitUntilReady();
  // The worker's own schedule sweeps once at start; wait for it, then put every case back to where it began.
  for (let i = 0; i < 600 && (await queue.getCompletedCount()) < 1; i++) await new Promise((r) => setTimeout(r, 100));
  await db.query(`UPDATE cases SET stall_level = 'none' WHERE stall_level <> 'none'`);
  await db.query(`UPDATE follow_ups SET status = 'scheduled' WHERE status = 'missed'`);
  await db.query(`TRUNCATE sweep_effects, outbound_emails`);
  await db.query(`DELETE FROM case_events`);

  const timeSweep = async (label) => {
    const job = await queue.add('escalation-sweep', { at: new Date().toISOString() });
    const report = await job.waitUntilFinished(events, 120_000);
    const done = await Queue.prototype.getJob.call(queue, job.id);
    const seconds = (done.finishedOn - done.processedOn) / 1000;
    console.log(`${label}: ${seconds.toFixed(2)} s ${JSON.stringify(report)}`);
    return seconds;
  };
  const first = await timeSweep('first sweep (applies the effects)');
  const steady = await timeSweep('steady-state sweep (nothing new)');
  console.log(
    `\nsweep over ${CASES.toLocaleString()} active cases: first ${first.toFixed(2)} s, steady ${steady.toFixed(2)} s (target < 5 s) ${Math.max(first, steady) < 5 ? 'PASS' : 'FAIL'}`,
  );
  await queue.close();
  await events.close();
  await db.end();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  if (worker && worker.exitCode === null) {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
  }
  await Promise.all(services.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
}
