import { mkdirSync } from 'node:fs';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations } from './support/browser.js';

const BROWSER_TIMEOUT = 180000;
const shots = `${repoRoot}test-artifacts/readiness`;

/** The demo logins of the README (the test setup seeds the demo data exactly as `npm run up` does). */
const CONSULTANT = { email: 'consultant@example.org', password: 'consultant-password' };
const LEAD = { email: 'lead@example.org', password: 'lead-password' };

async function signIn(page: Page, url: string, who: { email: string; password: string }) {
  await page.goto(`${url}/login`);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(who.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/cases/);
}

/**
 * Issue #14's "done when", walked on the seeded demo data: a consultant sees where a clinic team disagrees in an open
 * baseline, adds to it in a session, turns the weakest section into a plan goal, shows how readiness moved for a clinic
 * assessed twice, and a lead sees the funder's figures. Screenshots land in test-artifacts/readiness/.
 */
describe('the readiness story on the demo data (built app, seeded database, Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    await db.connect();
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium()]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop(), db.end()]);
  });

  it(
    'baseline and disagreement, answers from a session, a suggested goal, how readiness moved, and the funder’s figures',
    async () => {
      const seeded = (
        await db.query(
          `SELECT a.id, a.organization_id, a.case_id, a.purpose, a.status FROM assessments a JOIN users u ON u.id = a.created_by
           WHERE u.email = 'consultant@example.org' ORDER BY a.created_at`,
        )
      ).rows as Array<{ id: string; organization_id: string; case_id: string; purpose: string; status: string }>;
      const open = seeded.find((r) => r.status === 'open')!;
      const followUp = seeded.find((r) => r.purpose === 'follow_up' && r.status === 'closed')!;

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const pageErrors = collectPageErrors(page);
      await signIn(page, api.url, CONSULTANT);

      // 1. The open baseline: the clinic team's answers side by side, where they disagree.
      await page.goto(`${api.url}/organizations/${open.organization_id}`);
      await page.getByRole('heading', { name: 'Readiness assessments' }).waitFor();
      await page.getByRole('link', { name: /^Baseline, / }).click();
      await page.getByRole('heading', { name: /Baseline round/ }).waitFor();
      await page.getByText(/The team disagrees on 3 statements/).waitFor();
      expect(await page.locator('tr[data-disagreement]').count()).toBe(3);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/1-baseline-disagreement.png`, fullPage: true });

      // 2. Someone met in a session answers too.
      await page.getByRole('button', { name: 'Enter answers for someone met in a session' }).click();
      const dialog = page.getByRole('dialog', { name: 'Enter answers for someone met in a session' });
      await dialog.getByRole('textbox', { name: 'Or their name' }).fill('Jo Rivera (billing coordinator)');
      for (const group of await dialog.getByRole('radiogroup').all()) await group.getByRole('radio').nth(1).check();
      await dialog.getByText('23 of 23 statements answered').waitFor();
      await dialog.getByRole('button', { name: 'Save these answers' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('columnheader', { name: 'Jo Rivera (billing coordinator)' }).waitFor();

      // 3. The weakest section becomes a goal on the case's plan.
      await page.goto(`${api.url}/cases/${open.case_id}?tab=plan`);
      await page.getByRole('heading', { name: 'Suggested goals' }).waitFor();
      const suggestion = page.getByRole('region', { name: 'Suggested goals' });
      const first = (await suggestion
        .getByText(/^[A-Z][^:]+: [\d.]+ \(/)
        .first()
        .textContent())!;
      const section = first.split(':')[0]!;
      await suggestion.getByRole('button', { name: `Add as a goal: ${section}` }).click();
      await page.getByRole('heading', { name: `Strengthen ${section.toLowerCase()}` }).waitFor();
      await suggestion.getByText('In the plan').first().waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/2-suggested-goal-added.png`, fullPage: true });

      // 4. A clinic assessed twice: how readiness moved since the baseline, on its page.
      await page.goto(`${api.url}/organizations/${followUp.organization_id}`);
      await page.getByRole('heading', { name: 'How readiness moved' }).waitFor();
      await page.getByText(/^Supervision: [\d.]+ → [\d.]+ \(\+/).waitFor();
      await page.locator('.recharts-surface').first().waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/3-how-readiness-moved.png`, fullPage: true });
      await page.goto(`${api.url}/assessments/${followUp.id}`);
      await page.getByRole('heading', { name: 'Change since the baseline' }).waitFor();
      await page.screenshot({ path: `${shots}/4-follow-up-round.png`, fullPage: true });
      expect(pageErrors).toEqual([]);

      // 5. The lead: the funder's figures on the dashboard, and the CSV.
      const lead = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      await signIn(lead, api.url, LEAD);
      await lead.goto(`${api.url}/dashboard`);
      const readiness = lead.getByRole('region', { name: 'Readiness assessments' });
      // Other suites load instruments of their own into the same database: pick the demo one, as a lead would.
      await readiness.getByLabel('Instrument', { exact: true }).click();
      await lead.getByRole('option', { name: 'Peer Support Readiness Self-Assessment (demo)' }).click();
      await readiness.getByText(/^Organizations assessed twice: [2-9]/).waitFor();
      await readiness.getByRole('rowheader', { name: 'All organizations' }).waitFor();
      // By region and by service line, in words.
      await readiness.getByRole('rowheader', { name: 'Hudson River region' }).waitFor();
      await readiness.getByRole('rowheader', { name: 'FPA-C (family)' }).waitFor();
      await readiness.screenshot({ path: `${shots}/5-dashboard-readiness.png` });
      const [download] = await Promise.all([
        lead.waitForEvent('download'),
        readiness.getByRole('button', { name: 'Export readiness (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^readiness_peer-readiness-demo_\d{4}-\d\d-\d\d_to_\d{4}-\d\d-\d\d\.csv$/);
    },
    BROWSER_TIMEOUT,
  );
});
