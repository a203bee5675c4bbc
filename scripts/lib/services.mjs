// Provisions the real services TA Desk needs when no URL is configured: PostgreSQL, Redis and an SMTP sink.
// Used by `npm run up` (fixed ports, data under .data/) and by Jest's global setup (free ports, temp dirs).
// Plain Node (no dependencies) so it runs before `npm ci`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const isRoot = process.getuid?.() === 0;

export function log(message) {
  console.log(`[ta-desk] ${message}`);
}

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The bin directory of the newest PostgreSQL on this machine, or undefined. */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  if (commandExists('pg_config')) {
    const bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(bin, 'postgres'))) return bin;
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb'))) return dir;
  }
  return undefined;
}

/** Installs Debian's postgresql, redis-server and dovecot-imapd when they are missing and we may (root with apt-get); else says how. */
export function ensureServerPackages({ postgres, redis, imap = false }) {
  const missing = [];
  if (postgres && !findPostgresBin()) missing.push('postgresql');
  if (redis && !commandExists('redis-server')) missing.push('redis-server');
  if (imap && !findDovecot()) missing.push('dovecot-imapd');
  if (missing.length === 0) return;
  if (isRoot && commandExists('apt-get')) {
    log(`installing ${missing.join(' ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
    return;
  }
  const hint =
    process.platform === 'darwin'
      ? `brew install ${missing.map((m) => (m === 'redis-server' ? 'redis' : m)).join(' ')}`
      : `sudo apt-get install -y ${missing.join(' ')}`;
  throw new Error(
    `${missing.join(' and ')} not found. Run: ${hint}  (or set ${postgres ? 'DATABASE_URL ' : ''}${redis ? 'REDIS_URL ' : ''}${imap ? 'IMAP_URL' : ''} to servers you have)`,
  );
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function assertPortFree(port, what) {
  const inUse = await new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
  if (inUse)
    throw new Error(
      `port ${port} (for ${what}) is already in use by another program: stop it, or set the matching *_URL to use your own server`,
    );
}

async function waitFor(check, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} did not become ready within ${timeoutMs / 1000}s`);
    await sleep(100);
  }
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function stopPid(pid, signal = 'SIGTERM', timeoutMs = 15000) {
  if (!pid || !isAlive(pid)) return;
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * Ends a process a crashed earlier run left behind, recorded in pidFile; `marker` must appear in its
 * command line, so a pid the system has since given to another program is left alone.
 */
export async function stopStale(pidFile, marker, signal = 'SIGTERM', { why = 'left by an earlier run', timeoutMs = 15000 } = {}) {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (pid && isAlive(pid) && (process.platform !== 'linux' || commandLine(pid).includes(marker))) {
    log(`stopping ${pidFile.split('/').pop()} (pid ${pid}) ${why}`);
    await stopPid(pid, signal, timeoutMs);
  }
  rmSync(pidFile, { force: true });
}

function tcpPing(port, payload, expect) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let data = '';
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.once('connect', () => payload && socket.write(payload));
    socket.on('data', (chunk) => {
      data += chunk.toString();
      if (data.includes(expect)) {
        socket.destroy();
        resolve(true);
      }
    });
  });
}

// detached: the service gets a process group (and session) of its own, so a terminal's Ctrl-C, which signals the
// whole foreground group, does not reach it: `npm run up` stops it itself, after the API and the worker.
function spawnService(command, args, { logFile, pidFile, asPostgres = false, detached = false }) {
  const out = openSync(logFile, 'a');
  const [cmd, argv] =
    asPostgres && isRoot ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]] : [command, args];
  const child = spawn(cmd, argv, { stdio: ['ignore', out, out], detached });
  if (pidFile) writeFileSync(pidFile, String(child.pid));
  return child;
}

function stopper(child, signal, pidFile) {
  return async (timeoutMs = 15000) => {
    await stopPid(child.pid, signal, timeoutMs);
    if (pidFile) rmSync(pidFile, { force: true });
  };
}

/**
 * Starts PostgreSQL on dataDir (initialising it on first use) and creates `database`.
 * durable=false turns fsync off: for throw-away test clusters.
 */
