import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations, signIn } from './support/browser.js';

// Chromium's first start on a cold machine can take a while; these flows click through several pages.
const BROWSER_TIMEOUT = 90000;
const artifacts = `${repoRoot}test-artifacts`;
const DEMO_LEAD = { email: 'lead@example.org', password: 'lead-password' };

interface CaseBody {
  id: string;
  reference: string;
  title: string;
}

/** A `datetime-local` value `days` from now at 10:00 in the page's time zone (New York, see newPage below). */
function localDateTime(days: number): string {
  const date = new Date(Date.now() + days * 86400000).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
  return `${date}T10:00`;
}

describe('casework in the staff web app (built app served by the real API, in Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  let leadToken: string;
  let adminToken: string;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium()]);
    [leadToken, adminToken] = await Promise.all([
      login(api.url, DEMO_LEAD.email, DEMO_LEAD.password),
      login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password),
    ]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop()]);
  });

  /** An organization of this test's own (other suites share the database and leave names a text input cannot hold). */
  async function newOrganization(): Promise<{ id: string; name: string }> {
    const response = await request(api.url)
      .post('/api/v1/organizations')
      .set('Authorization', `Bearer ${leadToken}`)
      .send({
        name: `Harborview Peer Wellness ${randomUUID().slice(0, 6)}`,
        kind: 'mhotrs_clinic',
        region: 'central',
        county: 'Onondaga',
        populations: ['adults'],
        stage: 'starting',
      })
      .expect(201);
    return response.body as { id: string; name: string };
  }

  /** A fresh consultant with one case of their own (opened by the lead), moved to `status` through the API. */
  async function consultantWithCase(title: string, moves: string[]) {
    const consultant = await createStaff(api.url, adminToken, 'consultant');
    const organization = await newOrganization();
    const created = await request(api.url)
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${leadToken}`)
      .send({
        organizationId: organization.id,
        title,
        description: 'The clinic wants help supervising its two new peer specialists.',
        topics: ['supervision', 'role_clarity'],
        serviceLines: ['nycps'],
        priority: 'high',
        source: 'email',
        assigneeId: consultant.id,
      })
      .expect(201);
    const item = created.body as CaseBody;
    for (const to of moves)
      await request(api.url)
        .post(`/api/v1/cases/${item.id}/transitions`)
        .set('Authorization', `Bearer ${leadToken}`)
        .send({ to })
        .expect(200);
    return { consultant, item, organization };
  }

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: 'America/New_York', locale: 'en-US' });
    const page = await context.newPage();
    // Fail fast on a missing element rather than at Jest's timeout.
    page.setDefaultTimeout(15000);
    return page;
  }

  it(
    'lets a consultant filter My cases by status, open a case and move it from triaged to active',
    async () => {
      const title = `Supervision for new peer staff ${randomUUID().slice(0, 6)}`;
      const { consultant, item } = await consultantWithCase(title, ['triaged']);
      const page = await newPage();
      const pageErrors = collectPageErrors(page);

      await page.goto(`${api.url}/cases`);
      await page.waitForURL(/\/login/);
      await signIn(page, consultant.email, consultant.password);
      // A consultant lands on their own cases.
      await page.getByRole('heading', { name: 'My cases' }).waitFor();
      await page.getByRole('link', { name: title }).waitFor();
      // ... under their caseload card: one open case, triaged; its figures open the matching list.
      const caseload = page.getByRole('region', { name: 'My caseload' });
      await caseload.getByRole('link', { name: 'Open cases: 1' }).waitFor();
      await caseload.getByRole('link', { name: 'Triaged: 1' }).waitFor();
      await caseload.getByRole('link', { name: 'Active: 0' }).waitFor();
      await page.screenshot({ path: `${artifacts}/consultant-home.png` });

      await page.getByRole('combobox', { name: 'Status', exact: true }).click();
      await page.getByRole('option', { name: 'Triaged' }).click();
      await page.keyboard.press('Escape');
      await page.waitForURL(/[?&]status=triaged/);
      // Filtering moves the card out of the way.
      await caseload.waitFor({ state: 'detached' });
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
      await row.getByText('Triaged').waitFor();
      await row.getByText(item.reference).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/cases-list.png` });

      // The filter is in the address: a reload (or a shared link) shows the same list.
      await page.reload();
      await page.getByRole('link', { name: title }).waitFor();
      expect(page.url()).toMatch(/status=triaged/);

      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      const actions = page.getByRole('group', { name: 'Change status' });
      // Only the legal moves from triaged: active, or closed (with a reason), the finishing move apart on the left.
      await actions.getByRole('button', { name: 'Activate' }).waitFor();
      expect(await actions.getByRole('button').allTextContents()).toEqual(['Close case', 'Activate']);

      await actions.getByRole('button', { name: 'Activate' }).click();
      await page.getByText(`${item.reference} is now active`).waitFor();
      await page.getByRole('group', { name: 'Change status' }).getByRole('button', { name: 'Put on hold' }).waitFor();
      await page.getByText('Status changed from Triaged to Active').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/case-page.png`, fullPage: true });

      // Putting it on hold asks for a reason first.
      await page.getByRole('button', { name: 'Put on hold' }).click();
      const dialog = page.getByRole('dialog', { name: 'Put this case on hold' });
      await dialog.getByRole('button', { name: 'Put on hold' }).click();
      await dialog.getByText('Choose a reason').waitFor();
      await dialog.getByRole('combobox', { name: 'Reason' }).click();
      await page.getByRole('option', { name: 'No response' }).click();
      await dialog.getByRole('button', { name: 'Put on hold' }).click();
      await page.getByText('Status changed from Active to On hold (No response)').waitFor();

      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'pages through a long timeline, newest first, down to the first event',
    async () => {
      const title = `Long engagement ${randomUUID().slice(0, 6)}`;
      const { consultant, item } = await consultantWithCase(title, ['triaged', 'active']);
      // 130 older title changes, a minute apart, the day before: with the case's own events, three pages of 50.
      const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await db.connect();
      try {
        await db.query(
          `INSERT INTO case_events (case_id, type, data, created_at)
           SELECT $1, 'field_changed', jsonb_build_object('field', 'title', 'from', 'Old ' || g, 'to', 'Title ' || lpad(g::text, 3, '0')),
                  now() - interval '1 day' - (131 - g) * interval '1 minute'
           FROM generate_series(1, 130) g`,
          [item.id],
        );
      } finally {
        await db.end();
      }
      const page = await newPage();
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/cases/${item.id}`);
      await signIn(page, consultant.email, consultant.password);
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByText('Title changed from “Old 130” to “Title 130”').waitFor();
      const older = timeline.getByRole('button', { name: /^Show older events \(\d+ more\)$/ });
      expect(await timeline.getByText('to “Title 001”').count()).toBe(0);
      await older.click();
      await timeline.getByText('to “Title 050”').waitFor();
      await older.click();
      await timeline.getByText('Title changed from “Old 1” to “Title 001”').waitFor();
      await older.waitFor({ state: 'detached' });
      // Every one of them, each once.
      expect(await timeline.getByText(/^Title changed from “Old \d+” to “Title \d{3}”$/).count()).toBe(130);

      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'lets a consultant reschedule an overdue follow-up from My follow-ups and a missed one from the case',
    async () => {
      const title = `Recruitment check-ins ${randomUUID().slice(0, 6)}`;
      const { consultant, item } = await consultantWithCase(title, ['triaged', 'active']);
      // Scheduled for tomorrow, then moved into the past as time would (the API refuses a scheduled one long past).
      const schedule = async (days: number, kind: string, note: string) => {
        const created = (
          await request(api.url)
            .post(`/api/v1/cases/${item.id}/follow-ups`)
            .set('Authorization', `Bearer ${consultant.token}`)
            .send({ dueAt: new Date(Date.now() + 86400000).toISOString(), kind, note })
            .expect(201)
        ).body as { id: string };
        const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await db.connect();
        try {
          await db.query(`UPDATE follow_ups SET due_at = $2 WHERE id = $1`, [created.id, new Date(Date.now() + days * 86400000)]);
        } finally {
          await db.end();
        }
        return created;
      };
      await schedule(-2, 'check_in', 'Call about the job posting');
      const missed = await schedule(-4, 'send_resource', 'Send the interview guide');
      await request(api.url)
        .patch(`/api/v1/follow-ups/${missed.id}`)
        .set('Authorization', `Bearer ${consultant.token}`)
        .send({ status: 'missed' })
        .expect(200);
      const page = await newPage();
      const pageErrors = collectPageErrors(page);

      await page.goto(`${api.url}/follow-ups`);
      await signIn(page, consultant.email, consultant.password);
      const overdue = page.getByRole('region', { name: 'Overdue' });
      const card = overdue.getByRole('article', { name: `Check-in for ${item.reference}` });
      await card.getByRole('button', { name: `Reschedule: Check-in for ${item.reference}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Reschedule check-in' });
      await dialog.getByRole('textbox', { name: 'New due date and time' }).fill(localDateTime(2));
      await dialog.getByRole('textbox', { name: 'Note' }).fill('Call about the job posting, after their board meeting');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Follow-up moved to').waitFor();
      await card.waitFor({ state: 'detached' });
      await page
        .getByRole('region', { name: 'This week' })
        .getByRole('article', { name: `Check-in for ${item.reference}` })
        .getByText('after their board meeting')
        .waitFor();

      await page.goto(`${api.url}/cases/${item.id}?tab=follow-ups`);
      const table = page.getByRole('table', { name: 'Follow-ups' });
      const missedRow = table.getByRole('row').filter({ hasText: 'Send the interview guide' });
      await missedRow.getByText('Missed').waitFor();
      await missedRow.getByRole('button', { name: /^Reschedule: Send resource due / }).click();
      const again = page.getByRole('dialog', { name: 'Reschedule send resource' });
      await again.getByRole('textbox', { name: 'New due date and time' }).fill(localDateTime(3));
      await again.getByRole('button', { name: 'Save' }).click();
      await missedRow.getByText('Scheduled', { exact: true }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByRole('tab', { name: 'Overview' }).click();
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByText('Follow-up rescheduled: check-in').waitFor();
      await timeline.getByText('Follow-up rescheduled: send resource').waitFor();
      await timeline.getByText('Follow-up scheduled: send resource').first().waitFor();

      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'lets a consultant log a session whose next step becomes a follow-up, then complete it from My follow-ups',
    async () => {
      const title = `Retention plan ${randomUUID().slice(0, 6)}`;
      const { consultant, item } = await consultantWithCase(title, ['triaged', 'active']);
      const page = await newPage();
      const pageErrors = collectPageErrors(page);

      await page.goto(`${api.url}/login`);
      await signIn(page, consultant.email, consultant.password);
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByRole('tab', { name: 'Sessions' }).click();
      await page.getByText('No sessions logged yet').waitFor();

      await page.getByRole('button', { name: 'Log session' }).click();
      const dialog = page.getByRole('dialog', { name: 'Log session' });
      // Sensible defaults: 60 minutes by video, the case's topics.
      expect(await dialog.getByRole('textbox', { name: 'Duration (minutes)' }).inputValue()).toBe('60');
      await dialog.getByRole('textbox', { name: 'Summary' }).fill('Walked through the supervision model and the first month of check-ins.');
      await dialog.getByRole('textbox', { name: 'Next steps' }).fill('Send the supervision checklist\nReview the job descriptions');
      await dialog.getByRole('button', { name: 'Add follow-up' }).click();
      const followUp = dialog.getByRole('group', { name: 'Follow-up 1' });
      await followUp.getByRole('textbox', { name: 'Due', exact: true }).fill(localDateTime(1));
      // The note starts as the first next step.
      expect(await followUp.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Send the supervision checklist');
      await dialog.getByRole('button', { name: 'Add action item' }).click();
      const action = dialog.getByRole('group', { name: 'Action item 1' });
      await action.getByRole('textbox', { name: 'New goal title' }).fill('Build a supervision routine');
      await action.getByRole('combobox', { name: 'Goal area' }).click();
      await page.getByRole('option', { name: 'Retention' }).click();
      await action.getByRole('textbox', { name: 'Action' }).fill('Draft the weekly supervision agenda');
      await action.getByRole('textbox', { name: 'Due date' }).fill(localDateTime(14).slice(0, 10));
      await dialog.getByRole('button', { name: 'Save session' }).click();
      await page.getByText('Session logged with 2 next steps scheduled').waitFor();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Walked through the supervision model').waitFor();

      await page.getByRole('tab', { name: 'Action plan' }).click();
      await page.getByRole('heading', { name: 'Build a supervision routine' }).waitFor();
      await page.getByRole('cell', { name: 'Draft the weekly supervision agenda', exact: true }).waitFor();
      // Edit the item: a sharper description and a later due date.
      await page.getByRole('button', { name: 'Edit Draft the weekly supervision agenda' }).click();
      const editItem = page.getByRole('dialog', { name: 'Edit action item' });
      await editItem.getByRole('textbox', { name: 'Action' }).fill('Draft and share the weekly supervision agenda');
      await editItem.getByRole('textbox', { name: 'Due date' }).fill(localDateTime(21).slice(0, 10));
      await editItem.getByRole('button', { name: 'Save' }).click();
      await editItem.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: 'Draft and share the weekly supervision agenda', exact: true }).waitFor();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Follow-ups' }).click();
      await page.getByRole('heading', { name: 'My follow-ups' }).waitFor();
      const card = page.getByRole('article', { name: `Check-in for ${item.reference}` });
      await card.getByText('Send the supervision checklist').waitFor();
      // Off the nav link just clicked: axe judges the page at rest, not the link's hover shade.
      await page.mouse.move(700, 10);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/my-follow-ups.png`, fullPage: true });
      await card.getByRole('button', { name: `Done: Check-in for ${item.reference}` }).click();
      await page.getByText(`Follow-up on ${item.reference} is done`).waitFor();
      await card.waitFor({ state: 'detached' });

      await page.goto(`${api.url}/cases/${item.id}`);
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByText('Follow-up done: check-in').waitFor();
      await timeline.getByText('Session logged: video, 60 min').waitFor();
      await timeline.getByText('Follow-up scheduled: check-in').waitFor();
      await timeline.getByText('Action item edited: Draft and share the weekly supervision agenda').waitFor();

      // The printable plan: no staff shell, the organization, reference, goals and items.
      await page.goto(`${api.url}/cases/${item.id}/plan/print`);
      await page.getByRole('heading', { name: 'Goal 1: Build a supervision routine' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      await page.getByText(`Action plan · ${item.reference}`).waitFor();
      await page.screenshot({ path: `${artifacts}/action-plan-print.png`, fullPage: true });
      // What "save as PDF" gives: the print stylesheet drops the toolbar.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
      await page.pdf({ path: `${artifacts}/action-plan.pdf`, format: 'Letter' });

      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'finds an organization by name and warns about a duplicate when adding one with the same name',
    async () => {
      const organization = await newOrganization();
      const page = await newPage();
      const pageErrors = collectPageErrors(page);

      await page.goto(`${api.url}/organizations`);
      await signIn(page, DEMO_LEAD.email, DEMO_LEAD.password);
      await page.getByRole('heading', { name: 'Organizations', exact: true }).waitFor();
      await page.getByRole('searchbox', { name: 'Search' }).fill(organization.name);
      await page.waitForURL(/[?&]q=/);
      await page.getByRole('link', { name: organization.name, exact: true }).click();
      await page.getByRole('heading', { name: organization.name, level: 2 }).waitFor();
      await page.getByRole('heading', { name: 'Contacts', exact: true }).waitFor();
      await page.getByRole('region', { name: 'Cases' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organizations' }).click();
      await page.getByRole('button', { name: 'New organization' }).click();
      const dialog = page.getByRole('dialog', { name: 'New organization' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill(organization.name.toUpperCase());
      await dialog.getByRole('combobox', { name: 'OMH region' }).click();
      await page.getByRole('option', { name: 'Central' }).click();
      await dialog.getByRole('textbox', { name: 'County' }).fill('Onondaga');
      await dialog.getByRole('button', { name: 'Add organization' }).click();
      const warning = dialog.getByRole('alert').filter({ hasText: 'This organization may already exist' });
      await warning.waitFor();
      await warning.getByRole('button', { name: 'Create anyway' }).waitFor();
      await warning.getByRole('link', { name: `Open ${organization.name}` }).click();
      await page.waitForURL(new RegExp(`/organizations/${organization.id}$`));
      await page.getByRole('heading', { name: organization.name, level: 2 }).waitFor();

      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );
});
