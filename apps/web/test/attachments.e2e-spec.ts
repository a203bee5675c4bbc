import { mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations } from './support/browser.js';

const BROWSER_TIMEOUT = 90000;
const artifacts = `${repoRoot}test-artifacts`;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Peer specialist job description, draft 2\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

describe('files on a case in the staff web app (built app served by the real API, in Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  let admin: string;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium()]);
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop()]);
  });

  it(
    'lets the case’s consultant upload a file, see it listed, download it and delete it',
    async () => {
      const consultant = await createStaff(api.url, admin, 'consultant');
      const auth = { Authorization: `Bearer ${admin}` };
      const organization = await request(api.url)
        .post('/api/v1/organizations')
        .set(auth)
        .send({
          name: `Lakeside Recovery ${randomUUID().slice(0, 6)}`,
          kind: 'mhotrs_clinic',
          region: 'central',
          county: 'Onondaga',
          populations: ['adults'],
          stage: 'starting',
        })
        .expect(201);
      const title = `Job descriptions for peer roles ${randomUUID().slice(0, 6)}`;
      const created = await request(api.url)
        .post('/api/v1/cases')
        .set(auth)
        .send({
          organizationId: organization.body.id,
          title,
          description: 'Two NYCPS positions to write up.',
          topics: ['job_descriptions'],
          serviceLines: ['nycps'],
          priority: 'normal',
          source: 'email',
          assigneeId: consultant.id,
        })
        .expect(201);

      const context = await browser.newContext({
        viewport: { width: 1366, height: 900 },
        timezoneId: 'America/New_York',
        locale: 'en-US',
        acceptDownloads: true,
      });
      const page: Page = await context.newPage();
      page.setDefaultTimeout(15000);
      const pageErrors = collectPageErrors(page);

      await page.goto(`${api.url}/cases/${created.body.id}?tab=files`);
      await page.waitForURL(/\/login/);
      await page.getByRole('textbox', { name: 'Email', exact: true }).fill(consultant.email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(consultant.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      if (!page.url().includes('tab=files')) await page.getByRole('tab', { name: 'Files' }).click();
      await page.getByText('No files yet').waitFor();

      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Upload files' }).click();
      await (await chooser).setFiles({ name: 'Peer job description.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByText('1 file added').waitFor();

      const table = page.getByRole('table', { name: 'Files' });
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Peer job description.pdf' }) });
      await row.getByText('PDF', { exact: true }).waitFor();
      await row.getByText('Test consultant').waitFor();
      await row.getByText('The case').waitFor();
      await row.getByText('Uploaded by staff').waitFor();
      await row.getByText(`${PDF.length} bytes`).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/case-files.png`, fullPage: true });

      const download = page.waitForEvent('download');
      await row.getByRole('link', { name: 'Peer job description.pdf' }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toBe('Peer job description.pdf');
      expect(Buffer.compare(readFileSync((await saved.path())!), PDF)).toBe(0);

      await row.getByRole('button', { name: 'Delete Peer job description.pdf' }).click();
      await page.getByRole('dialog', { name: 'Delete this file?' }).getByRole('button', { name: 'Delete file' }).click();
      await page.getByText('Peer job description.pdf deleted').waitFor();
      await page.getByText('No files yet').waitFor();

      // The timeline keeps both.
      await page.getByRole('tab', { name: 'Overview' }).click();
      await page.getByText('File added: Peer job description.pdf').waitFor();
      await page.getByText('File deleted: Peer job description.pdf').waitFor();

      expect(pageErrors).toEqual([]);
      await context.close();
    },
    BROWSER_TIMEOUT,
  );
});
