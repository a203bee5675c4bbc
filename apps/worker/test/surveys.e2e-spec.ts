import { createHash, randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import pg from 'pg';
import { eventContract } from '../../../test/support/contracts.js';
import { emailProblems } from '../../../test/support/email-contract.js';
import { repoRoot, startProcess, type RunningProcess } from '../../../test/support/processes.js';

const DAY = 86_400_000;
const connection = () => {
  const url = new URL(String(process.env.REDIS_URL));
  return { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null };
};

describe('survey sweep: closure survey and outcome check after resolution, once per case and kind (real workers, Redis, Postgres)', () => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let queue: Queue;
  let events: QueueEvents;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    await db.connect();
    queue = new Queue('sweeps', { connection: connection() });
    events = new QueueEvents('sweeps', { connection: connection() });
    await events.waitUntilReady();
    // Two workers on the same queue: sweeps that run at once must still send each survey once.
    workers.push(startProcess(`${repoRoot}dist/apps/worker/src/main.js`), startProcess(`${repoRoot}dist/apps/worker/src/main.js`));
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await queue.close();
    await events.close();
    await db.end();
  });

  const sweep = async (at: Date) => {
    const job = await queue.add('escalation-sweep', { at: at.toISOString() });
    return (await job.waitUntilFinished(events, 30000)) as { surveyInvitations: number };
  };

  const tag = randomUUID().slice(0, 8);
  const organization = async () =>
    (
      await db.query(
        `INSERT INTO organizations (name, normalized_name, kind, region, county, stage) VALUES ($1, $1, 'mhotrs_clinic', 'central', 'Onondaga', 'starting') RETURNING id`,
        [`Survey Clinic ${randomUUID()}`],
      )
    ).rows[0].id as string;
  const contact = async (organizationId: string, email: string) =>
    (
      await db.query(
        `INSERT INTO contacts (organization_id, name, email, role) VALUES ($1, 'Dana Director', $2, 'director') RETURNING id`,
        [organizationId, email],
      )
    ).rows[0].id as string;
  /** A case resolved `daysAgo` days before `now`, with its primary contact. */
  const resolvedCase = async (now: Date, daysAgo: number, email: string, reason = 'goals_met', status = 'resolved') => {
    const org = await organization();
    const contactId = await contact(org, email);
    const resolvedAt = new Date(now.getTime() - daysAgo * DAY);
    return (
      await db.query(
        `INSERT INTO cases (organization_id, primary_contact_id, title, description, source, priority, status, status_reason, opened_at,
                            last_activity_at, first_response_at, resolved_at, closed_at, version)
         VALUES ($1, $2, 'Hiring our first peer specialist', 'd', 'phone', 'normal', $3::varchar, $4, $5, $6, $5, $6, CASE WHEN $3::varchar = 'closed' THEN $6::timestamptz END, 1)
         RETURNING id`,
        [org, contactId, status, reason, new Date(resolvedAt.getTime() - 30 * DAY), resolvedAt],
      )
    ).rows[0].id as string;
  };
  const invitations = async (caseIds: string[]) =>
    (await db.query(`SELECT case_id, kind FROM survey_invitations WHERE case_id = ANY($1) ORDER BY kind`, [caseIds])).rows as Array<{
      case_id: string;
      kind: string;
    }>;

  it('sends the closure survey SURVEY_DELAY_DAYS after resolution and the outcome check after OUTCOME_CHECK_DAYS, once, to two workers sweeping at once', async () => {
    const now = new Date();
    const email = `survey-${tag}@clinic.example.org`;
    const due = await resolvedCase(now, 8, email);
    const early = await resolvedCase(now, 6, `early-${tag}@clinic.example.org`);
    const outcome = await resolvedCase(now, 91, `outcome-${tag}@clinic.example.org`);

    // Run twice and concurrently (two jobs, two workers), then again half a day later.
    await Promise.all([sweep(now), sweep(now)]);
    await sweep(new Date(now.getTime() + DAY / 2));

    expect(await invitations([due, early, outcome])).toEqual([
      { case_id: due, kind: 'case_closure' },
      // The outcome case was due its closure survey 84 days ago: past the link's 30 days, so it is no longer sent.
      { case_id: outcome, kind: 'outcome_check' },
    ]);
    const emails = await db.query(`SELECT recipient, template, data, dedupe_key FROM outbound_emails WHERE dedupe_key LIKE ANY($1)`, [
      [due, early, outcome].map((id) => `survey:${id}:%`),
    ]);
    expect(emails.rows.map((r) => r.dedupe_key).sort()).toEqual([`survey:${due}:case_closure`, `survey:${outcome}:outcome_check`].sort());
    const closure = emails.rows.find((r) => r.dedupe_key === `survey:${due}:case_closure`);
    expect(closure.recipient).toBe(email);
    expect(closure.data).toMatchObject({ kind: 'case_closure', contactName: 'Dana Director', days: 30 });
    // The link's token is stored only as its SHA-256.
    const token = /\/request\/survey\/([A-Za-z0-9_-]{32})$/.exec(closure.data.url)?.[1] ?? '';
    expect(closure.data.optOutUrl).toBe(`${closure.data.url}/opt-out`);
    const stored = await db.query(`SELECT token_hash, expires_at FROM survey_invitations WHERE case_id = $1`, [due]);
    expect(stored.rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const timeline = await db.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'survey_sent'`, [due]);
    expect(timeline.rows).toEqual([{ data: { invitationId: expect.any(String), kind: 'case_closure', recipient: 'Dana Director' } }]);
    // What the sweep's SQL built is what the timeline's schema and the templates' data declare (ARCHITECTURE §Contracts).
    const events = await db.query(`SELECT type, data FROM case_events WHERE case_id = ANY($1) AND type = 'survey_sent'`, [[due, outcome]]);
    const contract = await eventContract();
    expect(events.rows.flatMap((event) => contract.problems(event))).toEqual([]);
    expect(emailProblems(emails.rows)).toEqual([]);

    // The early case's turn comes; reopening and resolving the first case again sends no second closure survey.
    await db.query(`UPDATE cases SET status = 'resolved', resolved_at = $2 WHERE id = $1`, [due, new Date(now.getTime() - 20 * DAY)]);
    await sweep(new Date(now.getTime() + 2 * DAY));
    expect((await invitations([due, early])).map((r) => r.case_id).sort()).toEqual([due, early].sort());
  }, 60000);

  it('sends nothing for a case closed as a duplicate or withdrawn, nor to an address that opted out', async () => {
    const now = new Date();
    const duplicate = await resolvedCase(now, 8, `dup-${tag}@clinic.example.org`, 'duplicate', 'closed');
    const withdrew = await resolvedCase(now, 8, `withdrew-${tag}@clinic.example.org`, 'clinic_withdrew');
    const optedOutEmail = `optout-${tag}@clinic.example.org`;
    await db.query(`INSERT INTO survey_opt_outs (email) VALUES ($1)`, [optedOutEmail]);
    const optedOut = await resolvedCase(now, 8, optedOutEmail.toUpperCase());
    // Without a primary contact, the request's sender is asked instead.
    const requesterCase = await resolvedCase(now, 8, `primary-${tag}@clinic.example.org`);
    const [{ organization_id: org }] = (await db.query(`SELECT organization_id FROM cases WHERE id = $1`, [requesterCase])).rows;
    const requester = await contact(org, `requester-${tag}@clinic.example.org`);
    await db.query(`UPDATE cases SET primary_contact_id = NULL WHERE id = $1`, [requesterCase]);
    await db.query(
      `INSERT INTO intake_submissions (id, payload, contact_id, contact_created, organization_id, organization_created, case_id, token_hash)
       VALUES (gen_random_uuid(), '{}', $1, true, $2, false, $3, $4)`,
      [requester, org, requesterCase, createHash('sha256').update(randomUUID()).digest('hex')],
    );

    await sweep(now);
    expect(await invitations([duplicate, withdrew, optedOut, requesterCase])).toEqual([{ case_id: requesterCase, kind: 'case_closure' }]);
    const sent = await db.query(`SELECT recipient FROM outbound_emails WHERE dedupe_key = $1`, [`survey:${requesterCase}:case_closure`]);
    expect(sent.rows).toEqual([{ recipient: `requester-${tag}@clinic.example.org` }]);
  }, 60000);
});
