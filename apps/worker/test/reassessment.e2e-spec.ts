import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import pg from 'pg';
import { emailProblems } from '../../../test/support/email-contract.js';
import { repoRoot, startProcess, type RunningProcess } from '../../../test/support/processes.js';

const DAY = 86_400_000;
const connection = () => {
  const url = new URL(String(process.env.REDIS_URL));
  return { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null };
};

describe('reassessment reminder: REASSESS_AFTER_DAYS after the latest closed round (real worker, Redis, Postgres)', () => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let queue: Queue;
  let events: QueueEvents;
  let worker: RunningProcess;

  beforeAll(async () => {
    await db.connect();
    queue = new Queue('sweeps', { connection: connection() });
    events = new QueueEvents('sweeps', { connection: connection() });
    await events.waitUntilReady();
    worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`);
  });
  afterAll(async () => {
    await worker?.stop();
    await queue.close();
    await events.close();
    await db.end();
  });

  const sweep = async (at: Date) => {
    const job = await queue.add('escalation-sweep', { at: at.toISOString() });
    return (await job.waitUntilFinished(events, 30000)) as { reassessmentReminders: number };
  };

  it('reminds the case’s consultant once, on the timeline and through the outbox, even when the sweep runs twice', async () => {
    const email = `reassess-${randomUUID().slice(0, 8)}@test.example.org`;
    const consultant = (
      await db.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Rita Reassess', 'consultant', 'x') RETURNING id`, [
        email,
      ])
    ).rows[0].id as string;
    const instrument = (await db.query(`SELECT id FROM instruments WHERE code = 'peer-readiness-demo' AND version = 1`)).rows[0]
      .id as string;
    const org = async () =>
      (
        await db.query(
          `INSERT INTO organizations (name, normalized_name, kind, region, county, stage) VALUES ($1, $1, 'mhotrs_clinic', 'central', 'Onondaga', 'starting') RETURNING id`,
          [`Reassess Clinic ${randomUUID()}`],
        )
      ).rows[0].id as string;
    const round = async (organizationId: string, closedDaysAgo: number | null, caseId: string | null = null) =>
      (
        await db.query(
          `INSERT INTO assessments (organization_id, instrument_id, purpose, case_id, status, expires_at, created_by, created_at, closed_at)
           VALUES ($1, $2, 'baseline', $3, $4::varchar, now(), $5, now() - make_interval(days => $6), CASE WHEN $4::varchar = 'closed' THEN now() - make_interval(days => $7) END)
           RETURNING id`,
          [
            organizationId,
            instrument,
            caseId,
            closedDaysAgo === null ? 'open' : 'closed',
            consultant,
            (closedDaysAgo ?? 0) + 10,
            closedDaysAgo ?? 0,
          ],
        )
      ).rows[0].id as string;

    const dueOrg = await org();
    const theCase = (
      await db.query(
        `INSERT INTO cases (organization_id, title, description, source, priority, assignee_id, status, opened_at, last_activity_at,
                            first_response_due_at, first_response_at, version)
         VALUES ($1, 'Readiness work', 'd', 'phone', 'normal', $2, 'active', now(), now() + interval '3 days', now() + interval '2 days', now(), 1)
         RETURNING id`,
        [dueOrg, consultant],
      )
    ).rows[0].id as string;
    const due = await round(dueOrg, 181, theCase);
    const recent = await round(await org(), 170);
    // An organization already reassessed (a later round started) is not reminded about its older round.
    const reassessedOrg = await org();
    const older = await round(reassessedOrg, 400);
    await db.query(`UPDATE assessments SET created_at = now() - interval '420 days' WHERE id = $1`, [older]);
    await round(reassessedOrg, null);

    const now = new Date();
    await sweep(now);
    await sweep(new Date(now.getTime() + DAY));

    const emails = await db.query(`SELECT recipient, template, data FROM outbound_emails WHERE dedupe_key = ANY($1)`, [
      [due, recent, older].map((id) => `assessment:${id}:reassess`),
    ]);
    expect(emails.rows).toHaveLength(1);
    expect(emails.rows[0].recipient).toBe(email);
    expect(emails.rows[0].data).toMatchObject({ days: 180, url: expect.stringMatching(new RegExp(`/organizations/${dueOrg}$`)) });
    const timeline = await db.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'reassessment_due'`, [theCase]);
    expect(timeline.rows).toEqual([{ data: { assessmentId: due, days: 180 } }]);
    expect(emailProblems(emails.rows)).toEqual([]);
    const marked = await db.query(`SELECT id FROM assessments WHERE id = ANY($1) AND reassess_reminded_at IS NOT NULL`, [
      [due, recent, older],
    ]);
    expect(marked.rows.map((r) => r.id)).toEqual([due]);
  });
});
