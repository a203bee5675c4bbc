// npm run bench: provisions throw-away PostgreSQL, Redis and an SMTP sink (like the tests), migrates and seeds,
// generates 100k cases and 1M consultations (bench/generate.mjs), starts the built API and measures
//   GET /dashboard/summary for one calendar year   (target < 300 ms)
//   GET /dashboard/caseload                        (target < 100 ms)
//   GET /reports/ta-activity CSV for that year      (target ≥ 50,000 rows/s streamed, API RSS < 200 MB)
// Options: --explain prints EXPLAIN (ANALYZE, BUFFERS) of the reporting queries; --keep leaves the services up.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureServerPackages, freePort, run, startPostgres, startRedis, startSmtpSink } from '../scripts/lib/services.mjs';
import { generate } from './generate.mjs';

const root = new URL('..', import.meta.url).pathname;
const YEAR = { from: '2025-01-01', to: '2026-01-01' };
const RUNS = 20;
const explain = process.argv.includes('--explain');

const services = [];
let apiProcess;
const dir = mkdtempSync(join(tmpdir(), 'tadesk-bench-'));
chmodSync(dir, 0o755);

async function cleanup() {
  if (apiProcess && apiProcess.exitCode === null) {
    apiProcess.kill('SIGTERM');
    await new Promise((resolve) => apiProcess.once('exit', resolve));
  }
  await Promise.all(services.map((s) => s.stop()));
  if (process.exitCode)
    console.log(`[bench] PostgreSQL log:\n${readFileSync(join(dir, 'postgres.log'), 'utf8').split('\n').slice(-15).join('\n')}`);
  rmSync(dir, { recursive: true, force: true });
}
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

const ms = (start) => performance.now() - start;
const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};
const rssMb = (pid) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};

async function timeRequests(url, headers, runs = RUNS) {
  for (let i = 0; i < 3; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    times.push(ms(start));
  }
  return { median: pct(times, 0.5), p95: pct(times, 0.95), min: Math.min(...times) };
}

