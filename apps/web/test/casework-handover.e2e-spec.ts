import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { isBusinessDay } from '../src/components/businessDays.js';
import { collectPageErrors, launchChromium, seriousA11yViolations, signIn } from './support/browser.js';

// Chromium's first start on a cold machine can take a while; these flows click through several pages.
const BROWSER_TIMEOUT = 90000;
const DAY = 86400000;
const artifacts = `${repoRoot}test-artifacts`;
const DEMO_LEAD = { email: 'lead@example.org', password: 'lead-password' };

interface CaseBody {
  id: string;
  reference: string;
  title: string;
}

/** A `datetime-local` value `days` from now at 10:00 in the page's time zone (New York, see newPage below). */
function localDateTime(days: number): string {
  const date = new Date(Date.now() + days * DAY).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
  return `${date}T10:00`;
}

/**
 * Picking up and handing over, missed work and resolving in the staff app (README "Web app"): claims, reassigning
 * with open work, the resolve dialog and Reopen, follow-up dates. Every test consultant is called "Test consultant",
 * so the app names them with their email, as it does any two colleagues of the same name.
 */
describe('casework hand-overs in the staff web app (built app served by the real API, in Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  let leadToken: string;
  let adminToken: string;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium(), db.connect()]);
    [leadToken, adminToken] = await Promise.all([
      login(api.url, DEMO_LEAD.email, DEMO_LEAD.password),
      login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password),
    ]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop(), db.end()]);
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function newCase(title: string, assigneeId?: string): Promise<CaseBody> {
    const organization = (
      await request(api.url)
        .post('/api/v1/organizations')
        .set(as(leadToken))
        .send({
          name: `Lakeshore Peer Services ${randomUUID().slice(0, 6)}`,
          kind: 'mhotrs_clinic',
          region: 'western',
          county: 'Erie',
          populations: ['adults'],
          stage: 'starting',
        })
        .expect(201)
    ).body as { id: string };
    const created = await request(api.url)
      .post('/api/v1/cases')
      .set(as(leadToken))
      .send({
        organizationId: organization.id,
        title,
        description: 'The clinic is hiring its first peer specialists and wants help with the job descriptions.',
        topics: ['job_descriptions'],
        serviceLines: ['nycps'],
        priority: 'normal',
        source: 'phone',
        ...(assigneeId ? { assigneeId } : {}),
      })
      .expect(201);
    return created.body as CaseBody;
  }

  async function activeCaseOf(consultantId: string, title: string): Promise<CaseBody> {
    const item = await newCase(title, consultantId);
    for (const to of ['triaged', 'active'])
      await request(api.url).post(`/api/v1/cases/${item.id}/transitions`).set(as(leadToken)).send({ to }).expect(200);
    return item;
  }

  async function followUp(caseId: string, token: string, days: number, kind: string, note: string): Promise<{ id: string }> {
    return (
      await request(api.url)
        .post(`/api/v1/cases/${caseId}/follow-ups`)
        .set(as(token))
        .send({ dueAt: new Date(Date.now() + days * DAY).toISOString(), kind, note })
        .expect(201)
    ).body as { id: string };
  }

  async function actionItem(caseId: string, token: string, ownerUserId: string, description: string): Promise<void> {
    await request(api.url)
      .post(`/api/v1/cases/${caseId}/action-plan/items`)
      .set(as(token))
      .send({ goalTitle: 'Hire two peer specialists', goalArea: 'capacity', description, ownerUserId })
      .expect(201);
  }

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: 'America/New_York', locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    return page;
  }

  it(
    'lets a consultant pick up a request nobody has, triage it and start work with a session; one taken meanwhile says by whom',
    async () => {
      const [consultant, other] = await Promise.all([
        createStaff(api.url, adminToken, 'consultant'),
        createStaff(api.url, adminToken, 'consultant'),
      ]);
      const taken = await newCase(`Taken meanwhile ${randomUUID().slice(0, 6)}`);
      const title = `Peer job descriptions ${randomUUID().slice(0, 6)}`;
      const item = await newCase(title);
      const page = await newPage();
      const pageErrors = collectPageErrors(page);

      // A request nobody has yet: "Assign to me" and "Mark triaged", not the "only they…" notice.
      await page.goto(`${api.url}/cases/${taken.id}`);
      await signIn(page, consultant.email, consultant.password);
      await page.getByRole('heading', { name: taken.title }).waitFor();
      await page.getByRole('button', { name: 'Assign to me' }).waitFor();
      expect(await page.getByRole('group', { name: 'Change status' }).getByRole('button').allTextContents()).toEqual(['Mark triaged']);
      // Someone else takes it while the page is open: the claim's 409 names them, and the page catches up.
      await request(api.url).post(`/api/v1/cases/${taken.id}/assign`).set(as(leadToken)).send({ consultantId: other.id }).expect(200);
      await page.getByRole('button', { name: 'Assign to me' }).click();
      await page.getByText('Someone else has this case').waitFor();
      await page.getByText(`${taken.reference} is already assigned to Test consultant`).waitFor();
      await page.getByText('Assigned to Test consultant; only they, leads and admins change this case.').waitFor();
      await page.getByText(`Test consultant (${other.email})`, { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);

      await page.goto(`${api.url}/cases/${item.id}`);
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByText('Unassigned', { exact: true }).first().waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/case-unclaimed.png` });
      await page.getByRole('button', { name: 'Assign to me' }).click();
      await page.getByText(`${item.reference} is yours now`).waitFor();
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByText(`Test consultant (${consultant.email}) picked up the case`).waitFor();
      const actions = page.getByRole('group', { name: 'Change status' });
      await actions.getByRole('button', { name: 'Close case' }).waitFor();
      await page.mouse.move(700, 10);
      await page.screenshot({ path: `${artifacts}/case-claimed.png` });

      // Marking it triaged puts Activate where the click was; Close case stays out of that spot.
      const markTriaged = actions.getByRole('button', { name: 'Mark triaged' });
      const clicked = await markTriaged.boundingBox();
      await markTriaged.click();
      await timeline.getByText('Status changed from New to Triaged').waitFor();
      const activate = await actions.getByRole('button', { name: 'Activate' }).boundingBox();
      const close = await actions.getByRole('button', { name: 'Close case' }).boundingBox();
      if (!clicked || !activate || !close) throw new Error('status buttons not laid out');
      const centre = { x: clicked.x + clicked.width / 2, y: clicked.y + clicked.height / 2 };
      expect(centre.x >= activate.x && centre.x <= activate.x + activate.width).toBe(true);
      expect(close.x + close.width).toBeLessThan(clicked.x);

      // The first session on a triaged case offers to activate it (ticked).
      await page.getByRole('tab', { name: 'Sessions' }).click();
      await page.getByRole('button', { name: 'Log session' }).click();
      const dialog = page.getByRole('dialog', { name: 'Log session' });
      await dialog.getByRole('textbox', { name: 'Summary' }).fill('Went through the NYCPS job description template with the director.');
      expect(await dialog.getByRole('checkbox', { name: 'Activate the case' }).isChecked()).toBe(true);
      await dialog.getByRole('button', { name: 'Save session' }).click();
      await page.getByText(`${item.reference} is now active`).waitFor();
      await actions.getByRole('button', { name: 'Put on hold' }).waitFor();

      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'lets a lead hand a case over with its open follow-up and action item, which the new assignee then has',
    async () => {
      const [ana, ben] = await Promise.all([
        createStaff(api.url, adminToken, 'consultant'),
        createStaff(api.url, adminToken, 'consultant'),
      ]);
      const title = `Onboarding plan ${randomUUID().slice(0, 6)}`;
      const item = await activeCaseOf(ana.id, title);
      await followUp(item.id, ana.token, 2, 'check_in', 'Ask how the first week went');
      await actionItem(item.id, ana.token, ana.id, 'Share the onboarding checklist');
      const page = await newPage();
      const pageErrors = collectPageErrors(page);

      await page.goto(`${api.url}/cases/${item.id}`);
      await signIn(page, DEMO_LEAD.email, DEMO_LEAD.password);
      await page.getByRole('heading', { name: title }).waitFor();
      const move = page.getByRole('checkbox', { name: 'Move open follow-ups and action items (1 follow-up and 1 action item)' });
      await move.waitFor();
      expect(await move.isChecked()).toBe(true);
      const picker = page.getByRole('combobox', { name: 'Assignee' });
      await picker.click();
      await picker.fill(ben.email);
      await page.getByRole('option', { name: `Test consultant (${ben.email})` }).click();
      await page.getByText(`${item.reference} is assigned to Test consultant (${ben.email})`).waitFor();
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByText(`Reassigned from Test consultant (${ana.email}) to Test consultant (${ben.email})`).waitFor();
      await timeline.getByText(`Moved 1 follow-up and 1 action item to Test consultant (${ben.email})`).waitFor();
      // The work is Ben's now: the box counts his.
      await page.getByRole('checkbox', { name: 'Move open follow-ups and action items (1 follow-up and 1 action item)' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.context().close();

      // Ben finds the follow-up in his list, and the item is his.
      const bens = await newPage();
      const bensErrors = collectPageErrors(bens);
      await bens.goto(`${api.url}/follow-ups`);
      await signIn(bens, ben.email, ben.password);
      await bens
        .getByRole('region', { name: 'This week' })
        .getByRole('article', { name: `Check-in for ${item.reference}` })
        .getByText('Ask how the first week went')
        .waitFor();
      await bens.goto(`${api.url}/cases/${item.id}?tab=plan`);
      await bens
        .getByRole('row')
        .filter({ hasText: 'Share the onboarding checklist' })
        .getByRole('cell', { name: `Test consultant (${ben.email})` })
        .waitFor();
      expect(bensErrors).toEqual([]);
      await bens.context().close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'resolves a case with an outcome and a choice for its open work, reopens it from the timeline, and cancels the work on the next resolve',
    async () => {
      const consultant = await createStaff(api.url, adminToken, 'consultant');
      const title = `Supervision model ${randomUUID().slice(0, 6)}`;
      const item = await activeCaseOf(consultant.id, title);
      await followUp(item.id, consultant.token, 3, 'review_plan', 'Review the supervision plan');
      await actionItem(item.id, consultant.token, consultant.id, 'Write the supervision schedule');
      const page = await newPage();
      const pageErrors = collectPageErrors(page);

      await page.goto(`${api.url}/cases/${item.id}`);
      await signIn(page, consultant.email, consultant.password);
      await page.getByRole('heading', { name: title }).waitFor();
      const actions = page.getByRole('group', { name: 'Change status' });
      expect(await actions.getByRole('button').allTextContents()).toEqual(['Resolve', 'Put on hold']);

      await actions.getByRole('button', { name: 'Resolve' }).click();
      const dialog = page.getByRole('dialog', { name: 'Resolve this case' });
      await dialog.getByText('This case has 1 open follow-up and 1 open action item:').waitFor();
      await dialog.getByText('Action item: Write the supervision schedule').waitFor();
      await dialog.getByText(/^Follow-up: review plan due .* — Review the supervision plan$/).waitFor();
      // Both answers are required.
      await dialog.getByRole('button', { name: 'Resolve case' }).click();
      await dialog.getByText('Choose the outcome').waitFor();
      await dialog.getByText('Choose whether to cancel or keep them').waitFor();
      await dialog.getByRole('combobox', { name: 'Outcome' }).click();
      await page.getByRole('option', { name: 'Goals met' }).click();
      await dialog.getByRole('radio', { name: 'Keep them (reminders continue)' }).check();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/resolve-dialog.png` });
      await dialog.getByRole('button', { name: 'Resolve case' }).click();
      await page.getByText(`${item.reference} is now resolved`).waitFor();
      await dialog.waitFor({ state: 'detached' });

      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByText('Status changed from Active to Resolved (Goals met)').waitFor();
      await timeline.getByText('Kept 1 open follow-up and 1 open action item (reminders continue)').waitFor();
      await timeline.getByRole('button', { name: `Reopen ${item.reference}` }).click();
      await timeline.getByText('Status changed from Resolved to Active').waitFor();
      expect(await timeline.getByRole('button', { name: `Reopen ${item.reference}` }).count()).toBe(0);

      // Resolved again, cancelling the work this time: the item shows as cancelled, out of the progress.
      await actions.getByRole('button', { name: 'Resolve' }).click();
      await dialog.getByRole('combobox', { name: 'Outcome' }).click();
      await page.getByRole('option', { name: 'Referred elsewhere' }).click();
      await dialog.getByRole('radio', { name: 'Cancel them' }).check();
      await dialog.getByRole('button', { name: 'Resolve case' }).click();
      await timeline.getByText('Cancelled 1 open follow-up and 1 open action item').waitFor();
      await page.getByRole('tab', { name: 'Action plan' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Write the supervision schedule' });
      await row.getByText('Cancelled', { exact: true }).first().waitFor();
      await page.getByText('1 cancelled item, not counted in progress').waitFor();

      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'warns about a past due time, logs a follow-up that already happened as done, defaults to a business day, and handles a missed one',
    async () => {
      const consultant = await createStaff(api.url, adminToken, 'consultant');
      const title = `Retention check-ins ${randomUUID().slice(0, 6)}`;
      const item = await activeCaseOf(consultant.id, title);
      // One the sweep marked missed two days ago.
      const missed = await followUp(item.id, consultant.token, 1, 'send_resource', 'Send the retention toolkit');
      await db.query(`UPDATE follow_ups SET status = 'missed', due_at = now() - interval '2 days' WHERE id = $1`, [missed.id]);
      const page = await newPage();
      const pageErrors = collectPageErrors(page);

      await page.goto(`${api.url}/cases/${item.id}?tab=follow-ups`);
      await signIn(page, consultant.email, consultant.password);
      await page.getByRole('button', { name: 'Schedule follow-up' }).click();
      const due = page.getByRole('textbox', { name: 'Due', exact: true });
      // A week on at 10:00, never on a weekend or a New York State holiday.
      const [date, time] = (await due.inputValue()).split('T');
      const [y, m, d] = (date ?? '').split('-').map(Number);
      expect(time).toBe('10:00');
      expect(isBusinessDay(new Date(y ?? 0, (m ?? 1) - 1, d ?? 1))).toBe(true);
      const warning = page.getByText('This is in the past. If it already happened, log it as done below.');
      expect(await warning.count()).toBe(0);

      // Three days ago: warned under the field, and the API refuses to schedule it.
      await due.fill(localDateTime(-3));
      await warning.waitFor();
      await page.getByRole('textbox', { name: 'Note' }).fill('Called the HR director about the posting');
      await page.getByRole('button', { name: 'Schedule', exact: true }).click();
      await page.getByText('Check the highlighted fields.').waitFor();
      // The API's refusal lands on the field, under the warning.
      expect(await due.getAttribute('aria-invalid')).toBe('true');
      await page.getByRole('checkbox', { name: 'Already happened — log it as done' }).check();
      await warning.waitFor({ state: 'detached' });
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Log as done' }).click();
      await page.getByText(/^Follow-up logged as done/).waitFor();
      const table = page.getByRole('table', { name: 'Follow-ups' });
      await table
        .getByRole('row')
        .filter({ hasText: 'Called the HR director about the posting' })
        .getByText('Done', { exact: true })
        .waitFor();

      // The missed one waits in My follow-ups, badged, until it is handled: cancelled here.
      await page.goto(`${api.url}/follow-ups`);
      const card = page.getByRole('region', { name: 'Overdue' }).getByRole('article', { name: `Send resource for ${item.reference}` });
      await card.getByText('Missed', { exact: true }).waitFor();
      await card.getByRole('button', { name: `Done: Send resource for ${item.reference}` }).waitFor();
      await card.getByRole('button', { name: `Reschedule: Send resource for ${item.reference}` }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await card.getByRole('button', { name: `Cancel: Send resource for ${item.reference}` }).click();
      await page.getByText(`Follow-up on ${item.reference} is cancelled`).waitFor();
      await card.waitFor({ state: 'detached' });

      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );
});
