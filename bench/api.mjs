// npm run bench:api — the API's hot paths under load against a bare twin (bench/twin: plain Fastify + pg) on the large
// synthetic center (bench/generate.mjs), issue #12. Provisions like `npm run bench`, starts the built API as
// `npm run up` does (API_NODE_FLAGS, NODE_ENV=production, LOG_LEVEL=warn) and the twin, checks that the twin answers
// GET /cases exactly as the API does (deep-equal, several filter combinations) and writes what the API writes for
// POST /intake, then drives both with autocannon, alternating, for each round: 3 s warm-up, 10 s timed, 50
// connections (10 for the dashboard, as leads). Statements per request come from an untimed sample on a second API
// started with COUNT_SQL_STATEMENTS (x-sql-statements). Finally the CSV exports' memory: the API's RSS sampled from
// /proc during full-year exports. Prints the tables and appends them to bench/RESULTS.md.
// Options: --data DIR keep/reuse the generated database in DIR; --rounds N (2); --warmup S (3); --duration S (10);
// --only a,b (scenario names); --no-write (do not touch RESULTS.md); --api-node-flags "…" (extra node flags for the
// timed and the export API, to compare; the run's heading says so); --twin-node-flags "…" (the same for the twin, e.g. to
// profile both sides of one run).
import { execFileSync, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { freePort } from '../scripts/lib/services.mjs';
import { provision, root, rssMb, SESSION_SECRET, startApi, waitHealthy } from './provision.mjs';

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const ROUNDS = Number(arg('rounds', 2));
const WARMUP = Number(arg('warmup', 3));
const DURATION = Number(arg('duration', 10));
const ONLY = arg('only', '')?.split(',').filter(Boolean);
const YEAR = { from: '2025-01-01', to: '2026-01-01' };
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const RESULTS = join(root, 'bench/RESULTS.md');
const API_FLAGS = arg('api-node-flags', '').split(' ').filter(Boolean);
const TWIN_FLAGS = arg('twin-node-flags', '').split(' ').filter(Boolean);

let bench;
process.once('SIGINT', () => void (bench?.cleanup() ?? Promise.resolve()).then(() => process.exit(130)));
const log = (line) => console.log(`[bench:api] ${line}`);

/** User + system CPU of a process (all its threads) in ms, from /proc/<pid>/stat. */
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}
/**
 * The same for PostgreSQL: the postmaster, every live backend it forked, and (cutime + cstime) the backends that
 * already exited (a pool closing an idle connection), which the postmaster reaped.
 */
function postgresCpuMs(postmasterPid) {
  const stat = readFileSync(`/proc/${postmasterPid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  let total = ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / CLK_TCK;
  for (const entry of execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmasterPid)], { encoding: 'utf8' }).split('\n')) {
    const pid = Number(entry.trim());
    if (pid) total += cpuMs(pid);
  }
  return total;
}
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/** Signs a staff user in the way AuthService does (a sessions row holding the token's HMAC) without a password. */
async function mintSession(db, email) {
  const token = randomBytes(32).toString('base64url');
  const hash = createHmac('sha256', SESSION_SECRET).update(token).digest('hex');
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, expires_at) SELECT $1, id, now() + interval '1 day' FROM users WHERE email = $2`,
    [hash, email],
  );
  return { authorization: `Bearer ${token}` };
}

