// `npm run up`: installs what is missing, provisions PostgreSQL, Redis, an IMAP mailbox (dovecot) and an SMTP sink
// unless DATABASE_URL / REDIS_URL / IMAP_URL / SMTP_URL are given, migrates, seeds demo data once, builds, and serves
// the API and the worker on http://localhost:3000. Ctrl-C stops everything it started, in order: the API and
// the worker first (APP_STOP_TIMEOUT_MS each, then SIGKILL), then the services (SERVICE_STOP_TIMEOUT_MS each).
// Every child runs in a process group of its own, so the terminal's Ctrl-C reaches only this script (and
// scripts/use-node.mjs above it), and nothing stops before what depends on it.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureServerPackages, log, run, startDovecot, startPostgres, startRedis, startSmtpSink, stopStale } from './lib/services.mjs';

const APP_STOP_TIMEOUT_MS = 10_000;
const SERVICE_STOP_TIMEOUT_MS = 10_000;

const root = new URL('..', import.meta.url).pathname;
// Fixed by default; overridable so a second copy (another worktree, a test) can run beside the first.
const data = process.env.TA_UP_DATA_DIR || join(root, '.data');
const pids = join(data, 'pids');
const logs = join(data, 'logs');
const PORTS = {
  postgres: port('TA_UP_POSTGRES_PORT', 55432),
  redis: port('TA_UP_REDIS_PORT', 56379),
  smtp: port('TA_UP_SMTP_PORT', 1025),
  mailWeb: port('TA_UP_MAIL_WEB_PORT', 1080),
  imap: port('TA_UP_IMAP_PORT', 1143),
};

