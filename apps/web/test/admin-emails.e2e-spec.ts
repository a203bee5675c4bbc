import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { eventually, messagesFor } from '../../../test/support/mail-sink.js';
import { repoRoot, startApi, startProcess, type RunningApi, type RunningProcess } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations, signIn } from './support/browser.js';

const BROWSER_TIMEOUT = 90000;
const artifacts = `${repoRoot}test-artifacts`;

describe('Admin → Emails (built app, real API and worker, in Chromium)', () => {
  let api: RunningApi;
  let worker: RunningProcess;
  let browser: Browser;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await db.connect();
    worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`);
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium()]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop(), worker?.stop()]);
    await db.end();
  });

  /** An email the worker gave up on, as the outbox leaves it after its last attempt. */
  async function failedEmail(): Promise<{ id: string; recipient: string }> {
    const recipient = `failed-${randomUUID().slice(0, 8)}@clinic.example.org`;
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO outbound_emails (recipient, template, data, dedupe_key, status, attempts, last_error)
       VALUES ($1, 'test_message', $2, $3, 'failed', 8, 'connect ECONNREFUSED 127.0.0.1:1025') RETURNING id`,
      [
        recipient,
        JSON.stringify({ subject: 'Checking in on your request', body: 'A message that once failed.' }),
        `web-test:${randomUUID()}`,
      ],
    );
    return { id: rows[0]!.id, recipient };
  }

  it(
    'lists a failed email for the admin and sends it again on Retry',
    async () => {
      const email = await failedEmail();
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/login`);
      await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      await page.getByRole('navigation', { name: 'Main' }).waitFor();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Emails' }).click();
      await page.waitForURL(/\/admin\/emails$/);
      await page.getByRole('heading', { name: 'Emails', exact: true }).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: email.recipient }) });
      await row.waitFor();
      await row.getByText('connect ECONNREFUSED 127.0.0.1:1025').waitFor();
      await row.getByText('Test message').waitFor();
      await row.getByRole('cell', { name: '8', exact: true }).waitFor();
      // The pointer still rests on the nav link it clicked; its hover tint is not what this page is checked for.
      await page.mouse.move(900, 700);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/admin-emails.png` });

      await row.getByRole('button', { name: `Retry email to ${email.recipient}` }).click();
      await page.getByText(`The email to ${email.recipient} will be sent again shortly`).waitFor();
      // Back to pending at once, so it leaves the failed list; the worker then delivers it.
      await row.waitFor({ state: 'detached' });
      const delivered = await eventually(
        () => messagesFor(email.recipient),
        (messages) => messages.length > 0,
      );
      expect(delivered[0]?.subject).toBe('Checking in on your request');
      const status = await eventually(
        async () => (await db.query(`SELECT status FROM outbound_emails WHERE id = $1`, [email.id])).rows[0]?.status,
        (value) => value === 'sent',
      );
      expect(status).toBe('sent');

      // The segmented control's radios are visually hidden behind their labels.
      await page.locator('label', { hasText: /^Sent$/ }).click();
      await page.waitForURL(/status=sent/);
      // The control re-renders from the URL a moment after it changes: wait for that, do not sample it.
      await page.getByRole('radio', { name: 'Sent', checked: true }).waitFor({ state: 'attached' });
      await page.getByRole('cell', { name: email.recipient, exact: true }).waitFor();
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'is in the navigation of program leads, and not of consultants',
    async () => {
      const adminToken = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const [lead, consultant] = [await createStaff(api.url, adminToken, 'lead'), await createStaff(api.url, adminToken, 'consultant')];

      const leadPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await leadPage.goto(`${api.url}/login`);
      await signIn(leadPage, lead.email, lead.password);
      const nav = leadPage.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Emails' }).click();
      await leadPage.getByRole('heading', { name: 'Emails', exact: true }).waitFor();
      expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);

      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const consultantPage = await context.newPage();
      await consultantPage.goto(`${api.url}/login`);
      await signIn(consultantPage, consultant.email, consultant.password);
      await consultantPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).waitFor();
      expect(await consultantPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Emails' }).count()).toBe(0);
      await consultantPage.goto(`${api.url}/admin/emails`);
      await consultantPage.getByRole('heading', { name: 'Not available' }).waitFor();
      await consultantPage.getByText('This page is for program leads and admins only.').waitFor();
      await context.close();
    },
    BROWSER_TIMEOUT,
  );
});