export async function startPostgres({ dataDir, port, database, durable = true, logFile, pidFile, detached = false }) {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL not found');
  const asPostgres = isRoot;
  const runAs = (command, args) => {
    const [cmd, argv] = asPostgres
      ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]]
      : [command, args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  if (pidFile) await stopStale(pidFile, 'postgres', 'SIGINT');
  // A postmaster still running on this data dir (an earlier run killed hard) is shut down cleanly first.
  const lock = join(dataDir, 'postmaster.pid');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
    if (pid && isAlive(pid)) {
      log(`stopping a PostgreSQL left running on ${dataDir} (pid ${pid})`);
      await stopPid(pid, 'SIGINT');
    }
  }
  await assertPortFree(port, 'PostgreSQL');
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    if (asPostgres) chownSync(dataDir, uidOf('postgres'), gidOf('postgres'));
    runAs(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  }
  const args = ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (!durable) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const child = spawnService(join(bin, 'postgres'), args, { logFile, pidFile, asPostgres, detached });
  await waitFor(
    () => spawnSync(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]).status === 0,
    `PostgreSQL on port ${port} (log: ${logFile})`,
  );
  const psql = (sql) =>
    spawnSync(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-tAc', sql], {
      encoding: 'utf8',
    });
  if (psql(`SELECT 1 FROM pg_database WHERE datname = '${database}'`).stdout.trim() !== '1') {
    const created = psql(`CREATE DATABASE "${database}"`);
    if (created.status !== 0) throw new Error(`could not create database ${database}: ${created.stderr}`);
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, pid: child.pid, stop: stopper(child, 'SIGINT', pidFile) };
}

function uidOf(user) {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}
function gidOf(user) {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}

export async function startRedis({ dir, port, logFile, pidFile, detached = false }) {
  if (pidFile) await stopStale(pidFile, 'redis-server');
  await assertPortFree(port, 'Redis');
  mkdirSync(dir, { recursive: true });
  const child = spawnService(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { logFile, pidFile, detached },
  );
  await waitFor(() => tcpPing(port, 'PING\r\n', '+PONG'), `Redis on port ${port} (log: ${logFile})`);
  return { url: `redis://127.0.0.1:${port}`, pid: child.pid, stop: stopper(child, 'SIGTERM', pidFile) };
}

/** The SMTP sink (scripts/smtp-sink.mjs): keeps every message in dir and lists them on a small web page (with imapUrl: answers them as the clinic). */
export async function startSmtpSink({ dir, smtpPort, httpPort, imapUrl, logFile, pidFile, detached = false }) {
  if (pidFile) await stopStale(pidFile, 'smtp-sink');
  await assertPortFree(smtpPort, 'the SMTP sink');
  await assertPortFree(httpPort, 'the mail viewer');
  mkdirSync(dir, { recursive: true });
  const script = new URL('../smtp-sink.mjs', import.meta.url).pathname;
  const args = [script, '--smtp-port', String(smtpPort), '--http-port', String(httpPort), '--dir', dir];
  // The mail viewer answers "as the clinic" into this mailbox.
  if (imapUrl) args.push('--imap-url', imapUrl);
  const child = spawnService(process.execPath, args, {
    logFile,
    pidFile,
    detached,
  });
  await waitFor(() => tcpPing(smtpPort, null, '220'), `SMTP sink on port ${smtpPort} (log: ${logFile})`);
  return {
    url: `smtp://127.0.0.1:${smtpPort}`,
    webUrl: `http://127.0.0.1:${httpPort}`,
    pid: child.pid,
    stop: stopper(child, 'SIGTERM', pidFile),
  };
}

