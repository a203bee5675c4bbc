// `npm run up`: installs what is missing, provisions PostgreSQL, Redis and an SMTP sink unless
// DATABASE_URL / REDIS_URL / SMTP_URL are given, migrates, seeds demo data once, builds, and serves
// the API and the worker on http://localhost:3000. Ctrl-C stops everything it started.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureServerPackages, log, run, startPostgres, startRedis, startSmtpSink, stopStale } from './lib/services.mjs';

const root = new URL('..', import.meta.url).pathname;
const data = join(root, '.data');
const pids = join(data, 'pids');
const logs = join(data, 'logs');
const PORTS = { postgres: 55432, redis: 56379, smtp: 1025, mailWeb: 1080 };

const started = [];
const children = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)));
  for (const name of ['api', 'worker']) rmSync(join(pids, `${name}.pid`), { force: true });
  for (const service of started.reverse()) await service.stop();
  log('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function startApp(name, script, env, nodeFlags = []) {
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeFlags, script], { stdio: 'inherit', env });
  writeFileSync(join(pids, `${name}.pid`), String(child.pid));
  child.once('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${code ?? signal}); stopping the rest`);
      void shutdown(1);
    }
  });
  children.push(child);
}

async function main() {
  mkdirSync(pids, { recursive: true });
  mkdirSync(logs, { recursive: true });
  if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
    log('installing npm dependencies (npm ci)');
    try {
      run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
    } catch {
      // A registry mirror without other platforms' optional binaries makes npm ci reject the lockfile.
      log('npm ci refused the lockfile; installing with npm install');
      run('npm', ['install', '--no-audit', '--no-fund'], { cwd: root });
    }
  }
  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' };
  ensureServerPackages({ postgres: !env.DATABASE_URL, redis: !env.REDIS_URL });

  // An API or worker a crashed earlier run left behind would hold the port.
  await stopStale(join(pids, 'api.pid'), 'dist/apps/api');
  await stopStale(join(pids, 'worker.pid'), 'dist/apps/worker');

  if (!env.DATABASE_URL) {
    const pg = await startPostgres({
      dataDir: join(data, 'postgres'),
      port: PORTS.postgres,
      database: 'tadesk',
      logFile: join(logs, 'postgres.log'),
      pidFile: join(pids, 'postgres.pid'),
    });
    started.push(pg);
    env.DATABASE_URL = pg.url;
    log(`PostgreSQL ready: ${pg.url}`);
  }
  if (!env.REDIS_URL) {
    const redis = await startRedis({
      dir: join(data, 'redis'),
      port: PORTS.redis,
      logFile: join(logs, 'redis.log'),
      pidFile: join(pids, 'redis.pid'),
    });
    started.push(redis);
    env.REDIS_URL = redis.url;
    log(`Redis ready: ${redis.url}`);
  }
  if (!env.SMTP_URL) {
    const sink = await startSmtpSink({
      dir: join(data, 'mail'),
      smtpPort: PORTS.smtp,
      httpPort: PORTS.mailWeb,
      logFile: join(logs, 'smtp-sink.log'),
      pidFile: join(pids, 'smtp-sink.pid'),
    });
    started.push(sink);
    env.SMTP_URL = sink.url;
    log(`SMTP sink ready: ${sink.url}; read the mail at ${sink.webUrl}`);
  }
  if (!env.SESSION_SECRET) {
    const secretFile = join(data, 'session-secret');
    if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    env.SESSION_SECRET = readFileSync(secretFile, 'utf8').trim();
  }
  env.WEB_DIST_DIR ??= join(root, 'dist', 'web');

  log('building');
  run('npm', ['run', 'build', '--silent'], { cwd: root, env });
  log('migrating');
  run(
    process.execPath,
    [join(root, 'node_modules/typeorm/cli.js'), 'migration:run', '-d', join(root, 'dist/libs/database/src/data-source.js')],
    { cwd: root, env },
  );
  run(process.execPath, [join(root, 'dist/apps/api/src/seed/seed.js')], { cwd: root, env });

  const { API_NODE_FLAGS } = await import(new URL('../dist/apps/api/src/node-flags.js', import.meta.url).href);
  startApp('api', join(root, 'dist/apps/api/src/main.js'), env, API_NODE_FLAGS);
  startApp('worker', join(root, 'dist/apps/worker/src/main.js'), env);
  const port = env.PORT ?? '3000';
  for (let i = 0; i < 300 && !stopping; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await sleep(100);
  }
  log(`TA Desk is up: http://localhost:${port}  (API docs: http://localhost:${port}/api/docs, health: /health)`);
  log('demo login: admin@example.org / admin-password   ·   Ctrl-C stops everything');
}

main().catch(async (error) => {
  console.error(`[ta-desk] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
});