async function startTwin(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [...TWIN_FLAGS, join(root, 'bench/twin/server.mjs')], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}/health`, child, 'the twin');
  return { child, url };
}

let intakeSerial = 0;
/** A request form as a clinic fills it: a new person at one of the generated clinics (found by name and region). */
function intakeBody() {
  const i = 1 + (intakeSerial++ % 5000);
  return JSON.stringify({
    organizationName: `Bench Clinic ${i}`,
    region: ['western', 'central', 'hudson_river', 'nyc', 'long_island'][i % 5],
    county: 'Onondaga',
    contactName: 'Robin Vega',
    email: `robin-${process.pid}-${intakeSerial}@clinic${i}.example.org`,
    role: 'supervisor',
    populations: ['adults'],
    peerRoles: ['nycps'],
    stage: 'starting',
    topics: ['supervision'],
    question: 'How do we supervise our first certified peer specialist well?',
  });
}

function sessionBody() {
  return JSON.stringify({
    startedAt: new Date(Date.now() - 3600_000).toISOString(),
    durationMinutes: 60,
    modality: 'video',
    attendeeContactIds: [],
    topics: [],
    summary: 'Bench session: went over the supervision plan',
  });
}

/** One autocannon run; latencies from every response (autocannon's own summary has no p95). */
function load({ url, connections, duration, requests, headers }) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    const instance = autocannon({ url, connections, duration, requests, headers, timeout: 30 }, (error, result) =>
      error ? reject(error) : resolve({ result, latencies, statuses }),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

async function measure(scenario, target, pgPid) {
  const options = { url: target.url, connections: scenario.connections, requests: scenario.requests(), headers: scenario.headers };
  await load({ ...options, duration: WARMUP });
  const cpu0 = cpuMs(target.child.pid);
  const pg0 = postgresCpuMs(pgPid);
  const { result, latencies, statuses } = await load({ ...options, duration: DURATION });
  const cpu = cpuMs(target.child.pid) - cpu0;
  const pgCpu = postgresCpuMs(pgPid) - pg0;
  const sorted = latencies.sort((a, b) => a - b);
  const ok = Object.entries(statuses)
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  const errors = result.errors + result.timeouts + (latencies.length - ok);
  return {
    rps: latencies.length / result.duration,
    p50: pct(sorted, 0.5),
    p95: pct(sorted, 0.95),
    p99: pct(sorted, 0.99),
    errors,
    statuses,
    cpuPerRequest: cpu / Math.max(1, latencies.length),
    pgCpuPerRequest: pgCpu / Math.max(1, latencies.length),
  };
}

async function get(url, headers) {
  const response = await fetch(url, { headers });
  const body = await response.text();
  return { status: response.status, json: body ? JSON.parse(body) : undefined, statements: response.headers.get('x-sql-statements') };
}

/** The twin must answer the list exactly as the API does, or the comparison means nothing. */
async function checkListsEqual(api, twin, headers, ids) {
  const combos = [
    'status=active',
    'status=new,triaged&priority=high,urgent',
    'assigneeId=me&sort=-openedAt&page=2&pageSize=50',
    'region=nyc&goalArea=capacity&sort=priority',
    `q=Bench%20case%2012&stallLevel=none`,
    'q=B00042',
    `organizationId=${ids.organizationId}&sessionFrom=2025-01-01T05:00:00.000Z&sessionTo=2025-07-01T04:00:00.000Z`,
    'openedFrom=2025-03-01T05:00:00.000Z&openedTo=2025-04-01T04:00:00.000Z&sort=openedAt&page=3',
    'status=closed&page=100000',
    'assigneeId=none',
  ];
  for (const combo of combos) {
    const [a, t] = await Promise.all([get(`${api.url}/api/v1/cases?${combo}`, headers), get(`${twin.url}/api/v1/cases?${combo}`, headers)]);
    if (a.status !== 200 || t.status !== 200 || !isDeepStrictEqual(a.json, t.json)) {
      throw new Error(
        `GET /cases?${combo}: the twin differs from the API (${a.status} vs ${t.status}):\n` +
          `API  ${JSON.stringify(a.json).slice(0, 600)}\ntwin ${JSON.stringify(t.json).slice(0, 600)}`,
      );
    }
  }
  log(`GET /cases: the twin's answers deep-equal the API's for ${combos.length} filter combinations`);
}

/** The same request form through both: the same rows written (case, event, submission, emails), ids and times aside. */
async function checkIntakeSame(api, twin, db) {
  let serial = 0;
  const body = () =>
    JSON.stringify({
      organizationName: 'Bench Clinic 7',
      region: 'hudson_river',
      county: 'Dutchess',
      contactName: 'Sam Okafor',
      email: `sam-${process.pid}-${Date.now()}-${serial++}@gmail.com`,
      phone: '555-0100',
      role: 'clinical_director',
      populations: ['adults', 'families'],
      peerRoles: ['nycps', 'fpa'],
      stage: 'expanding',
      topics: ['supervision', 'job_descriptions', 'recruitment'],
      question: 'We are adding family peer advocates and need help with supervision.',
      preferredContact: 'video',
    });
  const written = async (target) => {
    const response = await fetch(`${target.url}/api/v1/intake`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(),
    });
    const answer = await response.json();
    if (response.status !== 201) throw new Error(`POST /intake (${target.url}): ${response.status} ${JSON.stringify(answer)}`);
    const [row] = (
      await db.query(
        `SELECT c.title, replace(c.description, s.payload->>'email', '<email>') AS description, c.source, c.priority, c.topics,
                c.service_lines, c.status, c.stall_level, c.assignee_id, c.first_response_due_at - c.opened_at AS due_in,
                o.name AS organization, s.organization_created, s.contact_created, s.payload - 'email' AS payload,
                (SELECT json_agg(json_build_object('type', e.type, 'actor', e.actor_id, 'data', e.data - 'intakeId')) FROM case_events e WHERE e.case_id = c.id) AS events,
                (SELECT e.data->>'intakeId' = s.id::text FROM case_events e WHERE e.case_id = c.id) AS event_names_submission,
                (SELECT count(*) FROM contacts k WHERE k.id = s.contact_id AND k.phone = '555-0100')::int AS contacts,
                (SELECT json_agg(json_build_object('template', m.template, 'data', m.data - 'statusUrl' - 'caseUrl' - 'reference') ORDER BY m.template, m.recipient)
                   FROM outbound_emails m WHERE m.dedupe_key LIKE 'intake:' || s.id || ':%') AS emails
         FROM cases c JOIN intake_submissions s ON s.case_id = c.id JOIN organizations o ON o.id = c.organization_id
         WHERE c.reference = $1`,
        [answer.reference],
      )
    ).rows;
    return row;
  };
  const [a, t] = [await written(api), await written(twin)];
  if (!isDeepStrictEqual(a, t))
    throw new Error(`POST /intake: the twin writes differently:\nAPI  ${JSON.stringify(a)}\ntwin ${JSON.stringify(t)}`);
  log('POST /intake: the twin writes the same case, event, submission and emails as the API');
}

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

try {
  bench = await provision({ dataDir: arg('data', undefined), log });
  const { db, postgres, env: baseEnv } = bench;
  // The bench sends thousands of request forms from one address: the per-IP limit would answer 429 (it still counts,
  // one Redis round trip each, in both the API and the twin).
  const env = { ...baseEnv, INTAKE_RATE_LIMIT_PER_HOUR: '1000000000', APP_URL: 'http://localhost:3000' };
  const consultant = await mintSession(db, 'bench-4@bench.example.org');
  const lead = await mintSession(db, 'lead@example.org');
  const ids = (
    await db.query(
      `SELECT (SELECT organization_id FROM cases WHERE title = 'Bench case 42') AS "organizationId",
              (SELECT array_agg(id) FROM (SELECT id FROM cases WHERE title LIKE 'Bench case %' ORDER BY hashtext(id::text) LIMIT 1000) x) AS cases,
              (SELECT array_agg(c.id) FROM (SELECT c.id FROM cases c JOIN users u ON u.id = c.assignee_id
                 WHERE u.email = 'bench-4@bench.example.org' AND c.status IN ('triaged', 'active') ORDER BY c.id LIMIT 300) c) AS "ownCases"`,
    )
  ).rows[0];

  const counting = await startApi(env, { COUNT_SQL_STATEMENTS: 'true' });
  bench.track(counting.child);
  const twin = await startTwin(env);
  bench.track(twin.child);
  await checkListsEqual(counting, twin, consultant, ids);
  await checkIntakeSame(counting, twin, db);

  let caseIndex = 0;
  let ownIndex = 0;
  const nextCase = () => ids.cases[caseIndex++ % ids.cases.length];
  const scenarios = [
    {
      name: 'list',
      label: 'GET /cases?status=active (consultant)',
      twin: true,
      connections: 50,
      headers: consultant,
      requests: () => [{ method: 'GET', path: '/api/v1/cases?status=active' }],
    },
    {
      name: 'intake',
      label: 'POST /intake (public form)',
      twin: true,
      connections: 50,
      headers: { 'content-type': 'application/json' },
      requests: () => [{ method: 'POST', path: '/api/v1/intake', setupRequest: (r) => ({ ...r, body: intakeBody() }) }],
    },
    {
      name: 'case',
      label: 'GET /cases/:id',
      connections: 50,
      headers: consultant,
      requests: () => [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/cases/${nextCase()}` }) }],
    },
    {
      name: 'timeline',
      label: 'GET /cases/:id/timeline',
      connections: 50,
      headers: consultant,
      requests: () => [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/cases/${nextCase()}/timeline` }) }],
    },
    {
      name: 'session',
      label: 'POST /cases/:id/consultations',
      connections: 50,
      headers: { ...consultant, 'content-type': 'application/json' },
      requests: () => [
        {
          method: 'POST',
          setupRequest: (r) => ({
            ...r,
            path: `/api/v1/cases/${ids.ownCases[ownIndex++ % ids.ownCases.length]}/consultations`,
            body: sessionBody(),
          }),
        },
      ],
    },
    {
      name: 'dashboard',
      label: 'GET /dashboard/summary (year, leads)',
      connections: 10,
      headers: lead,
      requests: () => [{ method: 'GET', path: `/api/v1/dashboard/summary?from=${YEAR.from}&to=${YEAR.to}` }],
    },
  ].filter((s) => !ONLY?.length || ONLY.includes(s.name));

  // Statements per request: an untimed sample on the counting API (and the twin's own counter), then that API stops,
  // so the timed API runs without the per-request counting context.
  const statements = {};
  for (const scenario of scenarios) {
    const sample = async (target) => {
      const [request] = scenario.requests();
      const shaped = request.setupRequest ? request.setupRequest({ ...request, headers: {} }) : request;
      const response = await fetch(`${target.url}${shaped.path}`, {
        method: shaped.method,
        headers: scenario.headers,
        body: shaped.body,
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${scenario.label} (${target.url}): ${response.status}`);
      return Number(response.headers.get('x-sql-statements'));
    };
    statements[scenario.name] = { api: await sample(counting) };
    if (scenario.twin) statements[scenario.name].twin = await sample(twin);
  }
  counting.child.kill('SIGTERM');
  await new Promise((resolve) => counting.child.once('exit', resolve));

  const api = await startApi(env, {}, API_FLAGS);
  bench.track(api.child);
  const load0 = loadavg()[0];
  const rows = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const scenario of scenarios) {
      for (const [who, target] of scenario.twin
        ? [
            ['API', api],
            ['twin', twin],
          ]
        : [['API', api]]) {
        const m = await measure(scenario, target, postgres.pid);
        rows.push({ round, scenario, who, ...m });
        log(
          `round ${round} ${scenario.label} [${who}]: ${fmt(m.rps)} req/s, p50 ${fmt(m.p50)} / p95 ${fmt(m.p95)} / p99 ${fmt(m.p99)} ms, ` +
            `${m.errors} errors, ${fmt(m.cpuPerRequest, 2)} ms Node CPU/req, ${fmt(m.pgCpuPerRequest, 2)} ms PG CPU/req`,
        );
      }
    }
  }

  // Memory of the CSV exports, on a fresh API (idle RSS first), the stream read as fast as it comes.
  api.child.kill('SIGTERM');
  await new Promise((resolve) => api.child.once('exit', resolve));
  const memory = [];
  if (!ONLY?.length || ONLY.includes('export')) {
    const fresh = await startApi(env, {}, API_FLAGS);
    bench.track(fresh.child);
    await (await fetch(`${fresh.url}/api/v1/cases?pageSize=5`, { headers: lead })).arrayBuffer();
    await new Promise((r) => setTimeout(r, 1000));
    for (const [label, path] of [
      ['GET /cases/export (opened in 2025)', `/api/v1/cases/export?openedFrom=2025-01-01T05:00:00.000Z&openedTo=2026-01-01T05:00:00.000Z`],
      ['GET /cases/export (all cases)', `/api/v1/cases/export`],
      ['GET /reports/ta-activity?format=csv (2025)', `/api/v1/reports/ta-activity?from=${YEAR.from}&to=${YEAR.to}&format=csv`],
    ]) {
      const idle = rssMb(fresh.child.pid);
      let peak = idle;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(fresh.child.pid))), 25);
      const start = performance.now();
      const response = await fetch(`${fresh.url}${path}`, { headers: { ...lead, 'accept-encoding': 'identity' } });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      let bytes = 0;
      let lines = 0;
      for await (const chunk of response.body) {
        bytes += chunk.length;
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      }
      clearInterval(sampler);
      const seconds = (performance.now() - start) / 1000;
      memory.push({ label, rows: lines - 1, mb: bytes / 1024 / 1024, seconds, idle, peak });
      log(`${label}: ${lines - 1} rows in ${seconds.toFixed(1)} s, RSS ${idle.toFixed(0)} → peak ${peak.toFixed(0)} MB`);
    }
  }

  // ---- the report ----
  const byKey = (round, name, who) => rows.find((r) => r.round === round && r.scenario.name === name && r.who === who);
  const table = [
    '| round | endpoint | server | req/s | p50 ms | p95 ms | p99 ms | errors | Node CPU ms/req | PG CPU ms/req | statements/req | req/s vs twin | CPU/req vs twin |',
    '| ----- | -------- | ------ | ----: | -----: | -----: | -----: | -----: | --------------: | ------------: | -------------: | ------------: | --------------: |',
  ];
  for (const r of rows) {
    const twinRow = r.who === 'API' ? byKey(r.round, r.scenario.name, 'twin') : undefined;
    table.push(
      `| ${r.round} | ${r.scenario.label} | ${r.who} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.errors} | ` +
        `${fmt(r.cpuPerRequest, 2)} | ${fmt(r.pgCpuPerRequest, 2)} | ${statements[r.scenario.name]?.[r.who === 'API' ? 'api' : 'twin'] ?? '–'} | ` +
        `${twinRow ? `${fmt(r.rps / twinRow.rps, 2)}×` : ''} | ${twinRow ? `${fmt(r.cpuPerRequest / twinRow.cpuPerRequest, 2)}×` : ''} |`,
    );
  }
  // The issue's targets, per round.
  const checks = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const list = byKey(round, 'list', 'API');
    const listTwin = byKey(round, 'list', 'twin');
    const intake = byKey(round, 'intake', 'API');
    const intakeTwin = byKey(round, 'intake', 'twin');
    const page = byKey(round, 'case', 'API');
    const session = byKey(round, 'session', 'API');
    const dashboard = byKey(round, 'dashboard', 'API');
    const check = (what, value, ok) => checks.push(`| ${round} | ${what} | ${value} | ${ok ? 'met' : '**missed**'} |`);
    if (list && listTwin) {
      check('GET /cases ≥ 0.8× twin req/s', `${fmt(list.rps / listTwin.rps, 2)}×`, list.rps >= 0.8 * listTwin.rps);
      check(
        'GET /cases Node CPU/req ≤ 1.5× twin',
        `${fmt(list.cpuPerRequest / listTwin.cpuPerRequest, 2)}×`,
        list.cpuPerRequest <= 1.5 * listTwin.cpuPerRequest,
      );
    }
    if (intake && intakeTwin)
      check('POST /intake ≥ 0.7× twin req/s', `${fmt(intake.rps / intakeTwin.rps, 2)}×`, intake.rps >= 0.7 * intakeTwin.rps);
    if (page && list) check('GET /cases/:id p95 ≤ list p95', `${fmt(page.p95)} vs ${fmt(list.p95)} ms`, page.p95 <= list.p95);
    if (session && list) check('POST consultation ≥ 0.8× list req/s', `${fmt(session.rps / list.rps, 2)}×`, session.rps >= 0.8 * list.rps);
    if (dashboard) check('dashboard summary p95 < 300 ms', `${fmt(dashboard.p95)} ms`, dashboard.p95 < 300);
  }
  for (const [name, limit] of [
    ['list', 3],
    ['case', 3],
    ['session', 8],
    ['intake', 10],
  ]) {
    if (statements[name])
      checks.push(
        `| – | ${name} statements ≤ ${limit} | ${statements[name].api} | ${statements[name].api <= limit ? 'met' : '**missed**'} |`,
      );
  }
  const errors = rows.reduce((sum, r) => sum + r.errors, 0);
  checks.push(`| – | zero errors | ${errors} | ${errors === 0 ? 'met' : '**missed**'} |`);
  for (const m of memory) {
    checks.push(
      `| – | ${m.label}: RSS growth < 50 MB | ${fmt(m.idle)} → ${fmt(m.peak)} MB (+${fmt(m.peak - m.idle)}), ${m.rows} rows, ${fmt(m.mb, 1)} MB in ${fmt(m.seconds, 1)} s | ${m.peak - m.idle < 50 ? 'met' : '**missed**'} |`,
    );
  }
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const section = [
    `## Run of ${when}`,
    '',
    `${cpus().length} CPUs, load average ${load0.toFixed(2)} at the start of timing (other work on the machine shares the CPUs); ` +
      `${ROUNDS} rounds of ${WARMUP} s warm-up + ${DURATION} s timed per endpoint and server, API and twin alternating; ` +
      `API started with ${API_FLAGS.length ? `the extra node flags \`${API_FLAGS.join(' ')}\`` : "Node's defaults (no flags)"}` +
      `${TWIN_FLAGS.length ? `, the twin with \`${TWIN_FLAGS.join(' ')}\`` : ''}.`,
    '',
    ...table,
    '',
    '| round | target | measured | |',
    '| ----- | ------ | -------- | - |',
    ...checks,
    '',
  ].join('\n');
  console.log(`\n${section}`);
  if (!process.argv.includes('--no-write')) {
    if (!existsSync(RESULTS))
      writeFileSync(
        RESULTS,
        '# `npm run bench:api` results\n\nWritten by bench/api.mjs, newest run last; bench/README.md says how to read them.\n\n',
      );
    appendFileSync(RESULTS, `${section}\n`);
    log(`appended to ${RESULTS}`);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await bench?.cleanup();
}
