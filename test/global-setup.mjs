// Jest global setup: real PostgreSQL (fsync off), Redis, an SMTP sink, an IMAP server (dovecot) and the OAuth2 server it
// checks tokens with, on free ports in a temp dir, migrated and seeded, for this test run only. global-teardown.mjs
// (and process exit) stops them.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureServerPackages,
  freePort,
  run,
  startDovecot,
  startOAuthServer,
  startPostgres,
  startRedis,
  startSmtpSink,
} from '../scripts/lib/services.mjs';

export default async function globalSetup() {
  const root = new URL('..', import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'tadesk-test-'));
  chmodSync(dir, 0o755); // the postgres user must reach its data dir inside
  ensureServerPackages({ postgres: true, redis: true, imap: true });
  const [pgPort, redisPort, smtpPort, mailPort, imapPort, oauthPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const services = [];
  globalThis.__TA_TEST__ = { dir, services };
  const stopAll = () => Promise.all(services.map((s) => s.stop()));
  // If Jest dies without running the teardown, do not leave servers behind.
  process.once('exit', () =>
    services.forEach((s) => {
      try {
        process.kill(s.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }),
  );
  try {
    const pg = await startPostgres({
      dataDir: join(dir, 'postgres'),
      port: pgPort,
      database: 'tadesk_test',
      durable: false,
      logFile: join(dir, 'postgres.log'),
    });
    services.push(pg);
    const redis = await startRedis({ dir: join(dir, 'redis'), port: redisPort, logFile: join(dir, 'redis.log') });
    services.push(redis);
    // An OAuth2 authorization server: the mailbox also takes its access tokens (IMAP_AUTH=oauth2), as Microsoft 365 does.
    const oauth = await startOAuthServer({ port: oauthPort, logFile: join(dir, 'oauth-server.log') });
    services.push(oauth);
    // The center's mailbox the inbound-mail job reads; the worker only polls it where a test sets IMAP_URL.
    const imap = await startDovecot({
      dir: join(dir, 'imap'),
      port: imapPort,
      oauth2IntrospectionUrl: `${oauth.url}/introspect`,
      logFile: join(dir, 'dovecot.log'),
    });
    services.push(imap);
    const sink = await startSmtpSink({
      dir: join(dir, 'mail'),
      smtpPort,
      httpPort: mailPort,
      imapUrl: imap.url,
      logFile: join(dir, 'smtp-sink.log'),
    });
    services.push(sink);
    Object.assign(process.env, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: pg.url,
      REDIS_URL: redis.url,
      SMTP_URL: sink.url,
      MAIL_SINK_URL: sink.webUrl,
      TEST_IMAP_URL: imap.url,
      TEST_OAUTH_URL: oauth.url,
      REPLY_ADDRESS: 'ta@center.example.org',
      SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
      TEST_TMP_DIR: dir,
      // Attachments' bytes live with this run's other data and go with it.
      STORAGE_DIR: join(dir, 'files'),
      // Tests sign in far more often than people; the throttle test lowers this for its own API.
      LOGIN_THROTTLE_LIMIT: '1000',
      INTAKE_RATE_LIMIT_PER_HOUR: '1000',
    });
    run(
      process.execPath,
      [join(root, 'node_modules/typeorm/cli.js'), 'migration:run', '-d', join(root, 'dist/libs/database/src/data-source.js')],
      { cwd: root, stdio: 'pipe' },
    );
    run(process.execPath, [join(root, 'dist/apps/api/src/seed/seed.js')], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    await stopAll();
    throw error;
  }
}
