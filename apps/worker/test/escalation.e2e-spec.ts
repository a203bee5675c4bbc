import { randomUUID } from 'node:crypto';
import { Job, Queue, QueueEvents } from 'bullmq';
import pg from 'pg';
import { eventContract } from '../../../test/support/contracts.js';
import { emailProblems } from '../../../test/support/email-contract.js';
import { eventually, messagesFor } from '../../../test/support/mail-sink.js';
import { repoRoot, startProcess, type RunningProcess } from '../../../test/support/processes.js';

const DAY = 86_400_000;
const connection = () => {
  const url = new URL(String(process.env.REDIS_URL));
  return { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null };
};

describe('timer sweeps: first response, stall, reminders, missed follow-ups (real worker, Redis, Postgres, SMTP sink)', () => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let queue: Queue;
  let events: QueueEvents;
  const workers: RunningProcess[] = [];
  let orgId: string;
  let contactId: string;
  let consultant: { id: string; email: string };
  // Sweeps run as of T, passed in each job, so every boundary below is exact. T is the real present because the
  // worker's own schedule also sweeps with the real clock; boundaries keep a 10-minute margin from it.
  const T = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const todayNy = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(T);
  const MARGIN = 10 * 60_000;

  beforeAll(async () => {
    await db.connect();
    queue = new Queue('sweeps', { connection: connection() });
    events = new QueueEvents('sweeps', { connection: connection() });
    await events.waitUntilReady();
    // Another suite's sweep left behind (a worker killed mid-job) would run first, as of its own time: start empty.
    await queue.obliterate({ force: true });
    orgId = (
      await db.query(
        `INSERT INTO organizations (name, normalized_name, kind, region, county, stage) VALUES ($1, $1, 'mhotrs_clinic', 'central', 'Onondaga', 'starting') RETURNING id`,
        [`Sweep Clinic ${randomUUID()}`],
      )
    ).rows[0].id;
    contactId = (
      await db.query(
        `INSERT INTO contacts (organization_id, name, email, role) VALUES ($1, 'Casey Clinic', $2, 'supervisor') RETURNING id`,
        [orgId, `casey-${randomUUID().slice(0, 6)}@clinic.example.org`],
      )
    ).rows[0].id;
    const email = `sweep-consultant-${randomUUID().slice(0, 6)}@test.example.org`;
    consultant = {
      email,
      id: (
        await db.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Sam Sweep', 'consultant', 'x') RETURNING id`, [
          email,
        ])
      ).rows[0].id,
    };
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(async () => {
    await queue.close();
    await events.close();
    await db.end();
  });

  const startWorker = () => {
    const worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`);
    workers.push(worker);
    return worker;
  };
  const sweep = async (at: Date) => {
    const job = await queue.add('escalation-sweep', { at: at.toISOString() });
    return job.waitUntilFinished(events, 30000);
  };
  const newCase = async (fields: {
    status?: string;
    lastActivityAt?: Date;
    stallLevel?: string;
    firstResponseDueAt?: Date | null;
    firstResponseAt?: Date | null;
  }) =>
    (
      await db.query(
        `INSERT INTO cases (organization_id, title, description, source, priority, status, stall_level, assignee_id, opened_at, last_activity_at, first_response_due_at, first_response_at, version)
         VALUES ($1, 'Sweep case', 'd', 'web_form', 'normal', $2, $3, $4, $5, $6, $7, $8, 1) RETURNING id, reference`,
        [
          orgId,
          fields.status ?? 'active',
          fields.stallLevel ?? 'none',
          consultant.id,
          new Date(T.getTime() - 60 * DAY),
          fields.lastActivityAt ?? T,
          fields.firstResponseDueAt ?? null,
          'firstResponseAt' in fields ? fields.firstResponseAt : T,
        ],
      )
    ).rows[0] as { id: string; reference: string };
  const stallOf = async (id: string) => (await db.query(`SELECT stall_level FROM cases WHERE id = $1`, [id])).rows[0].stall_level as string;
  const eventsOf = async (id: string, type: string) =>
    (await db.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = $2`, [id, type])).rows.map((r) => r.data);
  const emailsFor = async (caseRef: string, recipient: string) =>
    (await db.query(`SELECT template, status FROM outbound_emails WHERE recipient = $1 AND data->>'reference' = $2`, [recipient, caseRef]))
      .rows;

  it('puts a case at risk at exactly STALL_AT_RISK_DAYS and escalates at STALL_ESCALATE_DAYS, each effect once, emailed and on the timeline', async () => {
    startWorker();
    const day13 = await newCase({ lastActivityAt: new Date(T.getTime() - 14 * DAY + MARGIN) });
    const day14 = await newCase({ lastActivityAt: new Date(T.getTime() - 14 * DAY) });
    const day21 = await newCase({ lastActivityAt: new Date(T.getTime() - 21 * DAY) });
    const onHold = await newCase({ status: 'on_hold', lastActivityAt: new Date(T.getTime() - 40 * DAY) });
    await sweep(T);
    await sweep(T); // a rerun changes nothing

    expect(await stallOf(day13.id)).toBe('none');
    expect(await stallOf(day14.id)).toBe('at_risk');
    expect(await stallOf(day21.id)).toBe('escalated');
    expect(await stallOf(onHold.id)).toBe('none');
    expect(await eventsOf(day14.id, 'stall_at_risk')).toEqual([{ days: 14 }]);
    expect(await eventsOf(day21.id, 'escalated')).toEqual([{ reason: 'no_activity', days: 21 }]);
    expect(await eventsOf(day21.id, 'stall_at_risk')).toEqual([]);

    expect(await emailsFor(day14.reference, consultant.email)).toEqual([{ template: 'stall_at_risk', status: expect.any(String) }]);
    expect(await emailsFor(day14.reference, 'lead@example.org')).toEqual([]);
    expect(await emailsFor(day21.reference, 'lead@example.org')).toEqual([{ template: 'escalation', status: expect.any(String) }]);
    const delivered = await eventually(
      () => messagesFor(consultant.email),
      (m) => m.some((x) => x.subject.includes(day14.reference)),
    );
    expect(delivered.filter((m) => m.subject.includes(day14.reference))).toHaveLength(1);
    const leadMail = await eventually(
      () => messagesFor('lead@example.org'),
      (m) => m.some((x) => x.subject.includes(day21.reference)),
    );
    expect(leadMail.filter((m) => m.subject.includes(day21.reference))).toHaveLength(1);
    // The sweep's emails are bulk: their delivery jobs carry a priority, so emails without one (a clinic's
    // confirmation) are delivered first.
    const mail = new Queue('mail', { connection: connection() });
    try {
      const [atRisk] = (
        await db.query(`SELECT id FROM outbound_emails WHERE recipient = $1 AND data->>'reference' = $2`, [
          consultant.email,
          day14.reference,
        ])
      ).rows;
      expect((await Job.fromId(mail, `email-${atRisk.id}`))?.opts.priority).toBe(10);
    } finally {
      await mail.close();
    }

    // A week later the at-risk case passes the escalation threshold: it escalates, once.
    await sweep(new Date(T.getTime() + 7 * DAY));
    expect(await stallOf(day14.id)).toBe('escalated');
    expect(await emailsFor(day14.reference, 'lead@example.org')).toHaveLength(1);
  });

  it('escalates an unanswered request once its first-response deadline has passed, not before', async () => {
    startWorker();
    const late = await newCase({ status: 'new', firstResponseAt: null, firstResponseDueAt: new Date(T.getTime() - 60_000) });
    const onTime = await newCase({ status: 'new', firstResponseAt: null, firstResponseDueAt: new Date(T.getTime() + MARGIN) });
    const answered = await newCase({
      status: 'triaged',
      firstResponseAt: new Date(T.getTime() - DAY),
      firstResponseDueAt: new Date(T.getTime() - 60_000),
    });
    await sweep(T);
    expect(await stallOf(late.id)).toBe('escalated');
    expect(await stallOf(onTime.id)).toBe('none');
    expect(await stallOf(answered.id)).toBe('none');
    expect(await eventsOf(late.id, 'escalated')).toEqual([expect.objectContaining({ reason: 'first_response_overdue' })]);
    expect(await emailsFor(late.reference, 'lead@example.org')).toHaveLength(1);
  });

  it('reminds the day before and on the due date, staff for follow-ups and the clinic contact for its action items, and marks a follow-up missed a day after', async () => {
    startWorker();
    const c = await newCase({});
    const tomorrow = new Date(T.getTime() + DAY);
    const followUp = (
      await db.query(
        `INSERT INTO follow_ups (case_id, due_at, assignee_id, kind, note) VALUES ($1, $2, $3, 'check_in', 'call the director') RETURNING id`,
        [c.id, tomorrow, consultant.id],
      )
    ).rows[0].id;
    const stale = (
      await db.query(`INSERT INTO follow_ups (case_id, due_at, assignee_id, kind) VALUES ($1, $2, $3, 'review_plan') RETURNING id`, [
        c.id,
        new Date(T.getTime() - 2 * DAY),
        consultant.id,
      ])
    ).rows[0].id;
    const goal = (
      await db.query(
        `INSERT INTO action_plan_goals (case_id, title, goal_area, sort_order) VALUES ($1, 'Hire', 'capacity', 0) RETURNING id`,
        [c.id],
      )
    ).rows[0].id;
    await db.query(
      `INSERT INTO action_items (goal_id, case_id, description, owner_contact_id, due_date) VALUES ($1, $2, 'Post the NYCPS job', $3, $4)`,
      [goal, c.id, contactId, todayNy],
    );

    await sweep(T);
    await sweep(T);
    const dayBefore = await db.query(`SELECT recipient FROM outbound_emails WHERE dedupe_key LIKE $1`, [
      `follow_up:${followUp}:day_before:%`,
    ]);
    expect(dayBefore.rows).toEqual([{ recipient: consultant.email }]);
    const contactEmail = (await db.query(`SELECT email FROM contacts WHERE id = $1`, [contactId])).rows[0].email;
    const clinicReminder = await db.query(`SELECT data FROM outbound_emails WHERE recipient = $1`, [contactEmail]);
    expect(clinicReminder.rows).toEqual([
      { data: expect.objectContaining({ reminder: 'due_today', description: 'Post the NYCPS job', caseUrl: null }) },
    ]);

    // The next day the follow-up is due today: one more reminder.
    await sweep(tomorrow);
    const dueToday = await db.query(`SELECT count(*)::int AS n FROM outbound_emails WHERE dedupe_key LIKE $1`, [
      `follow_up:${followUp}:due_today:%`,
    ]);
    expect(dueToday.rows[0].n).toBe(1);

    expect((await db.query(`SELECT status FROM follow_ups WHERE id = $1`, [stale])).rows[0].status).toBe('missed');
    expect(await eventsOf(c.id, 'follow_up_missed')).toHaveLength(1);
    expect((await eventsOf(c.id, 'reminder_sent')).length).toBe(3);
  });

  it('produces each effect once when two workers sweep at the same time', async () => {
    startWorker();
    startWorker();
    const cases = await Promise.all(Array.from({ length: 20 }, () => newCase({ lastActivityAt: new Date(T.getTime() - 15 * DAY) })));
    await Promise.all([sweep(T), sweep(T), sweep(T)]);
    const ids = cases.map((c) => c.id);
    const effects = await db.query(`SELECT count(*)::int AS n FROM sweep_effects WHERE case_id = ANY($1)`, [ids]);
    expect(effects.rows[0].n).toBe(20);
    const events = await db.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = ANY($1) AND type = 'stall_at_risk'`, [ids]);
    expect(events.rows[0].n).toBe(20);
    const emails = await db.query(`SELECT count(*)::int AS n FROM outbound_emails WHERE recipient = $1 AND data->>'reference' = ANY($2)`, [
      consultant.email,
      cases.map((c) => c.reference),
    ]);
    expect(emails.rows[0].n).toBe(20);
  });

  it('lets a sweep in hand finish and queue its emails when the worker is stopped', async () => {
    // At info, so it says when it is ready: its signal handlers are in place from then (a signal before ends it at once).
    const worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`, { LOG_LEVEL: 'info' });
    workers.push(worker);
    expect(
      await eventually(
        async () => worker.output(),
        (output) => output.includes('worker ready'),
      ),
    ).toContain('worker ready');
    // A case the sweep puts at risk, its row held at once so the sweep, once it has the job, waits inside it for as
    // long as the test says.
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    const mail = new Queue('mail', { connection: connection() });
    try {
      const stalled = await newCase({ lastActivityAt: new Date(T.getTime() - 15 * DAY) });
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [stalled.id]);
      // This sweep, or the worker's own scheduled one if it came first: either waits on the held row inside its job.
      await queue.add('escalation-sweep', { at: T.toISOString() });
      expect(
        await eventually(
          () => queue.getActiveCount(),
          (active) => active > 0,
        ),
      ).toBeGreaterThan(0);
      const stopped = worker.stop('SIGTERM');
      // Long enough for everything but the workers to have closed, had shutdown closed all at once.
      await new Promise((r) => setTimeout(r, 1500));
      await holder.query('COMMIT');
      expect(await stopped).toBe('SIGTERM');
      expect(await stallOf(stalled.id)).toBe('at_risk');
      const [email] = (
        await db.query(`SELECT id FROM outbound_emails WHERE recipient = $1 AND data->>'reference' = $2`, [
          consultant.email,
          stalled.reference,
        ])
      ).rows;
      expect(email).toBeDefined();
      // Its delivery job reached the mail queue before that closed; the next worker delivers it.
      expect(await mail.getJob(`email-${email.id}`)).toBeDefined();
      expect(worker.output()).not.toMatch(/could not queue/);
      // The sweep that did it is the one that waited on the row while the worker was stopping.
      const sweeps = await queue.getCompleted();
      expect(sweeps.some((job) => (job.returnvalue as { tookMs: { atRisk: number } }).tookMs.atRisk >= 1000)).toBe(true);
    } finally {
      await holder.end();
      await mail.close();
    }
  });

  it('clears the stall level when a session is logged (activity)', async () => {
    startWorker();
    const c = await newCase({ lastActivityAt: new Date(T.getTime() - 15 * DAY) });
    await sweep(T);
    expect(await stallOf(c.id)).toBe('at_risk');
    // What POST /cases/:id/consultations does to the case, asserted end to end in engagement.e2e-spec.ts.
    await db.query(`UPDATE cases SET last_activity_at = $2, stall_level = 'none' WHERE id = $1`, [c.id, T]);
    await sweep(new Date(T.getTime() + DAY));
    expect(await stallOf(c.id)).toBe('none');
  });

  it('writes timeline events that match their schema and emails whose templates render every field from the SQL-built data', async () => {
    const written = await db.query<{ type: string; data: unknown }>(
      `SELECT e.type, e.data FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.organization_id = $1`,
      [orgId],
    );
    expect(new Set(written.rows.map((e) => e.type))).toEqual(new Set(['stall_at_risk', 'escalated', 'reminder_sent', 'follow_up_missed']));
    const contract = await eventContract();
    expect(written.rows.flatMap((event) => contract.problems(event))).toEqual([]);
    const emails = await db.query<{ template: string; data: unknown }>(
      `SELECT template, data FROM outbound_emails WHERE data->>'reference' IN (SELECT reference FROM cases WHERE organization_id = $1)`,
      [orgId],
    );
    expect(new Set(emails.rows.map((e) => e.template))).toEqual(new Set(['stall_at_risk', 'escalation', 'reminder']));
    expect(new Set(emails.rows.map((e) => (e.data as { what?: string }).what).filter(Boolean))).toEqual(
      new Set(['follow-up', 'action item']),
    );
    expect(emailProblems(emails.rows)).toEqual([]);
  });
});
