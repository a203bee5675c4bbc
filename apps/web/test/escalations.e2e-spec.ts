import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createOrganization } from '../../../test/support/fixtures.js';
import { eventually, messagesFor, type SinkMessage } from '../../../test/support/mail-sink.js';
import { repoRoot, startApi, startProcess, type RunningApi, type RunningProcess } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations, signIn } from './support/browser.js';

const BROWSER_TIMEOUT = 120000;
/**
 * The sweeps run over the whole shared test database: in a full `npm test` every stale case other suites left behind
 * is flagged and emailed with this one, so its emails can wait minutes behind theirs.
 */
const SWEEP_TEST_TIMEOUT = 480000;
const artifacts = `${repoRoot}test-artifacts`;
const DEMO_LEAD = { email: 'lead@example.org', password: 'lead-password' };
const DAY = 86_400_000;
const connection = () => {
  const url = new URL(String(process.env.REDIS_URL));
  return { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null };
};

describe('Escalations: a case left untouched is flagged, emailed, on its timeline and on the Escalations page (built app, API, worker, Chromium)', () => {
  let api: RunningApi;
  let worker: RunningProcess;
  let browser: Browser;
  let queue: Queue;
  let events: QueueEvents;
  let leadToken: string;
  let adminToken: string;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await db.connect();
    queue = new Queue('sweeps', { connection: connection() });
    events = new QueueEvents('sweeps', { connection: connection() });
    // Another suite's sweep left behind (a worker killed mid-job) would run first, as of its own time: start empty.
    await queue.obliterate({ force: true });
    worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`);
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium(), events.waitUntilReady()]);
    [leadToken, adminToken] = await Promise.all([
      login(api.url, DEMO_LEAD.email, DEMO_LEAD.password),
      login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password),
    ]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop(), worker?.stop(), queue?.close(), events?.close()]);
    await db.end();
  });

  /** Runs the timer sweep as of `at`, the way the worker's schedule does with the real clock, and waits for it. */
  const sweep = async (at: Date) => {
    const job = await queue.add('escalation-sweep', { at: at.toISOString() });
    return job.waitUntilFinished(events, 30000);
  };
  const about = (reference: string) => (messages: SinkMessage[]) => messages.filter((m) => m.subject.includes(reference));
  /** Every outbox row for the case has been delivered (or given up on): the sink now holds all there will be. */
  const outboxSettled = (reference: string) =>
    eventually(
      async () =>
        (await db.query(`SELECT count(*)::int AS n FROM outbound_emails WHERE data->>'reference' = $1 AND status = 'pending'`, [reference]))
          .rows[0].n as number,
      (pending) => pending === 0,
      300000,
    );

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'America/New_York', locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    return page;
  }

  it(
    'puts an untouched case at risk (consultant emailed), then escalates it (leads emailed), each once; the lead acknowledges and reassigns it',
    async () => {
      const suffix = randomUUID().slice(0, 6);
      const consultant = await createStaff(api.url, adminToken, 'consultant');
      // A second consultant with a name of its own, to find in the reassign picker and the table.
      const nextName = `Robin Reyes ${suffix}`;
      const next = (
        await request(api.url)
          .post('/api/v1/users')
          .set('Authorization', `Bearer ${adminToken}`)
          .send({ email: `robin-${suffix}@test.example.org`, name: nextName, role: 'consultant', password: 'a-long-enough-password' })
          .expect(201)
      ).body as { id: string };
      const organization = await createOrganization(api.url, leadToken);
      const title = `Peer supervision that went quiet ${suffix}`;
      const item = await createCase(api.url, leadToken, organization.id, { title, assigneeId: consultant.id });
      for (const to of ['triaged', 'active'])
        await request(api.url)
          .post(`/api/v1/cases/${item.id}/transitions`)
          .set('Authorization', `Bearer ${leadToken}`)
          .send({ to })
          .expect(200);

      // Nobody has touched it for 15 days: past STALL_AT_RISK_DAYS (14), short of STALL_ESCALATE_DAYS (21).
      const T = new Date();
      // (It was answered then: every case has a first-response deadline now, and this one is about going quiet.)
      await db.query(`UPDATE cases SET last_activity_at = $2, first_response_at = $2 WHERE id = $1`, [
        item.id,
        new Date(T.getTime() - 15 * DAY),
      ]);
      await sweep(T);
      // The sweep flags every stale case in the shared test database, so this email may queue behind many others.
      await outboxSettled(item.reference);
      const atRisk = about(item.reference)(await messagesFor(consultant.email));
      expect(about(item.reference)(await messagesFor(consultant.email))).toHaveLength(1);
      expect(atRisk[0]?.subject).toBe(`At risk: ${item.reference} has had no activity for 15 days`);
      expect(about(item.reference)(await messagesFor(DEMO_LEAD.email))).toEqual([]);
      expect((await db.query(`SELECT stall_level FROM cases WHERE id = $1`, [item.id])).rows[0].stall_level).toBe('at_risk');

      // A week later it has been 22 days: escalated, and the leads hear about it.
      const later = new Date(T.getTime() + 7 * DAY);
      await sweep(later);
      await outboxSettled(item.reference);
      const escalation = about(item.reference)(await messagesFor(DEMO_LEAD.email));
      expect(escalation[0]?.subject).toBe(`Escalated: ${item.reference} ${title}`);

      // The same sweep again (a rerun, a second worker): nothing new.
      await sweep(later);
      await outboxSettled(item.reference);
      expect(about(item.reference)(await messagesFor(DEMO_LEAD.email))).toHaveLength(1);
      expect(about(item.reference)(await messagesFor(consultant.email))).toHaveLength(1);
      const timeline = await db.query(
        `SELECT type, data FROM case_events WHERE case_id = $1 AND type IN ('stall_at_risk', 'escalated') ORDER BY created_at`,
        [item.id],
      );
      expect(timeline.rows).toEqual([
        { type: 'stall_at_risk', data: { days: 15 } },
        { type: 'escalated', data: { reason: 'no_activity', days: 22 } },
      ]);

      // The lead sees both on the case's timeline…
      const page = await newPage();
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/cases/${item.id}`);
      await page.waitForURL(/\/login/);
      await signIn(page, DEMO_LEAD.email, DEMO_LEAD.password);
      await page.getByRole('heading', { name: title }).waitFor();
      const caseTimeline = page.getByRole('region', { name: 'Timeline' });
      await caseTimeline.getByText('No activity for 15 days: at risk').waitFor();
      await caseTimeline.getByText('Escalated: no activity for 22 days').waitFor();

      // …and on the Escalations page, escalated, with why.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Escalations' }).click();
      await page.waitForURL(/\/escalations$/);
      await page.getByRole('heading', { name: 'Escalations', exact: true }).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: item.reference }) });
      await row.waitFor();
      await row.getByText('Escalated', { exact: true }).waitFor();
      await row.getByRole('cell', { name: 'No activity for 22 days' }).waitFor();
      await row.getByRole('cell', { name: organization.name }).waitFor();
      // Test consultants are all called Test consultant: when others are on the staff, the list adds the email.
      const testConsultant = `Test consultant( \\(${consultant.email.replace(/[.]/g, '\\.')}\\))?`;
      await row.getByText(new RegExp(`^${testConsultant}$`)).waitFor();
      // Off the nav link just clicked: axe judges the page at rest, not the link's hover shade.
      await page.mouse.move(900, 10);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // One click acknowledges.
      await row.getByRole('button', { name: `Acknowledge ${item.reference}`, exact: true }).click();
      await page.getByText(`${item.reference} is acknowledged`).waitFor();
      await row.getByText('Acknowledged', { exact: true }).waitFor();
      expect(await row.getByRole('button', { name: `Acknowledge ${item.reference}`, exact: true }).count()).toBe(0);

      // Reassigning picks from active staff.
      const picker = row.getByRole('combobox', { name: `Reassign ${item.reference}` });
      await picker.click();
      await picker.fill(nextName);
      await page.getByRole('option', { name: nextName }).click();
      await page.getByText(`${item.reference} is assigned to ${nextName}`).waitFor();
      await row.getByText(nextName, { exact: true }).waitFor();
      const assignee = await request(api.url).get(`/api/v1/cases/${item.id}`).set('Authorization', `Bearer ${leadToken}`).expect(200);
      expect((assignee.body as { assignee: { id: string } }).assignee.id).toBe(next.id);
      // Acknowledging and reassigning are not activity with the clinic: still escalated.
      await row.getByText('Escalated', { exact: true }).waitFor();
      await row.scrollIntoViewIfNeeded();
      await page.mouse.move(900, 10);
      await page.screenshot({ path: `${artifacts}/escalations.png` });

      await row.getByRole('link', { name: item.reference }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      await caseTimeline.getByText('Escalation acknowledged').waitFor();
      await caseTimeline.getByText(new RegExp(`^Reassigned from ${testConsultant} to ${nextName}$`)).waitFor();

      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    SWEEP_TEST_TIMEOUT,
  );

  it(
    'is in the navigation of program leads, and not of consultants',
    async () => {
      const consultant = await createStaff(api.url, adminToken, 'consultant');
      const page = await newPage();
      await page.goto(`${api.url}/login`);
      await signIn(page, consultant.email, consultant.password);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Cases' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Escalations' }).count()).toBe(0);
      await page.goto(`${api.url}/escalations`);
      await page.getByRole('heading', { name: 'Not available' }).waitFor();
      await page.getByText('This page is for program leads and admins only.').waitFor();
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );
});
