import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createOrganization } from '../../../test/support/fixtures.js';
import { composeMail, deliver, subjectsIn, testImapUrl, type Mailbox } from '../../../test/support/imap.js';
import { eventually } from '../../../test/support/mail-sink.js';
import { registerOAuthClient, type OAuthClient } from '../../../test/support/oauth.js';
import { freePort, repoRoot, startApi, startProcess, type RunningApi, type RunningProcess } from '../../../test/support/processes.js';

const connection = () => {
  const url = new URL(String(process.env.REDIS_URL));
  return { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null };
};

const PROCESSED = 'TA Desk/Processed';

/** The test dovecot's address with the client's mailbox user and no password: what IMAP_URL is under IMAP_AUTH=oauth2. */
const oauthImapUrl = (client: OAuthClient) => {
  const url = new URL(testImapUrl());
  return `imap://${client.user}@${url.host}`;
};
/** The test's own way into the client's mailbox (an access token of its own). */
const mailboxOf = async (client: OAuthClient): Promise<Mailbox> => ({ url: oauthImapUrl(client), accessToken: await client.accessToken() });

describe('inbound mail signed in with OAuth2 (real worker, queue, dovecot checking tokens at the OAuth2 server)', () => {
  let api: RunningApi;
  const workers: RunningProcess[] = [];
  let queue: Queue;
  let events: QueueEvents;
  let lead: Awaited<ReturnType<typeof createStaff>>;
  let org: { id: string };
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
    api = await startApi();
    queue = new Queue('inbound', { connection: connection() });
    events = new QueueEvents('inbound', { connection: connection() });
    await events.waitUntilReady();
    const admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    lead = await createStaff(api.url, admin, 'lead');
    org = await createOrganization(api.url, admin);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), queue?.close(), events?.close()]);
    await db.end();
  });

  /** A worker reading the client's mailbox with IMAP_AUTH=oauth2; its own schedule waits an hour, the tests run the job. */
  const startWorker = (client: OAuthClient, env: Record<string, string> = {}) => {
    const worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`, {
      IMAP_URL: oauthImapUrl(client),
      IMAP_POLL_SECONDS: '3600',
      IMAP_AUTH: 'oauth2',
      IMAP_OAUTH_TOKEN_URL: client.tokenUrl,
      IMAP_OAUTH_CLIENT_ID: client.id,
      IMAP_OAUTH_CLIENT_SECRET: client.secret,
      IMAP_OAUTH_SCOPE: 'https://outlook.office365.com/.default',
      ...env,
    });
    workers.push(worker);
    return worker;
  };
  /** Runs the mailbox job once through the queue and waits for its result. */
  const poll = async (attempts = 1) => {
    const job = await queue.add(
      'mailbox-poll',
      {},
      { jobId: `test-poll-${randomUUID()}`, attempts, backoff: { type: 'fixed', delay: 200 } },
    );
    return job.waitUntilFinished(events, 30000);
  };
  const storedCount = async (subject: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM messages WHERE subject = $1`, [subject])).rows[0].n as number;
  /** A reply naming the case's reference, put into the client's mailbox. */
  const deliverReply = async (client: OAuthClient, reference: string) => {
    const subject = `Re: ${reference} ${randomUUID().slice(0, 6)}`;
    await deliver(
      await composeMail({ from: 'director@clinic.example.org', to: 'ta@center.example.org', subject, text: 'Yes.' }),
      await mailboxOf(client),
    );
    return subject;
  };
  const dovecotLog = () => readFileSync(join(String(process.env.TEST_TMP_DIR), 'dovecot.log'), 'utf8');

  it('signs in with an app-only token (client credentials, as Microsoft 365) and threads the reply onto its case; the token is reused', async () => {
    const client = await registerOAuthClient();
    const c = await createCase(api.url, lead.token, org.id);
    const subject = await deliverReply(client, c.reference);
    const issuedBefore = await client.issued();
    startWorker(client);

    expect(await poll()).toMatchObject({ read: 1, stored: 1, matched: 1 });
    const stored = (await db.query(`SELECT case_id, matched_by FROM messages WHERE subject = $1`, [subject])).rows;
    expect(stored).toEqual([{ case_id: c.id, matched_by: 'reference' }]);
    const timeline = await request(api.url)
      .get(`/api/v1/cases/${c.id}/timeline`)
      .set({ Authorization: `Bearer ${lead.token}` })
      .expect(200);
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toContain('message_received');
    const mailbox = await mailboxOf(client);
    expect(await subjectsIn('INBOX', mailbox)).not.toContain(subject);
    expect(await subjectsIn(PROCESSED, mailbox)).toContain(subject);

    await poll();
    // One token for both runs (the test's own sign-in took one more).
    expect(await client.issued()).toBe(issuedBefore + 1 + 1);
  });

  it('signs in with the refresh-token grant (as Google Workspace)', async () => {
    const client = await registerOAuthClient();
    const c = await createCase(api.url, lead.token, org.id);
    const subject = await deliverReply(client, c.reference);
    startWorker(client, { IMAP_OAUTH_REFRESH_TOKEN: client.refreshToken, IMAP_OAUTH_SCOPE: '' });
    expect(await poll()).toMatchObject({ stored: 1, matched: 1 });
    expect(await storedCount(subject)).toBe(1);
  });

  it('with a wrong client secret or an unreachable token endpoint the poll fails and is retried, says what to fix, and the mail waits in INBOX', async () => {
    const client = await registerOAuthClient();
    const c = await createCase(api.url, lead.token, org.id);
    const subject = await deliverReply(client, c.reference);

    const wrong = startWorker(client, { IMAP_OAUTH_CLIENT_SECRET: 'not-the-secret-42' });
    const job = await queue.add(
      'mailbox-poll',
      {},
      { jobId: `test-bad-${randomUUID()}`, attempts: 2, backoff: { type: 'fixed', delay: 200 } },
    );
    await expect(job.waitUntilFinished(events, 30000)).rejects.toThrow(/invalid_client/);
    expect((await queue.getJob(job.id!))?.attemptsMade).toBe(2);
    expect(wrong.output()).toMatch(
      /IMAP OAuth2 sign-in failed, the mail waits in INBOX: .*invalid_client.*check IMAP_OAUTH_CLIENT_ID and IMAP_OAUTH_CLIENT_SECRET/,
    );
    expect(wrong.output()).not.toContain('not-the-secret-42');
    expect(await subjectsIn('INBOX', await mailboxOf(client))).toContain(subject);
    await Promise.all(workers.splice(0).map((w) => w.stop()));

    const unreachable = startWorker(client, { IMAP_OAUTH_TOKEN_URL: `http://127.0.0.1:${await freePort()}/token` });
    await expect(poll(2)).rejects.toThrow(/could not reach the OAuth2 token endpoint/);
    expect(unreachable.output()).toMatch(/IMAP OAuth2 sign-in failed.*ECONNREFUSED/);
    expect(await subjectsIn('INBOX', await mailboxOf(client))).toContain(subject);
    await Promise.all(workers.splice(0).map((w) => w.stop()));

    // The setting fixed: the mail lands on its case.
    startWorker(client);
    expect(await poll()).toMatchObject({ stored: 1, matched: 1 });
    expect(await storedCount(subject)).toBe(1);
    expect(await subjectsIn('INBOX', await mailboxOf(client))).not.toContain(subject);
  });

  it('fails, and says so, when the server refuses even a fresh token (the app may not open this mailbox)', async () => {
    const client = await registerOAuthClient();
    // The token is good, but for the client's own mailbox: dovecot refuses it for another, as Exchange does without
    // the mailbox permission.
    const worker = startWorker(client, { IMAP_URL: oauthImapUrl({ ...client, user: `not-${client.user}` }) });
    const issued = await client.issued();
    await expect(poll()).rejects.toThrow(/refused a fresh OAuth2 access token/);
    expect(worker.output()).toMatch(
      new RegExp(
        `IMAP OAuth2 sign-in failed, the mail waits in INBOX: the IMAP server refused a fresh OAuth2 access token for not-${client.user}: check that the app may read this mailbox`,
      ),
    );
    // The cached token, then one fresh one: no loop of token requests.
    expect(await client.issued()).toBe(issued + 2);
  });

  it('replaces a token the mail server refuses (revoked or expired) with a fresh one, and the poll succeeds', async () => {
    const client = await registerOAuthClient();
    const worker = startWorker(client);
    await poll();
    const issued = await client.issued();
    // The worker's token is revoked while it still holds it, as an admin revoking the app's sessions would.
    expect(await client.revokeAll()).toBe(1);
    const c = await createCase(api.url, lead.token, org.id);
    const subject = await deliverReply(client, c.reference);

    expect(await poll()).toMatchObject({ stored: 1, matched: 1 });
    expect(await storedCount(subject)).toBe(1);
    // One fresh token for the worker (plus the test's own sign-in).
    expect(await client.issued()).toBe(issued + 1 + 1);
    // dovecot refused the revoked token once (introspection: inactive) before the fresh one signed in.
    const refusal = new RegExp(`auth failed, 1 attempts .*user=<${client.user}>`);
    expect(
      await eventually(
        async () => dovecotLog(),
        (log) => refusal.test(log),
      ),
    ).toMatch(refusal);
    expect(worker.output()).not.toMatch(/sign-in failed/);
  });
});
