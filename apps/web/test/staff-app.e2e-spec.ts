import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import request from 'supertest';
import { createCase, createOrganization } from '../../../test/support/fixtures.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations, signIn } from './support/browser.js';

// Chromium's first start on a cold machine can take a while.
const BROWSER_TIMEOUT = 60000;
const artifacts = `${repoRoot}test-artifacts`;

describe('staff web app (built app served by the real API, in Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium()]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop()]);
  });

  it(
    'lets an admin create a consultant, who then signs in without the Admin menu',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const pageErrors = collectPageErrors(page);

      // A deep link without a session goes to the sign-in page and comes back after signing in.
      await page.goto(`${api.url}/admin/users`);
      await page.waitForURL(/\/login\?next=%2Fadmin%2Fusers$/);
      await page.getByRole('heading', { name: 'Sign in to TA Desk' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      await signIn(page, DEMO_ADMIN.email, 'wrong-password');
      await page.getByRole('alert').getByText('Email or password is incorrect').waitFor();
      await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      await page.waitForURL(/\/admin\/users$/);
      await page.getByRole('cell', { name: DEMO_ADMIN.email }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      // The same with the pointer resting on the current page's navigation link (its hover colours).
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).hover();
      expect(await seriousA11yViolations(page)).toEqual([]);

      const consultant = {
        email: `web-${randomUUID().slice(0, 8)}@test.example.org`,
        name: 'Casey Consultant',
        password: 'casey-password',
      };
      await page.getByRole('button', { name: 'New user' }).click();
      const dialog = page.getByRole('dialog', { name: 'New staff user' });
      await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill(consultant.email);
      await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(consultant.name);
      await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(consultant.password);
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await page.getByText(`${consultant.name} can now sign in as consultant`).waitFor();
      // The new user is shown on its own (a search for its email), wherever it would sort among many staff.
      await page.waitForURL((url) => url.searchParams.get('q') === consultant.email);
      await page.getByRole('cell', { name: consultant.email }).waitFor();
      expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe(consultant.email);
      await dialog.waitFor({ state: 'detached' });
      await page.screenshot({ path: `${artifacts}/staff-shell-admin.png` });

      await page.getByRole('banner').getByRole('button', { name: 'Avery Admin' }).click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
      await page.waitForURL(/\/login$/);

      await signIn(page, consultant.email, consultant.password);
      // A consultant lands on their own cases.
      await page.getByRole('heading', { name: 'My cases', exact: true }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Dashboard' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
      await page.screenshot({ path: `${artifacts}/staff-shell-consultant.png` });

      // Typing the address does not help either: the page says so instead of failing on the API's 403.
      await page.goto(`${api.url}/admin/users`);
      await page.getByRole('heading', { name: 'Not available' }).waitFor();

      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'lets an admin change a role and deactivate and reactivate a user, with a toast for each save',
    async () => {
      const user = await createStaff(api.url, await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password), 'consultant');
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${api.url}/login`);
      await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
      // Other suites create staff too: the user is found by searching, wherever it would sort.
      await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
      await page.getByRole('searchbox', { name: 'Search' }).fill(user.email);
      await page.waitForURL((url) => url.searchParams.get('q') === user.email);
      const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: user.email }) });

      await row.getByLabel('Role of Test consultant').click();
      await page.getByRole('option', { name: 'Program lead' }).click();
      await page.getByText('Test consultant is now program lead').waitFor();

      await row.getByRole('button', { name: 'Deactivate Test consultant' }).click();
      await page
        .getByRole('dialog', { name: 'Deactivate Test consultant?' })
        .getByRole('button', { name: 'Deactivate Test consultant' })
        .click();
      await page.getByText('Test consultant is deactivated and signed out').waitFor();
      await row.getByText('Deactivated').waitFor();
      await row.getByRole('button', { name: 'Reactivate Test consultant' }).click();
      await page.getByText('Test consultant can sign in again').waitFor();
      await row.getByText('Active', { exact: true }).waitFor();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'shows an admin the queues dashboard and the API docs with nothing blocked by the Content-Security-Policy',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/login`);
      await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      await page.waitForURL(/\/cases$/);
      await page.goto(`${api.url}/admin/queues`);
      await page.getByText('mail', { exact: true }).first().waitFor();
      await page.screenshot({ path: `${artifacts}/queues-dashboard.png` });
      // Swagger UI starts itself with an inline script: it runs only because /api/docs has its own, wider policy.
      await page.goto(`${api.url}/api/docs`);
      await page.getByText('TA Desk API').first().waitFor();
      await page.locator('.opblock').first().waitFor();
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'asks what happens to the open cases of someone being deactivated, and reassigns them with their work',
    async () => {
      const admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const leaving = await createStaff(api.url, admin, 'consultant');
      const organization = await createOrganization(api.url, admin);
      const open = await createCase(api.url, admin, organization.id, { assigneeId: leaving.id });
      const priya = (await request(api.url).get('/api/v1/staff').set('Authorization', `Bearer ${admin}`).expect(200)).body.find(
        (member: { name: string }) => member.name === 'Priya Shah',
      );

      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/admin/users?q=${encodeURIComponent(leaving.email)}`);
      await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      await page.getByRole('cell', { name: leaving.email }).waitFor();
      await page.getByRole('button', { name: 'Deactivate Test consultant' }).click();
      const dialog = page.getByRole('dialog', { name: 'Deactivate Test consultant?' });
      await dialog.getByText('Test consultant has 1 open case:').waitFor();
      await dialog.getByText(open.reference, { exact: false }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      // Reassigning is the default; it needs a colleague.
      await dialog.getByRole('button', { name: 'Deactivate Test consultant' }).click();
      await dialog.getByText('Choose who takes them over').waitFor();
      await dialog.getByRole('combobox', { name: 'Reassign to' }).click();
      await page.getByRole('option', { name: 'Priya Shah' }).click();
      await page.screenshot({ path: `${artifacts}/deactivate-with-open-cases.png` });
      await dialog.getByRole('button', { name: 'Deactivate Test consultant' }).click();
      await page.getByText('Test consultant is deactivated and signed out').waitFor();

      const after = await request(api.url).get(`/api/v1/cases/${open.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
      expect(after.body.assignee.id).toBe(priya.id);
      await request(api.url).get('/api/v1/auth/me').set('Authorization', `Bearer ${leaving.token}`).expect(401);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
