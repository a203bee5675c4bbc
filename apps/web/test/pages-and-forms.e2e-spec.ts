import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createOrganization } from '../../../test/support/fixtures.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations, signIn } from './support/browser.js';

const BROWSER_TIMEOUT = 120000;
const artifacts = `${repoRoot}test-artifacts`;
const DEMO_LEAD = { email: 'lead@example.org', password: 'lead-password' };

/** The page's full width: more than the viewport means something makes it scroll sideways. */
const pageWidth = () =>
  (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth;

/**
 * Issue #13, pages and forms (README "Web app"): dialogs that ask before discarding, number fields that say their
 * range, not-found and stale-filter pages, the escalations at 1280 px and on a phone, the Emails page's search,
 * preview and case link, and the queues dashboard for someone who may not see it. Built app, real API, Chromium.
 */
describe('Pages and forms (built app, real API, Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  let leadToken: string;
  let adminToken: string;
  const contexts: BrowserContext[] = [];
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await db.connect();
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium()]);
    [leadToken, adminToken] = await Promise.all([
      login(api.url, DEMO_LEAD.email, DEMO_LEAD.password),
      login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password),
    ]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await Promise.all([browser?.close(), api?.stop()]);
    await db.end();
  });

  /** A signed-in page at the given size (the lead unless told otherwise). */
  async function signedIn(viewport = { width: 1280, height: 800 }, who = DEMO_LEAD): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport, timezoneId: 'America/New_York', locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    const errors = collectPageErrors(page);
    await page.goto(`${api.url}/login`);
    await signIn(page, who.email, who.password);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return { page, errors };
  }

  it(
    'asks before Escape throws away a typed session, and says the allowed range instead of changing a number',
    async () => {
      const organization = await createOrganization(api.url, leadToken);
      const item = await createCase(api.url, leadToken, organization.id, { title: `Supervision plan ${randomUUID().slice(0, 6)}` });
      const { page, errors } = await signedIn();
      await page.goto(`${api.url}/cases/${item.id}?tab=sessions`);
      await page.getByRole('button', { name: 'Log session' }).click();
      const dialog = page.getByRole('dialog', { name: 'Log session' });
      const summary = dialog.getByRole('textbox', { name: 'Summary' });
      await summary.fill('Talked through the supervision schedule.');
      await dialog.getByText('40 / 10,000 characters').waitFor();

      // Escape with text typed: the question, not a closed dialog.
      await page.keyboard.press('Escape');
      await dialog.getByText('Discard your changes?').waitFor();
      expect(await summary.isVisible()).toBe(false);
      await page.screenshot({ path: `${artifacts}/discard-prompt.png` });
      await dialog.getByRole('button', { name: 'Keep editing' }).click();
      await summary.waitFor();
      expect(await summary.inputValue()).toBe('Talked through the supervision schedule.');

      // Numbers out of range stay as typed and say what is allowed.
      const duration = dialog.getByRole('textbox', { name: 'Duration (minutes)' });
      await duration.fill('0');
      await duration.blur();
      await dialog.getByText('0 is out of range: enter a number from 1 to 600 minutes').waitFor();
      expect(await duration.inputValue()).toBe('0');
      await duration.fill('100000');
      await duration.blur();
      await dialog.getByText('100,000 is out of range: enter a number from 1 to 600 minutes').waitFor();
      expect(await duration.inputValue()).toBe('100000');
      const headcount = dialog.getByRole('textbox', { name: 'Headcount' });
      await headcount.fill('0');
      await headcount.blur();
      await dialog.getByText('0 is out of range: enter a number from 1 to 10,000 people').waitFor();
      await dialog.getByRole('button', { name: 'Save session' }).click();
      await dialog.getByText('0 is out of range: enter a number from 1 to 10,000 people').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/number-field-range.png` });

      // A click outside asks too; this time the changes go.
      await page.mouse.click(5, 400);
      await dialog.getByText('Discard your changes?').waitFor();
      await dialog.getByRole('button', { name: 'Discard changes' }).click();
      await dialog.waitFor({ state: 'detached' });

      // Nothing typed: Escape closes at once.
      await page.getByRole('button', { name: 'Log session' }).click();
      await dialog.getByRole('textbox', { name: 'Summary' }).waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      const sessions = await db.query(`SELECT count(*)::int AS n FROM consultations WHERE case_id = $1`, [item.id]);
      expect(sessions.rows[0].n).toBe(0);
      expect(errors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'logs a session follow-up that already happened as done',
    async () => {
      const organization = await createOrganization(api.url, leadToken);
      const item = await createCase(api.url, leadToken, organization.id, { title: `Peer onboarding ${randomUUID().slice(0, 6)}` });
      const { page, errors } = await signedIn();
      await page.goto(`${api.url}/cases/${item.id}?tab=sessions`);
      await page.getByRole('button', { name: 'Log session' }).click();
      const dialog = page.getByRole('dialog', { name: 'Log session' });
      await dialog.getByRole('textbox', { name: 'Summary' }).fill('Walked the new peer specialist through the intake.');
      await dialog.getByRole('button', { name: 'Add follow-up' }).click();
      const followUp = dialog.getByRole('group', { name: 'Follow-up 1' });
      // Yesterday at 10:00, New York time: in the past, which only a follow-up logged as done may be.
      const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
      await followUp.getByRole('textbox', { name: 'Due', exact: true }).fill(`${yesterday}T10:00`);
      await followUp.getByText('This is in the past. If it already happened, log it as done below.').waitFor();
      await followUp.getByRole('checkbox', { name: 'Already happened — log it as done' }).check();
      await followUp.getByRole('textbox', { name: 'When', exact: true }).waitFor();
      expect(await followUp.getByText('This is in the past.', { exact: false }).count()).toBe(0);
      await dialog.getByRole('button', { name: 'Save session' }).click();
      await page.getByText('Session logged with 1 follow-up logged as done').waitFor();
      const rows = await db.query(`SELECT status FROM follow_ups WHERE case_id = $1`, [item.id]);
      expect(rows.rows).toEqual([{ status: 'done' }]);
      expect(errors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'shows "not found" for a malformed or unknown case id, and resets a stale bookmark’s bad filters with a notice',
    async () => {
      const { page, errors } = await signedIn();
      for (const id of ['not-a-uuid', randomUUID()]) {
        await page.goto(`${api.url}/cases/${id}`);
        await page.getByRole('heading', { name: 'Case not found' }).waitFor();
        expect(await page.getByText(/must be a UUID|Validation failed|No case with id/i).count()).toBe(0);
      }
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/case-not-found.png` });
      await page.getByRole('link', { name: 'Back to cases' }).click();
      await page.waitForURL(/\/cases$/);

      await page.goto(`${api.url}/organizations/${randomUUID()}`);
      await page.getByRole('heading', { name: 'Organization not found' }).waitFor();
      // The printable plan, outside the app's shell, too.
      await page.goto(`${api.url}/cases/not-a-uuid/plan/print`);
      await page.getByRole('heading', { name: 'Case not found' }).waitFor();

      // An unknown status and an impossible date: both reset, the good priority filter kept.
      await page.goto(`${api.url}/cases?status=bogus&priority=high&openedFrom=2026-02-30`);
      const notice = page.getByRole('status').filter({ hasText: 'Some filters were reset' });
      await notice.getByText('This link had a value TA Desk does not know for Status and Opened from').waitFor();
      await page.waitForURL((url) => !url.searchParams.has('status') && !url.searchParams.has('openedFrom'));
      expect(new URL(page.url()).searchParams.get('priority')).toBe('high');
      expect(await page.getByText(/status must be one of|must be a valid ISO 8601/i).count()).toBe(0);
      await page
        .getByRole('table', { name: 'Cases' })
        .or(page.getByRole('heading', { name: 'No matches' }))
        .first()
        .waitFor();
      await page.mouse.move(900, 10);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/cases-filters-reset.png` });

      await page.goto(`${api.url}/organizations?region=atlantis`);
      await page.getByText('This link had a value TA Desk does not know for Region').waitFor();
      await page.waitForURL((url) => !url.searchParams.has('region'));
      expect(errors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'fits the escalations table into 1280 px with its actions in view, and shows cards on a phone',
    async () => {
      const suffix = randomUUID().slice(0, 6);
      const consultant = await createStaff(api.url, adminToken, 'consultant');
      const organization = await createOrganization(api.url, leadToken);
      const title = `Billing questions gone quiet ${suffix}`;
      const item = await createCase(api.url, leadToken, organization.id, { title, assigneeId: consultant.id });
      // As the sweep leaves it (the sweep itself is the escalations test's subject).
      await db.query(`UPDATE cases SET stall_level = 'escalated' WHERE id = $1`, [item.id]);

      const wide = await signedIn({ width: 1280, height: 800 });
      await wide.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Escalations' }).click();
      const row = wide.page.getByRole('row').filter({ has: wide.page.getByRole('link', { name: item.reference }) });
      await row.waitFor();
      const acknowledge = row.getByRole('button', { name: `Acknowledge ${item.reference}`, exact: true });
      // Scrolled to vertically only: a table wider than the page would have to be scrolled sideways to reach these.
      await row.evaluate((element) => {
        const view = globalThis as unknown as { scrollTo(x: number, y: number): void; scrollY: number };
        view.scrollTo(0, element.getBoundingClientRect().top + view.scrollY - 200);
      });
      const box = await acknowledge.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
      const noteBox = await row.getByRole('button', { name: `Acknowledge ${item.reference} with a note` }).boundingBox();
      expect(noteBox!.x + noteBox!.width).toBeLessThanOrEqual(1280);
      // No sideways scrolling needed to reach them.
      expect(await wide.page.evaluate(pageWidth)).toBeLessThanOrEqual(1280);
      const badge = row.getByText('Escalated', { exact: true });
      expect(await badge.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      await row.getByRole('checkbox', { name: /Move open follow-ups and action items/ }).waitFor();
      await wide.page.mouse.move(900, 10);
      expect(await seriousA11yViolations(wide.page)).toEqual([]);
      await wide.page.screenshot({ path: `${artifacts}/escalations-1280.png` });

      const phone = await signedIn({ width: 390, height: 844 });
      await phone.page.goto(`${api.url}/escalations`);
      const card = phone.page.getByRole('listitem', { name: `${item.reference} ${title}` });
      await card.waitFor();
      expect(await phone.page.getByRole('table', { name: 'Escalated and at-risk cases' }).count()).toBe(0);
      await card.scrollIntoViewIfNeeded();
      for (const control of [
        card.getByRole('button', { name: `Acknowledge ${item.reference}`, exact: true }),
        card.getByRole('combobox', { name: `Reassign ${item.reference}` }),
        card.getByText('Escalated', { exact: true }),
      ]) {
        const controlBox = await control.boundingBox();
        expect(controlBox!.x).toBeGreaterThanOrEqual(0);
        expect(controlBox!.x + controlBox!.width).toBeLessThanOrEqual(390);
      }
      expect(await phone.page.evaluate(pageWidth)).toBeLessThanOrEqual(390);
      expect(await seriousA11yViolations(phone.page)).toEqual([]);
      await phone.page.screenshot({ path: `${artifacts}/escalations-phone.png`, fullPage: false });

      // Reassigning from the card, leaving the open work with the previous assignee this time.
      const next = await createStaff(api.url, adminToken, 'consultant');
      await db.query(`UPDATE users SET name = $2 WHERE id = $1`, [next.id, `Sam Ortiz ${suffix}`]);
      const followUp = (
        await request(api.url)
          .post(`/api/v1/cases/${item.id}/follow-ups`)
          .set('Authorization', `Bearer ${leadToken}`)
          .send({ dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), kind: 'check_in', assigneeId: consultant.id })
          .expect(201)
      ).body as { id: string };
      await phone.page.reload();
      await card.waitFor();
      await card.getByRole('checkbox', { name: /Move open follow-ups and action items/ }).uncheck();
      const picker = card.getByRole('combobox', { name: `Reassign ${item.reference}` });
      await picker.click();
      await picker.fill(`Sam Ortiz ${suffix}`);
      await phone.page.getByRole('option', { name: `Sam Ortiz ${suffix}` }).click();
      await phone.page.getByText(`${item.reference} is assigned to Sam Ortiz ${suffix}`).waitFor();
      const kept = await db.query(`SELECT assignee_id FROM follow_ups WHERE id = $1`, [followUp.id]);
      expect(kept.rows[0].assignee_id).toBe(consultant.id);
      expect([...wide.errors, ...phone.errors]).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'finds an email by reference on the Emails page, previews it and opens its case',
    async () => {
      const organization = await createOrganization(api.url, leadToken);
      const title = `Peer role descriptions ${randomUUID().slice(0, 6)}`;
      const item = await createCase(api.url, leadToken, organization.id, { title });
      await db.query(
        `INSERT INTO outbound_emails (recipient, template, data, dedupe_key, status, attempts, sent_at)
         VALUES ($1, 'escalation', $2, $3, 'sent', 1, now())`,
        [
          DEMO_LEAD.email,
          JSON.stringify({
            reference: item.reference,
            title,
            organizationName: organization.name,
            reason: 'no_activity',
            days: 22,
            caseUrl: `${api.url}/cases/${item.id}`,
          }),
          `web-test:${randomUUID()}`,
        ],
      );
      const { page, errors } = await signedIn();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Emails' }).click();
      await page.getByRole('heading', { name: 'Emails', exact: true }).waitFor();
      await page.getByRole('searchbox', { name: 'Search' }).fill(item.reference);
      await page.waitForURL((url) => url.searchParams.get('q') === item.reference);
      // Searching the failed list finds nothing; All finds the sent email.
      await page.getByRole('heading', { name: 'No matches' }).waitFor();
      await page.locator('label', { hasText: /^All$/ }).click();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: item.reference }) });
      await row.getByText(`Escalated: ${item.reference} ${title}`).waitFor();
      await row.getByRole('button', { name: `Preview of the email to ${DEMO_LEAD.email}` }).click();
      const preview = page.getByRole('region', { name: `Email to ${DEMO_LEAD.email}` });
      await preview.getByText('There has been no activity on this case for 22 days.').waitFor();
      await page.mouse.move(900, 10);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/admin-emails-search-preview.png` });
      await row.getByRole('link', { name: item.reference }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      expect(errors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'links the queues dashboard for admins, and shows a lead who opens it a page saying it is for admins',
    async () => {
      const admin = await signedIn({ width: 1280, height: 800 }, DEMO_ADMIN);
      const link = admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queues' });
      expect(await link.getAttribute('href')).toBe('/admin/queues');
      await link.click();
      await admin.page.waitForURL(/\/admin\/queues/);
      await admin.page
        .getByText(/mail|sweeps/i)
        .first()
        .waitFor();

      const lead = await signedIn();
      expect(await lead.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queues' }).count()).toBe(0);
      const response = await lead.page.goto(`${api.url}/admin/queues`);
      expect(response?.status()).toBe(403);
      await lead.page.getByRole('heading', { name: 'The queues dashboard is for admins' }).waitFor();
      expect(await lead.page.getByText('"statusCode"').count()).toBe(0);
      expect(await seriousA11yViolations(lead.page)).toEqual([]);
      await lead.page.screenshot({ path: `${artifacts}/queues-for-admins.png` });
      await lead.page.getByRole('link', { name: 'Back to TA Desk' }).click();
      await lead.page.getByRole('navigation', { name: 'Main' }).waitFor();
      expect(lead.errors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
