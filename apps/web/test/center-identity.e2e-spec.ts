import { mkdirSync } from 'node:fs';
import pg from 'pg';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createOrganization } from '../../../test/support/fixtures.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations, signIn } from './support/browser.js';

const BROWSER_TIMEOUT = 120000;
const artifacts = `${repoRoot}test-artifacts`;
const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><rect width="40" height="40" rx="8" fill="#f59f00"/></svg>';

describe("the center's identity (built app, real API, in Chromium)", () => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let api: RunningApi;
  let browser: Browser;
  let saved: unknown;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await db.connect();
    saved = (await db.query(`SELECT value FROM settings WHERE key = 'center'`)).rows[0]?.value;
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium()]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop()]);
    if (saved) await db.query(`UPDATE settings SET value = $1 WHERE key = 'center'`, [JSON.stringify(saved)]);
    await db.end();
  });

  it(
    'an admin renames the center: the public request page on a phone and the printable plan show it',
    async () => {
      // The admin, on /admin/settings: edit, watch the preview, save.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/login`);
      await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await page.waitForURL(/\/admin\/settings$/);
      await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
      const shortName = page.getByRole('textbox', { name: 'Short name' });
      await shortName.fill('Riverbend TAC');
      await page.getByRole('textbox', { name: 'Full name' }).fill('Riverbend Technical Assistance Center');
      await page.getByRole('textbox', { name: 'Phone' }).fill('(607) 555-0199');
      await page.getByRole('textbox', { name: 'Signature' }).fill('The Riverbend TAC team\nBinghamton, New York');
      await page.locator('input[type="file"]').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(LOGO) });
      const preview = page.getByRole('region', { name: 'Preview of the public header' });
      await preview.getByText('Riverbend TAC', { exact: true }).waitFor();
      await preview.getByText('Riverbend Technical Assistance Center').waitFor();
      await preview.locator('img[src^="data:image/svg+xml"]').waitFor();
      await page.mouse.move(1200, 880);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText("The center's settings are saved.").waitFor();
      // The staff shell's title follows.
      await page.getByRole('banner').getByRole('heading', { name: 'Riverbend TAC' }).waitFor();
      await page.screenshot({ path: `${artifacts}/center-settings.png`, fullPage: true });

      // The public request page on a phone: the header the API sends already names the center, before any script.
      const html = await request(api.url).get('/request').expect(200);
      expect(html.text).toContain('<title>Riverbend TAC</title>');
      expect(html.text).toContain('data-center="shortName">Riverbend TAC</span>');
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const clinic = await phone.newPage();
      const clinicErrors = collectPageErrors(clinic);
      await clinic.goto(`${api.url}/request`);
      await clinic.getByRole('heading', { name: 'Request technical assistance' }).waitFor();
      const header = clinic.getByRole('banner');
      await header.getByText('Riverbend TAC', { exact: true }).waitFor();
      await header.getByText('Riverbend Technical Assistance Center').waitFor();
      const logo = header.locator('img[src^="/api/v1/settings/center/logo?v="]');
      await logo.waitFor();
      // Loaded and drawn (an image the browser could not decode has no width).
      await clinic.waitForFunction(`document.querySelector('header img')?.naturalWidth > 0`);
      await clinic.getByRole('contentinfo').getByRole('link', { name: '(607) 555-0199' }).waitFor();
      await clinic.getByText(/A Riverbend TAC\s+consultant will review your request/).waitFor();
      expect(await clinic.title()).toBe('Request technical assistance · Riverbend TAC');
      expect(await header.getByText('PeerTAC').count()).toBe(0);
      await clinic.screenshot({ path: `${artifacts}/center-public-phone.png`, fullPage: false });
      expect(clinicErrors).toEqual([]);
      await phone.close();

      // The printable action plan: the center's name, logo and signature.
      const token = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const org = await createOrganization(api.url, token);
      const item = await createCase(api.url, token, org.id);
      await request(api.url)
        .put(`/api/v1/cases/${item.id}/action-plan`)
        .set('Authorization', `Bearer ${token}`)
        .send({ goals: [{ title: 'Write the peer job descriptions', goalArea: 'capacity' }] })
        .expect(200);
      await page.goto(`${api.url}/cases/${item.id}/plan/print`);
      await page.getByRole('heading', { name: 'Goal 1: Write the peer job descriptions' }).waitFor();
      const plan = page.getByRole('main');
      await plan.getByText('Riverbend TAC', { exact: true }).waitFor();
      await plan.locator('img[src^="/api/v1/settings/center/logo?v="]').waitFor();
      await plan.getByText(/The Riverbend TAC team\s+Binghamton, New York/).waitFor();
      await plan.getByText(/Printed .* by Riverbend TAC · \(607\) 555-0199\./).waitFor();
      await page.screenshot({ path: `${artifacts}/center-action-plan.png`, fullPage: true });
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    BROWSER_TIMEOUT,
  );
});