/** Runs a command to completion, streaming its output; throws with the command line when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', encoding: 'utf8', ...options });
  if (result.status !== 0) {
    const output = [result.stdout, result.stderr].filter(Boolean).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}${output ? `:\n${output}` : ''}`);
  }
}

/** Debian's dovecot binary (package dovecot-imapd), or undefined. */
export function findDovecot() {
  for (const path of ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot']) if (existsSync(path)) return path;
  return commandExists('dovecot') ? 'dovecot' : undefined;
}

/** The tests' OAuth2 authorization server (scripts/oauth-server.mjs): /token, /introspect, clients managed over /admin. */
export async function startOAuthServer({ port, logFile, pidFile, detached = false }) {
  if (pidFile) await stopStale(pidFile, 'oauth-server');
  await assertPortFree(port, 'the OAuth2 server');
  const script = new URL('../oauth-server.mjs', import.meta.url).pathname;
  const child = spawnService(process.execPath, [script, '--port', String(port)], { logFile, pidFile, detached });
  const url = `http://127.0.0.1:${port}`;
  const answers = () =>
    fetch(`${url}/introspect`, { method: 'POST' }).then(
      (response) => response.ok,
      () => false,
    );
  await waitFor(answers, `OAuth2 server on port ${port} (log: ${logFile})`);
  return { url, pid: child.pid, stop: stopper(child, 'SIGTERM', pidFile) };
}

/**
 * A throw-away IMAP server (dovecot) for the inbound-mail job: one mailbox `user`/`password` in a passwd file, Maildir
 * under `dir`, plaintext login on 127.0.0.1:port (loopback only, no TLS). It runs as the current user; dovecot refuses
 * to run its login processes as root, so under root (CI) they run as Debian's `dovenull`/`dovecot` users, which then
 * own the mail folder, like PostgreSQL runs as `postgres`.
 * With oauth2IntrospectionUrl it also takes OAuth2 bearer tokens (XOAUTH2 and OAUTHBEARER, as Microsoft 365 and Gmail
 * do), which its oauth2 passdb checks at that RFC 7662 endpoint; the password still signs in with PLAIN/LOGIN.
 */
export async function startDovecot({
  dir,
  port,
  user = 'ta',
  password = 'ta-mailbox-password',
  oauth2IntrospectionUrl,
  logFile,
  pidFile,
  detached = false,
}) {
  const dovecot = findDovecot();
  if (!dovecot) throw new Error('dovecot not found. Run: sudo apt-get install -y dovecot-imapd  (or set IMAP_URL to a mailbox you have)');
  if (pidFile) await stopStale(pidFile, 'dovecot');
  await assertPortFree(port, 'the IMAP server (dovecot)');
  for (const sub of ['run', 'state', 'mail', 'home']) mkdirSync(join(dir, sub), { recursive: true });
  const id = (flag) => execFileSync('id', [flag], { encoding: 'utf8' }).trim();
  const [loginUser, internalUser, group, mailUid, mailGid] = isRoot
    ? ['dovenull', 'dovecot', 'dovecot', 'dovecot', 'dovecot']
    : [id('-un'), id('-un'), id('-gn'), id('-u'), id('-g')];
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o600 });
  const config = [
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    `log_path = ${logFile}`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    `auth_mechanisms = plain login${oauth2IntrospectionUrl ? ' xoauth2 oauthbearer' : ''}`,
    `default_internal_user = ${internalUser}`,
    `default_internal_group = ${group}`,
    `default_login_user = ${loginUser}`,
    'first_valid_uid = 1',
    `mail_location = maildir:${join(dir, 'mail')}/%u`,
    // "/" as the hierarchy separator, as Microsoft 365 and Gmail show folders ("TA Desk/Processed").
    'namespace inbox {\n  inbox = yes\n  separator = /\n}',
    `passdb {\n  driver = passwd-file\n  mechanisms = plain login\n  args = scheme=PLAIN username_format=%u ${join(dir, 'passwd')}\n}`,
    // Each passdb answers only its own mechanisms: a token is never tried as the password, nor a password introspected.
    ...(oauth2IntrospectionUrl
      ? [`passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = ${join(dir, 'dovecot-oauth2.conf.ext')}\n}`]
      : []),
    `userdb {\n  driver = static\n  args = uid=${mailUid} gid=${mailGid} home=${join(dir, 'home')}/%u\n}`,
    `service imap-login {\n  chroot =\n  inet_listener imap {\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    'service anvil {\n  chroot =\n}',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'dovecot.conf'), config);
  if (oauth2IntrospectionUrl) {
    // The token is good when the server says it is active and issued for this mailbox (username = the login name).
    const oauth2 = [
      `introspection_url = ${oauth2IntrospectionUrl}`,
      'introspection_mode = post',
      'force_introspection = yes',
      'username_attribute = username',
      'active_attribute = active',
      'active_value = true',
      'timeout_msecs = 5000',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'dovecot-oauth2.conf.ext'), oauth2);
  }
  if (isRoot) {
    execFileSync('chown', ['-R', 'dovecot:dovecot', join(dir, 'mail'), join(dir, 'home'), join(dir, 'passwd')]);
    execFileSync('chmod', ['755', dir]);
  }
  const child = spawnService(dovecot, ['-F', '-c', join(dir, 'dovecot.conf')], { logFile, pidFile, detached });
  await waitFor(() => tcpPing(port, null, '* OK'), `dovecot on port ${port} (log: ${logFile})`);
  return {
    url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    pid: child.pid,
    stop: stopper(child, 'SIGTERM', pidFile),
  };
}
