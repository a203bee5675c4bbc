// What every API bench shares: throw-away (or kept) PostgreSQL, Redis and an SMTP sink on free ports
// (scripts/lib/services.mjs), migrated and seeded with staff, filled with the large synthetic center
// (bench/generate.mjs), and the built API started exactly as `npm run up` / `npm run start:api` start it.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureServerPackages, freePort, run, startPostgres, startRedis, startSmtpSink } from '../scripts/lib/services.mjs';
import { generate } from './generate.mjs';

export const root = new URL('..', import.meta.url).pathname;
export const SESSION_SECRET = 'bench-session-secret-that-is-long-enough-0123456789';

/**
 * Starts the services and fills the database. `dataDir` (optional) keeps the cluster between runs: a directory that
 * already holds a generated center is migrated (new migrations only) and reused, which saves the ~1–2 minutes of
 * generation; without it everything lives in a temp directory removed by `cleanup()`.
 */
export async function provision({ dataDir, log = (line) => console.log(`[bench] ${line}`) } = {}) {
  ensureServerPackages({ postgres: true, redis: true });
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'tadesk-bench-'));
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const services = [];
  const children = [];
  const cleanup = async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    }
    await Promise.all(services.map((s) => s.stop()));
    if (process.exitCode && existsSync(join(dir, 'postgres.log')))
      log(`PostgreSQL log:\n${readFileSync(join(dir, 'postgres.log'), 'utf8').split('\n').slice(-15).join('\n')}`);
    if (!dataDir) rmSync(dir, { recursive: true, force: true });
  };
  const [pgPort, redisPort, smtpPort, mailPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  log(`services in ${dir}`);
  const postgres = await startPostgres({
    dataDir: join(dir, 'postgres'),
    port: pgPort,
    database: 'tadesk_bench',
    durable: false,
    logFile: join(dir, 'postgres.log'),
  });
  services.push(postgres);
  // Redis and the sink start empty each run: queued emails of an earlier run would only slow Redis down.
  rmSync(join(dir, 'redis'), { recursive: true, force: true });
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
    SESSION_SECRET,
    WEB_DIST_DIR: '',
  };
  run(
    process.execPath,
    [join(root, 'node_modules/typeorm/cli.js'), 'migration:run', '-d', join(root, 'dist/libs/database/src/data-source.js')],
    { cwd: root, env, stdio: 'pipe' },
  );
  run(process.execPath, [join(root, 'dist/apps/api/src/seed/seed.js'), '--no-demo'], { cwd: root, env, stdio: 'pipe' });

  const db = new pg.Client({ connectionString: postgres.url });
  db.on('error', () => undefined); // the server stopping under a failed run is reported by the query that failed
  await db.connect();
  const [{ generated }] = (await db.query(`SELECT EXISTS (SELECT 1 FROM cases WHERE title LIKE 'Bench case %') AS generated`)).rows;
  if (generated) log('reusing the generated center in the kept data directory');
  else {
    log('generating 100,000 cases and 1,000,000 consultations');
    const start = performance.now();
    await generate(postgres.url, { log: (line) => log(line) });
    log(`generated in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  return { dir, env, db, postgres, redis, cleanup, track: (child) => children.push(child) };
}

/**
 * The built API as `npm run up` starts it (API_NODE_FLAGS, NODE_ENV=production, LOG_LEVEL=warn), once /health answers.
 * `extraFlags`: node flags to try on top (bench/api.mjs --api-node-flags), for experiments only.
 */
export async function startApi(env, extraEnv = {}, extraFlags = []) {
  const { API_NODE_FLAGS } = await import(new URL('../dist/apps/api/src/node-flags.js', import.meta.url).href);
  const port = await freePort();
  const child = spawn(process.execPath, [...API_NODE_FLAGS, ...extraFlags, join(root, 'dist/apps/api/src/main.js')], {
    cwd: root,
    env: { ...env, ...extraEnv, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}/health`, child, 'the API');
  return { child, url, port };
}

export async function waitHealthy(url, child, what) {
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode})`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (i > 300) throw new Error(`${what} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resident memory of a process, from /proc. */
export const rssMb = (pid) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};
