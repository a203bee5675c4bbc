import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import pg from 'pg';
import { eventually, messagesFor, privateSink } from '../../../test/support/mail-sink.js';
import { repoRoot, startProcess, type RunningProcess } from '../../../test/support/processes.js';

const connection = () => {
  const url = new URL(String(process.env.REDIS_URL));
  return { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null };
};

describe('email outbox delivery (real worker, Redis, Postgres, SMTP sink)', () => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let queue: Queue;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    await db.connect();
    queue = new Queue('mail', { connection: connection() });
  });
  // Each test runs its own workers, so one pointed at the shared sink never steals another test's job.
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(async () => {
    await queue.close();
    await db.end();
  });

  const startWorker = (env: Record<string, string> = {}) => {
    const worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`, env);
    workers.push(worker);
    return worker;
  };

  async function queueEmail(recipient: string, dedupeKey: string = randomUUID()): Promise<string | undefined> {
    const rows = await db.query(
      `INSERT INTO outbound_emails (recipient, template, data, dedupe_key) VALUES ($1, 'test_message', $2, $3) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [recipient, JSON.stringify({ subject: 'Outbox test', body: 'Hello from the outbox' }), dedupeKey],
    );
    return rows.rows[0]?.id as string | undefined;
  }
  const status = async (id: string) =>
    (await db.query(`SELECT status, attempts, last_error FROM outbound_emails WHERE id = $1`, [id])).rows[0];

  it('delivers a pending email once with both parts, even when two jobs and two workers race for it', async () => {
    startWorker();
    startWorker();
    const recipient = `race-${randomUUID().slice(0, 8)}@example.org`;
    const id = (await queueEmail(recipient))!;
    await Promise.all([
      queue.add('deliver-email', { emailId: id }, { jobId: `a-${id}` }),
      queue.add('deliver-email', { emailId: id }, { jobId: `b-${id}` }),
    ]);
    const row = await eventually(
      () => status(id),
      (r) => r.status === 'sent',
    );
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    await new Promise((r) => setTimeout(r, 500));
    const messages = await messagesFor(recipient);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ subject: 'Outbox test', text: expect.stringMatching(/^Hello from the outbox\n\n-- \n/) });
    expect(messages[0]!.html).toContain('Hello from the outbox');
  });

  it('speaks for the center: its name and signature in the body, replies to its reply-to address', async () => {
    const saved = (await db.query(`SELECT value FROM settings WHERE key = 'center'`)).rows[0]?.value;
    const center = {
      shortName: 'Lakeside TAC',
      name: 'Lakeside Technical Assistance Center',
      replyTo: 'answers@lakeside.example.org',
      signature: 'The Lakeside TAC team\nSyracuse, New York',
    };
    try {
      await db.query(
        `INSERT INTO settings (key, value) VALUES ('center', $1) ON CONFLICT (key) DO UPDATE SET value = settings.value || $1::jsonb`,
        [JSON.stringify(center)],
      );
      // A worker started now reads the center as it is (each worker keeps it a few seconds, see SettingsService).
      startWorker();
      const recipient = `center-${randomUUID().slice(0, 8)}@example.org`;
      const rows = await db.query(
        `INSERT INTO outbound_emails (recipient, template, data, dedupe_key) VALUES ($1, 'intake_confirmation', $2, $3) RETURNING id`,
        [
          recipient,
          JSON.stringify({ contactName: 'Dana', reference: 'TA-2026-09999', businessDays: 2, statusUrl: 'http://x/s/1' }),
          randomUUID(),
        ],
      );
      const id = rows.rows[0].id as string;
      await queue.add('deliver-email', { emailId: id }, { jobId: `email-${id}` });
      const [message] = await eventually(
        () => messagesFor(recipient),
        (found) => found.length > 0,
      );
      expect(message).toBeDefined();
      expect(message!.text).toContain('Thank you for reaching out to Lakeside TAC.');
      expect(message!.text).toMatch(/\n-- \nThe Lakeside TAC team\nSyracuse, New York$/);
      expect(message!.html).toContain('The Lakeside TAC team');
      expect(message!.html).not.toContain('PeerTAC');
      expect(message!.replyTo).toBe('answers@lakeside.example.org');
      expect(message!.from).toContain('Lakeside TAC');
      // The Message-ID stays the outbox row's.
      expect(message!.messageId).toBe(`<outbox-${id}@tadesk.local>`);
    } finally {
      if (saved) await db.query(`UPDATE settings SET value = $1 WHERE key = 'center'`, [JSON.stringify(saved)]);
      else await db.query(`DELETE FROM settings WHERE key = 'center'`);
    }
  });

  it('keeps one row for a dedupe key queued twice, so one email', async () => {
    const key = `dedupe-${randomUUID()}`;
    const recipient = `dedupe-${randomUUID().slice(0, 8)}@example.org`;
    const first = await queueEmail(recipient, key);
    const second = await queueEmail(recipient, key);
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
    const count = await db.query(`SELECT count(*)::int AS n FROM outbound_emails WHERE dedupe_key = $1`, [key]);
    expect(count.rows[0].n).toBe(1);
  });

  it('retries while the SMTP server is down and delivers exactly once when it returns', async () => {
    const sink = await privateSink();
    try {
      startWorker({ SMTP_URL: sink.smtpUrl });
      const recipient = `outage-${randomUUID().slice(0, 8)}@example.org`;
      const id = (await queueEmail(recipient))!;
      await queue.add(
        'deliver-email',
        { emailId: id },
        { jobId: `email-${id}`, attempts: 8, backoff: { type: 'exponential', delay: 300 } },
      );
      const failing = await eventually(
        () => status(id),
        (r) => r.attempts >= 1,
      );
      expect(failing.status).toBe('pending');
      expect(failing.last_error).toMatch(/ECONNREFUSED|connect/i);
      await sink.start();
      const row = await eventually(
        () => status(id),
        (r) => r.status === 'sent',
        30000,
      );
      expect(row.status).toBe('sent');
      const delivered = await messagesFor(recipient, sink.webUrl);
      expect(delivered).toHaveLength(1);
      // The Message-ID is the outbox row's, the same on every attempt (see OutboxService.deliver).
      expect(delivered[0]!.messageId).toBe(`<outbox-${id}@tadesk.local>`);
    } finally {
      await sink.stop();
    }
  }, 60000);

  it('marks an email failed after its last attempt, with the reason', async () => {
    const sink = await privateSink();
    startWorker({ SMTP_URL: sink.smtpUrl });
    const recipient = `dead-${randomUUID().slice(0, 8)}@example.org`;
    const id = (await queueEmail(recipient))!;
    await queue.add('deliver-email', { emailId: id }, { jobId: `email-${id}`, attempts: 2, backoff: { type: 'fixed', delay: 100 } });
    const row = await eventually(
      () => status(id),
      (r) => r.status === 'failed',
    );
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
  });
});