function port(variable, fallback) {
  const value = process.env[variable];
  if (!value) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    console.error(`[ta-desk] ${variable} must be a port number (1-65535), not ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return number;
}

// The services, by pid file and command-line marker, in the order they start (stopped in reverse).
const SERVICES = [
  { name: 'postgres', marker: 'postgres', signal: 'SIGINT' },
  { name: 'redis', marker: 'redis-server', signal: 'SIGTERM' },
  { name: 'dovecot', marker: 'dovecot', signal: 'SIGTERM' },
  { name: 'smtp-sink', marker: 'smtp-sink', signal: 'SIGTERM' },
];

const started = [];
const apps = [];
let stopping = false;
let stoppingSince = 0;
let starting = Promise.resolve(); // the service start in progress, if any

const gone = (child) => child.exitCode !== null || child.signalCode !== null;

async function stopApp({ name, child }) {
  if (gone(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    log(`${name} did not stop within ${APP_STOP_TIMEOUT_MS / 1000} s: killing it`);
    try {
      process.kill(-child.pid, 'SIGKILL'); // its process group
    } catch {
      child.kill('SIGKILL');
    }
  }, APP_STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function shutdown(code, why = 'stopping') {
  if (stopping) return;
  stopping = true;
  stoppingSince = Date.now();
  log(`${why}: the API and the worker first (at most ${APP_STOP_TIMEOUT_MS / 1000} s), then the services`);
  await Promise.all(apps.map(stopApp));
  for (const name of ['api', 'worker']) rmSync(join(pids, `${name}.pid`), { force: true });
  // A service still starting is stopped too: wait for its start to settle (bounded by its own readiness timeout).
  await starting;
  for (const service of started.reverse()) await service.stop(SERVICE_STOP_TIMEOUT_MS);
  for (const { name, marker, signal } of SERVICES.toReversed()) {
    await stopStale(join(pids, `${name}.pid`), marker, signal, { why: 'still starting', timeoutMs: SERVICE_STOP_TIMEOUT_MS });
  }
  log(`stopped in ${((Date.now() - stoppingSince) / 1000).toFixed(1)} s`);
  process.exit(code);
}

function onSignal(signal) {
  if (!stopping) return void shutdown(0, `${signal}: stopping`);
  // The terminal's Ctrl-C reaches scripts/use-node.mjs too, which passes it on: that copy is the same request.
  if (Date.now() - stoppingSince > 1000)
    log(`${signal}: already stopping (the API and the worker are killed ${APP_STOP_TIMEOUT_MS / 1000} s after the first signal)`);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => onSignal(signal));

/** Resolves with what `promise` resolves to, unless we started stopping meanwhile: then it never settles. */
async function unlessStopping(promise) {
  const value = await promise;
  if (stopping) await new Promise(() => {});
  return value;
}

/** Starts a service in its own process group and records it; a stop requested meanwhile waits for this. */
function startService(start) {
  const result = start.then((service) => {
    started.push(service);
    return service;
  });
  starting = result.then(
    () => undefined,
    () => undefined,
  );
  return unlessStopping(result);
}

function startApp(name, script, env, nodeFlags = []) {
  // Its own process group: only we signal it, once, so the worker's "second signal: exit at once" is the user's call.
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeFlags, script], { stdio: 'inherit', env, detached: true });
  writeFileSync(join(pids, `${name}.pid`), String(child.pid));
  child.once('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${code ?? signal}); stopping the rest`);
      void shutdown(1);
    }
  });
  apps.push({ name, child });
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
  ensureServerPackages({ postgres: !env.DATABASE_URL, redis: !env.REDIS_URL, imap: !env.IMAP_URL });

  // An API or worker a crashed earlier run left behind would hold the port.
  await unlessStopping(stopStale(join(pids, 'api.pid'), 'dist/apps/api'));
  await unlessStopping(stopStale(join(pids, 'worker.pid'), 'dist/apps/worker'));

  if (!env.DATABASE_URL) {
    const pg = await startService(
      startPostgres({
        dataDir: join(data, 'postgres'),
        port: PORTS.postgres,
        database: 'tadesk',
        logFile: join(logs, 'postgres.log'),
        pidFile: join(pids, 'postgres.pid'),
        detached: true,
      }),
    );
    env.DATABASE_URL = pg.url;
    log(`PostgreSQL ready: ${pg.url}`);
  }
  if (!env.REDIS_URL) {
    const redis = await startService(
      startRedis({
        dir: join(data, 'redis'),
        port: PORTS.redis,
        logFile: join(logs, 'redis.log'),
        pidFile: join(pids, 'redis.pid'),
        detached: true,
      }),
    );
    env.REDIS_URL = redis.url;
    log(`Redis ready: ${redis.url}`);
  }
  // The center's mailbox for replies (dovecot, Maildir under .data/imap), unless IMAP_URL names a real one.
  let localImapUrl;
  if (!env.IMAP_URL) {
    const imap = await startService(
      startDovecot({
        dir: join(data, 'imap'),
        port: PORTS.imap,
        logFile: join(logs, 'dovecot.log'),
        pidFile: join(pids, 'dovecot.pid'),
        detached: true,
      }),
    );
    env.IMAP_URL = localImapUrl = imap.url;
    env.REPLY_ADDRESS ??= 'ta@tadesk.local';
    // Locally the loop should be quick to see: a reply answered in the mail viewer lands within seconds.
    env.IMAP_POLL_SECONDS ??= '10';
    log(`IMAP mailbox ready: ${imap.url} (replies to the plus-addressed ${env.REPLY_ADDRESS} land here)`);
  }
  if (!env.SMTP_URL) {
    const sink = await startService(
      startSmtpSink({
        dir: join(data, 'mail'),
        smtpPort: PORTS.smtp,
        httpPort: PORTS.mailWeb,
        imapUrl: localImapUrl,
        logFile: join(logs, 'smtp-sink.log'),
        pidFile: join(pids, 'smtp-sink.pid'),
        detached: true,
      }),
    );
    env.SMTP_URL = sink.url;
    log(`SMTP sink ready: ${sink.url}; read the mail at ${sink.webUrl}`);
  }
  if (!env.SESSION_SECRET) {
    const secretFile = join(data, 'session-secret');
    if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    env.SESSION_SECRET = readFileSync(secretFile, 'utf8').trim();
  }
  env.WEB_DIST_DIR ??= join(root, 'dist', 'web');
  env.STORAGE_DIR ??= join(data, 'files');

  if (
    process.env.TA_UP_SKIP_BUILD === '1' &&
    existsSync(join(root, 'dist/apps/api/src/main.js')) &&
    existsSync(join(root, 'dist/web/index.html'))
  ) {
    log('using the existing build in dist/ (TA_UP_SKIP_BUILD=1)');
  } else {
    log('building');
    run('npm', ['run', 'build', '--silent'], { cwd: root, env });
  }
  log('migrating');
  run(
    process.execPath,
    [join(root, 'node_modules/typeorm/cli.js'), 'migration:run', '-d', join(root, 'dist/libs/database/src/data-source.js')],
    { cwd: root, env },
  );
  run(process.execPath, [join(root, 'dist/apps/api/src/seed/seed.js')], { cwd: root, env });

  if (stopping) return;
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
  if (stopping) return;
  log(`TA Desk is up: http://localhost:${port}  (API docs: http://localhost:${port}/api/docs, health: /health)`);
  log('demo login: admin@example.org / admin-password   ·   Ctrl-C stops everything');
}

main().catch(async (error) => {
  console.error(`[ta-desk] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
});
