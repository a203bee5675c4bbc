import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import pg from 'pg';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { eventContract } from '../../../test/support/contracts.js';
import { emailProblems } from '../../../test/support/email-contract.js';
import { createCase, createOrganization } from '../../../test/support/fixtures.js';
import { composeMail, copyBackToInbox, deliver, subjectsIn, testImapUrl } from '../../../test/support/imap.js';
import { eventually, messagesFor } from '../../../test/support/mail-sink.js';
import { freePort, repoRoot, startApi, startProcess, type RunningApi, type RunningProcess } from '../../../test/support/processes.js';

const connection = () => {
  const url = new URL(String(process.env.REDIS_URL));
  return { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null };
};

const PROCESSED = 'TA Desk/Processed';

describe('inbound mail: replies read from the IMAP mailbox thread onto cases (real worker, queue, dovecot)', () => {
  let api: RunningApi;
  const workers: RunningProcess[] = [];
  let queue: Queue;
  let events: QueueEvents;
  let admin: string;
  let lead: Awaited<ReturnType<typeof createStaff>>;
  let consultant: Awaited<ReturnType<typeof createStaff>>;
  let org: { id: string };
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
    api = await startApi();
    queue = new Queue('inbound', { connection: connection() });
    events = new QueueEvents('inbound', { connection: connection() });
    await events.waitUntilReady();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    [lead, consultant] = await Promise.all([createStaff(api.url, admin, 'lead'), createStaff(api.url, admin, 'consultant')]);
    org = await createOrganization(api.url, admin);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), queue?.close(), events?.close()]);
    await db.end();
  });

  /** A worker reading the test mailbox; its own schedule waits an hour, the tests run the job themselves. */
  const startWorker = (env: Record<string, string> = {}) => {
    const worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`, { IMAP_URL: testImapUrl(), IMAP_POLL_SECONDS: '3600', ...env });
    workers.push(worker);
    return worker;
  };
  /** Runs the mailbox job once through the queue and waits for its result. */
  const poll = async (opts: { attempts?: number } = {}) => {
    const job = await queue.add(
      'mailbox-poll',
      {},
      { jobId: `test-poll-${randomUUID()}`, attempts: opts.attempts ?? 1, backoff: { type: 'fixed', delay: 200 } },
    );
    return job.waitUntilFinished(events, 30000);
  };
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const newCase = () => createCase(api.url, lead.token, org.id, { assigneeId: consultant.id });
  const messagesOf = async (caseId: string) =>
    (await db.query(`SELECT * FROM messages WHERE case_id = $1 ORDER BY created_at`, [caseId])).rows;
  /** The case's token and the Message-ID of a first message written to the clinic. */
  const writeToClinic = async (caseId: string, reference: string) => {
    const sent = await request(api.url)
      .post(`/api/v1/cases/${caseId}/messages`)
      .set(as(consultant.token))
      .send({ to: ['director@clinic.example.org'], subject: `${reference}: next steps`, body: 'Shall we meet Tuesday?' })
      .expect(201);
    const row = (await db.query(`SELECT message_id FROM messages WHERE id = $1`, [sent.body.id])).rows[0];
    const token = (await db.query(`SELECT reply_token FROM case_threads WHERE case_id = $1`, [caseId])).rows[0].reply_token as string;
    return { messageId: row.message_id as string, token };
  };

  it('matches a reply by its reply address, keeps its attachment, counts as clinic activity and tells the consultant', async () => {
    startWorker();
    const c = await newCase();
    const { token } = await writeToClinic(c.id, c.reference);
    await db.query(`UPDATE cases SET stall_level = 'at_risk', last_activity_at = now() - interval '20 days' WHERE id = $1`, [c.id]);
    const subject = `Re: our plan ${randomUUID().slice(0, 6)}`;
    await deliver(
      await composeMail({
        from: 'Jordan Lee <director@clinic.example.org>',
        to: `ta+${token}@center.example.org`,
        subject,
        text: 'Tuesday works. The signed policy is attached.\n\nOn Mon, Jan 5, 2026 at 9:00 AM PeerTAC <ta@center.example.org> wrote:\n> Shall we meet Tuesday?\n',
        attachments: [
          {
            filename: 'supervision-policy.pdf',
            content: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
            contentType: 'application/pdf',
          },
        ],
      }),
    );
    const report = await poll();
    expect(report).toMatchObject({ stored: expect.any(Number) });
    const [, reply] = await messagesOf(c.id);
    expect(reply).toMatchObject({
      direction: 'inbound',
      origin: 'email',
      matched_by: 'reply_address',
      from_address: 'director@clinic.example.org',
      from_name: 'Jordan Lee',
      subject,
      visible_body: 'Tuesday works. The signed policy is attached.',
      auto_reply: null,
    });
    expect(reply.body).toContain('> Shall we meet Tuesday?');
    expect(reply.raw.toString()).toContain('supervision-policy.pdf');
    expect(await subjectsIn('INBOX')).not.toContain(subject);
    expect(await subjectsIn(PROCESSED)).toContain(subject);

    const caseRow = (await db.query(`SELECT stall_level FROM cases WHERE id = $1`, [c.id])).rows[0];
    expect(caseRow.stall_level).toBe('none');
    const listed = await request(api.url).get(`/api/v1/cases?assigneeId=me`).set(as(consultant.token)).expect(200);
    expect(listed.body.items.find((x: { id: string }) => x.id === c.id)).toMatchObject({ newReply: true });
    const [notice] = await eventually(
      () => messagesFor(consultant.email),
      (found) => found.some((m) => m.subject.includes(c.reference)),
    );
    expect(notice).toMatchObject({ subject: `New reply on ${c.reference} from Jordan Lee` });
    expect(notice!.text).toContain('Tuesday works.');

    const thread = await request(api.url).get(`/api/v1/cases/${c.id}/messages`).set(as(consultant.token)).expect(200);
    expect(thread.body.items[1]).toMatchObject({
      direction: 'inbound',
      body: 'Tuesday works. The signed policy is attached.',
      folded: true,
      hasRaw: true,
    });
    expect(thread.body.items[1].attachments).toEqual([
      expect.objectContaining({ fileName: 'supervision-policy.pdf', contentType: 'application/pdf', origin: 'inbound_email' }),
    ]);
    // Opening the conversation as its consultant clears "new reply"; a lead reading leaves it.
    await request(api.url).post(`/api/v1/cases/${c.id}/messages/read`).set(as(lead.token)).expect(204);
    expect((await db.query(`SELECT unread FROM case_threads WHERE case_id = $1`, [c.id])).rows[0].unread).toBe(true);
    await request(api.url).post(`/api/v1/cases/${c.id}/messages/read`).set(as(consultant.token)).expect(204);
    expect((await db.query(`SELECT unread FROM case_threads WHERE case_id = $1`, [c.id])).rows[0].unread).toBe(false);
    const raw = await request(api.url).get(`/api/v1/messages/${reply.id}/raw`).set(as(consultant.token)).expect(200);
    expect(raw.headers['content-type']).toMatch(/^message\/rfc822/);
    expect(raw.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('matches by In-Reply-To when the reply went to another address, and by the reference in the subject', async () => {
    startWorker();
    const byThread = await newCase();
    const { messageId } = await writeToClinic(byThread.id, byThread.reference);
    const bySubject = await newCase();
    const tag = randomUUID().slice(0, 6);
    await deliver(
      await composeMail({
        from: 'director@clinic.example.org',
        to: 'someone.else@center.example.org',
        subject: `Re: next steps ${tag}`,
        inReplyTo: messageId,
        references: [messageId],
        text: 'Answering from my phone.',
      }),
    );
    await deliver(
      await composeMail({
        from: 'hr@clinic.example.org',
        to: 'info@center.example.org',
        subject: `Question about ${bySubject.reference} ${tag}`,
        text: 'Is the toolkit ready?',
      }),
    );
    await poll();
    expect((await messagesOf(byThread.id)).at(-1)).toMatchObject({ matched_by: 'thread', visible_body: 'Answering from my phone.' });
    expect((await messagesOf(bySubject.id)).at(-1)).toMatchObject({ matched_by: 'reference', visible_body: 'Is the toolkit ready?' });
  });

  it('keeps an auto-reply on the case without counting it as the clinic answering', async () => {
    startWorker();
    const c = await newCase();
    const { token } = await writeToClinic(c.id, c.reference);
    await db.query(`UPDATE cases SET stall_level = 'at_risk' WHERE id = $1`, [c.id]);
    const subject = `Out of office ${randomUUID().slice(0, 6)}`;
    await deliver(
      await composeMail({
        from: 'director@clinic.example.org',
        to: `ta+${token}@center.example.org`,
        subject,
        headers: { 'Auto-Submitted': 'auto-replied', Precedence: 'auto_reply' },
        text: 'I am away until Monday.',
      }),
    );
    await poll();
    expect((await messagesOf(c.id)).at(-1)).toMatchObject({ subject, auto_reply: 'auto_reply' });
    expect((await db.query(`SELECT stall_level FROM cases WHERE id = $1`, [c.id])).rows[0].stall_level).toBe('at_risk');
    expect((await db.query(`SELECT unread FROM case_threads WHERE case_id = $1`, [c.id])).rows[0].unread).toBe(false);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await messagesFor(consultant.email)).filter((m) => m.subject.includes(c.reference))).toHaveLength(0);
  });

  it('stores a mail seen twice once: after a crash between storing and moving, and when delivered twice', async () => {
    startWorker();
    const c = await newCase();
    const subject = `Twice ${c.reference} ${randomUUID().slice(0, 6)}`;
    const raw = await composeMail({
      from: 'director@clinic.example.org',
      to: 'ta@center.example.org',
      subject,
      text: 'Once only.',
      messageId: `<twice-${randomUUID()}@clinic.example.org>`,
    });
    await deliver(raw);
    await poll();
    expect(await messagesOf(c.id)).toHaveLength(1);
    // What a worker killed after storing and before moving leaves behind: the stored mail still in INBOX.
    expect(await copyBackToInbox(PROCESSED, subject)).toBe(1);
    await deliver(raw);
    expect((await subjectsIn('INBOX')).filter((s) => s === subject)).toHaveLength(2);
    const report = await poll();
    expect(report).toMatchObject({ read: expect.any(Number) });
    expect(await messagesOf(c.id)).toHaveLength(1);
    expect((await subjectsIn('INBOX')).filter((s) => s === subject)).toHaveLength(0);
    expect((await subjectsIn(PROCESSED)).filter((s) => s === subject)).toHaveLength(3);
  });

  it('puts mail that matches no case in Unmatched, where a lead attaches it to a case or opens a new one', async () => {
    startWorker();
    const tag = randomUUID().slice(0, 8);
    await deliver(
      await composeMail({
        from: 'stranger@elsewhere.example.org',
        to: 'ta@center.example.org',
        subject: `Hello ${tag}`,
        text: 'Can you help us?',
      }),
    );
    await deliver(
      await composeMail({
        from: 'other@elsewhere.example.org',
        to: 'ta@center.example.org',
        subject: `New clinic ${tag}`,
        text: 'We want to hire peers.',
        attachments: [{ filename: 'notes.txt', content: 'notes' }],
      }),
    );
    await poll();
    const listed = await request(api.url).get('/api/v1/messages/unmatched?pageSize=100').set(as(lead.token)).expect(200);
    const mine = listed.body.items.filter((m: { subject: string }) => m.subject.endsWith(tag));
    expect(mine).toHaveLength(2);
    await request(api.url).get('/api/v1/messages/unmatched').set(as(consultant.token)).expect(403);

    const hello = mine.find((m: { subject: string }) => m.subject.startsWith('Hello'));
    const c = await newCase();
    const assigned = await request(api.url)
      .post(`/api/v1/messages/${hello.id}/assign`)
      .set(as(lead.token))
      .send({ caseId: c.id })
      .expect(200);
    expect(assigned.body).toMatchObject({ caseId: c.id, matchedBy: 'assigned' });
    await request(api.url).post(`/api/v1/messages/${hello.id}/assign`).set(as(lead.token)).send({ caseId: c.id }).expect(409);
    const timeline = await request(api.url).get(`/api/v1/cases/${c.id}/timeline`).set(as(lead.token)).expect(200);
    expect(timeline.body.items[0]).toMatchObject({ type: 'message_received', actor: { id: lead.id } });

    const fresh = mine.find((m: { subject: string }) => m.subject.startsWith('New clinic'));
    const opened = await request(api.url)
      .post(`/api/v1/messages/${fresh.id}/case`)
      .set(as(lead.token))
      .send({ organizationId: org.id })
      .expect(201);
    expect(opened.body).toMatchObject({ title: `New clinic ${tag}`, source: 'email' });
    expect(opened.body.description).toContain('We want to hire peers.');
    expect((await messagesOf(opened.body.id)).map((m) => m.id)).toEqual([fresh.id]);
    const after = await request(api.url).get('/api/v1/messages/unmatched?pageSize=100').set(as(lead.token)).expect(200);
    expect(after.body.items.filter((m: { subject: string }) => m.subject.endsWith(tag))).toHaveLength(0);
  });

  it("closes the loop in development: the mail viewer's Answer as the clinic threads a reply onto the case", async () => {
    startWorker();
    const c = await newCase();
    const to = `pat.${randomUUID().slice(0, 6)}@clinic.example.org`;
    await request(api.url)
      .post(`/api/v1/cases/${c.id}/messages`)
      .set(as(consultant.token))
      .send({ to: [to], subject: `${c.reference}: hello`, body: 'Shall we meet?' })
      .expect(201);
    const [sent] = await eventually(
      () => messagesFor(to),
      (found) => found.length > 0,
    );
    const answered = await fetch(`${process.env.MAIL_SINK_URL}/messages/${sent!.id}/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=Tuesday+at+ten+works.',
      redirect: 'manual',
    });
    expect(answered.status).toBe(303);
    await poll();
    expect((await messagesOf(c.id)).at(-1)).toMatchObject({
      direction: 'inbound',
      matched_by: 'reply_address',
      from_address: to,
      subject: `Re: ${c.reference}: hello`,
      visible_body: 'Tuesday at ten works.',
    });
  });

  it('fails and retries the job while the IMAP server is unreachable, and leaves the mail in INBOX for the next run', async () => {
    const subject = `While down ${randomUUID().slice(0, 6)}`;
    await deliver(await composeMail({ from: 'director@clinic.example.org', to: 'ta@center.example.org', subject, text: 'Hello?' }));
    const closedPort = await freePort();
    startWorker({ IMAP_URL: `imap://ta:x@127.0.0.1:${closedPort}` });
    const job = await queue.add(
      'mailbox-poll',
      {},
      { jobId: `test-down-${randomUUID()}`, attempts: 2, backoff: { type: 'fixed', delay: 200 } },
    );
    await expect(job.waitUntilFinished(events, 30000)).rejects.toThrow(/ECONNREFUSED|connect/i);
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(2);
    expect(await subjectsIn('INBOX')).toContain(subject);
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    startWorker();
    await poll();
    expect(await subjectsIn('INBOX')).not.toContain(subject);
    expect((await db.query(`SELECT count(*)::int AS n FROM messages WHERE subject = $1`, [subject])).rows[0].n).toBe(1);
  });

  it('writes message events that match their published schemas, and reply emails that render whole', async () => {
    const contract = await eventContract(api.url);
    const events = await db.query<{ type: string; data: unknown }>(
      `SELECT type, data FROM case_events WHERE type IN ('message_sent', 'message_received')`,
    );
    expect(events.rows.length).toBeGreaterThan(0);
    expect(events.rows.flatMap((event) => contract.problems(event))).toEqual([]);
    const emails = await db.query<{ template: string; data: unknown }>(
      `SELECT template, data FROM outbound_emails WHERE template IN ('case_message', 'reply_received')`,
    );
    expect(emails.rows.length).toBeGreaterThan(0);
    expect(emailProblems(emails.rows)).toEqual([]);
  });
});