try {
  ensureServerPackages({ postgres: true, redis: true });
  const [pgPort, redisPort, smtpPort, mailPort, apiPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  console.log(`[bench] services in ${dir}`);
  const postgres = await startPostgres({
    dataDir: join(dir, 'postgres'),
    port: pgPort,
    database: 'tadesk_bench',
    durable: false,
    logFile: join(dir, 'postgres.log'),
  });
  services.push(postgres);
  const redis = await startRedis({ dir: join(dir, 'redis'), port: redisPort, logFile: join(dir, 'redis.log') });
  services.push(redis);
  const sink = await startSmtpSink({ dir: join(dir, 'mail'), smtpPort, httpPort: mailPort, logFile: join(dir, 'smtp.log') });
  services.push(sink);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    SMTP_URL: sink.url,
    SESSION_SECRET: 'bench-session-secret-that-is-long-enough-0123456789',
    PORT: String(apiPort),
    WEB_DIST_DIR: '',
  };
  run(
    process.execPath,
    [join(root, 'node_modules/typeorm/cli.js'), 'migration:run', '-d', join(root, 'dist/libs/database/src/data-source.js')],
    {
      cwd: root,
      env,
      stdio: 'pipe',
    },
  );
  run(process.execPath, [join(root, 'dist/apps/api/src/seed/seed.js'), '--no-demo'], { cwd: root, env, stdio: 'pipe' });

  console.log('[bench] generating 100,000 cases and 1,000,000 consultations');
  let start = performance.now();
  await generate(postgres.url, { log: (line) => console.log(`[bench] ${line}`) });
  console.log(`[bench] generated in ${(ms(start) / 1000).toFixed(1)} s`);

  const db = new pg.Client({ connectionString: postgres.url });
  db.on('error', () => undefined); // the server stopping under a failed run is reported by the query that failed
  await db.connect();
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM consultations)::int AS consultations,
              (SELECT count(*) FROM consultations WHERE started_at >= ($1::date)::timestamp AT TIME ZONE 'America/New_York'
                 AND started_at < ($2::date)::timestamp AT TIME ZONE 'America/New_York')::int AS year_sessions`,
      [YEAR.from, YEAR.to],
    )
  ).rows[0];
  console.log(`[bench] ${counts.cases} cases, ${counts.consultations} consultations, ${counts.year_sessions} in ${YEAR.from}…${YEAR.to}`);

  if (explain) {
    const sql = await import(new URL('../dist/libs/reporting/src/reporting.read-model.sql.js', import.meta.url).href);
    const {
      rows: [bounds],
    } = await db.query(sql.BOUNDS_SQL, [YEAR.from, YEAR.to]);
    const period = [bounds.lo, bounds.hi];
    const plans = [
      ['SESSIONS_SQL', sql.SESSIONS_SQL, [...period, YEAR.from, YEAR.to]], // the whole year is whole months
      ['OPENED_SQL', sql.OPENED_SQL, period],
      ['RESOLVED_SQL', sql.RESOLVED_SQL, period],
      ['INTAKE_WEEKS_SQL', sql.INTAKE_WEEKS_SQL, [...period, YEAR.from, YEAR.to]],
      ['CASELOAD_SQL', sql.CASELOAD_SQL, [null]],
      ['TA_SUMMARY_SQL', sql.TA_SUMMARY_SQL, period],
      ['TA_ACTIVITY_SQL', sql.TA_ACTIVITY_SQL, period],
      ['TA_ACTIVITY_CSV_SQL', sql.TA_ACTIVITY_CSV_SQL, period],
    ];
    for (const [name, text, values] of plans) {
      // As the API runs them: the export's cursors get 64 MB of work_mem, and a cursor never runs in parallel.
      const cursor = name.startsWith('TA_ACTIVITY');
      await db.query(cursor ? `SET work_mem = '64MB'` : 'RESET work_mem');
      await db.query(cursor ? 'SET max_parallel_workers_per_gather = 0' : 'RESET max_parallel_workers_per_gather');
      const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, values);
      console.log(`\n----- ${name}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
  await db.end();

  const { API_NODE_FLAGS } = await import(new URL('../dist/apps/api/src/node-flags.js', import.meta.url).href);
  apiProcess = spawn(process.execPath, [...API_NODE_FLAGS, join(root, 'dist/apps/api/src/main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${apiPort}`;
  for (let i = 0; ; i++) {
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 200) throw new Error('the API did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'lead@example.org', password: 'lead-password' }),
  });
  const { accessToken } = await login.json();
  const headers = { authorization: `Bearer ${accessToken}` };

  const summary = await timeRequests(`${url}/api/v1/dashboard/summary?from=${YEAR.from}&to=${YEAR.to}`, headers);
  const caseload = await timeRequests(`${url}/api/v1/dashboard/caseload`, headers);

  const rssBefore = rssMb(apiProcess.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(apiProcess.pid))), 25);
  start = performance.now();
  const response = await fetch(`${url}/api/v1/reports/ta-activity?from=${YEAR.from}&to=${YEAR.to}`, { headers });
  let firstByte;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    firstByte ??= ms(start);
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  const exportMs = ms(start);
  clearInterval(sampler);
  const rows = lines - 1;

  const line = (label, value, target, ok) =>
    console.log(`${label.padEnd(44)} ${value.padEnd(38)} ${target.padEnd(14)} ${ok ? 'ok' : 'MISSED'}`);
  console.log('\n[bench] results');
  line(
    'GET /dashboard/summary (1 year)',
    `median ${summary.median.toFixed(0)} ms, p95 ${summary.p95.toFixed(0)} ms`,
    '< 300 ms',
    summary.median < 300,
  );
  line(
    'GET /dashboard/caseload (20 staff)',
    `median ${caseload.median.toFixed(1)} ms, p95 ${caseload.p95.toFixed(1)} ms`,
    '< 100 ms',
    caseload.median < 100,
  );
  line(
    'GET /reports/ta-activity CSV (1 year)',
    `${rows} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${(exportMs / 1000).toFixed(2)} s`,
    '',
    rows === counts.year_sessions,
  );
  line(
    '  throughput',
    `${Math.round(rows / (exportMs / 1000)).toLocaleString('en-US')} rows/s (first byte ${firstByte?.toFixed(0)} ms)`,
    '≥ 50,000/s',
    rows / (exportMs / 1000) >= 50_000,
  );
  line('  API RSS', `${rssBefore.toFixed(0)} MB before, ${rssPeak.toFixed(0)} MB peak`, '< 200 MB', rssPeak < 200);
  if (process.argv.includes('--keep')) {
    console.log(`[bench] --keep: DATABASE_URL=${postgres.url} API ${url}; Ctrl-C stops everything`);
    await new Promise(() => undefined);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
