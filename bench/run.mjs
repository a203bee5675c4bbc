// npm run bench: provisions throw-away PostgreSQL, Redis and an SMTP sink (like the tests), migrates and seeds,
// generates 100k cases and 1M consultations (bench/generate.mjs), starts the built API and measures
//   GET /dashboard/summary for one calendar year   (target < 300 ms)
//   GET /dashboard/caseload                        (target < 100 ms)
//   GET /reports/ta-activity CSV for that year      (target ≥ 50,000 rows/s streamed, API RSS < 200 MB)
// Options: --explain prints EXPLAIN (ANALYZE, BUFFERS) of the reporting queries; --keep leaves the services up;
// --data DIR keeps the generated database in DIR and reuses it next time (bench/provision.mjs).
import { provision, rssMb, startApi } from './provision.mjs';

const YEAR = { from: '2025-01-01', to: '2026-01-01' };
const RUNS = 20;
const explain = process.argv.includes('--explain');
const dataIndex = process.argv.indexOf('--data');

let bench;
process.once('SIGINT', () => void (bench?.cleanup() ?? Promise.resolve()).then(() => process.exit(130)));

const ms = (start) => performance.now() - start;
const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
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
  bench = await provision({ dataDir: dataIndex > 0 ? process.argv[dataIndex + 1] : undefined });
  const { db, postgres } = bench;
  let start;
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
      ['taActivityCsvSql', sql.taActivityCsvSql('$1', '$2'), period],
    ];
    for (const [name, text, values] of plans) {
      // As the API runs them: the export's cursors get 64 MB of work_mem, and a cursor never runs in parallel.
      const cursor = name.startsWith('TA_ACTIVITY') || name === 'taActivityCsvSql';
      await db.query(cursor ? `SET work_mem = '64MB'` : 'RESET work_mem');
      await db.query(cursor ? 'SET max_parallel_workers_per_gather = 0' : 'RESET max_parallel_workers_per_gather');
      const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, values);
      console.log(`\n----- ${name}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
  await db.end();

  const api = await startApi(bench.env);
  bench.track(api.child);
  const apiProcess = api.child;
  const url = api.url;
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
  await bench?.cleanup();
}
