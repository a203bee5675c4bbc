import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { submitRequest } from '../../../test/support/fixtures.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium } from './support/browser.js';

const BROWSER_TIMEOUT = 90000;
const LEAD = { email: 'lead@example.org', password: 'lead-password' };
/** A period no other suite writes in (June 2017, New York days), so the chart counts only this file's fixtures. */
const PERIOD = { from: '2017-06-01', to: '2017-07-01', lastDay: '2017-06-30' };

/**
 * The center's days wherever the browser is (ARCHITECTURE §Contracts): a dashboard chart's click-through passes the
 * center's calendar dates, and the case list must read them as the center's days, not the browser's. Sessions just
 * either side of New York midnight at both ends of the period tell the two apart: Tokyo's midnight is New York's
 * late morning the day before, Los Angeles' is New York's 3 am.
 */
describe('center time zone: a chart count is the count of the case list it opens, in any browser time zone', () => {
  let api: RunningApi;
  let browser: Browser;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    mkdirSync(`${repoRoot}test-artifacts`, { recursive: true });
    await db.connect();
    const {
      rows: [org],
    } = await db.query(
      `INSERT INTO organizations (name, normalized_name, kind, region, county, populations, stage)
       VALUES ($1::text, lower($1::text), 'mhotrs_clinic', 'western', 'Erie', '{adults}', 'starting') RETURNING id`,
      [`Midnight Clinic ${randomUUID().slice(0, 6)}`],
    );
    const {
      rows: [lead],
    } = await db.query(`SELECT id FROM users WHERE email = $1`, [LEAD.email]);
    // New York wall-clock times: two inside the period (just after its first midnight, just before its last), two outside.
    const times = ['2017-05-31 23:30', '2017-06-01 00:30', '2017-06-30 23:30', '2017-07-01 00:30'];
    for (const [i, at] of times.entries()) {
      const {
        rows: [c],
      } = await db.query(
        `INSERT INTO cases (organization_id, title, description, source, priority, topics, assignee_id, status,
           opened_at, first_response_at, last_activity_at, version)
         VALUES ($1, $2, 'Fixture', 'phone', 'normal', '{supervision}', $3, 'active',
           $4::timestamp AT TIME ZONE 'America/New_York', $4::timestamp AT TIME ZONE 'America/New_York', now(), 1)
         RETURNING id`,
        [org.id, `Midnight case ${i + 1}`, lead.id, at],
      );
      await db.query(
        `INSERT INTO consultations (case_id, consultant_id, started_at, duration_minutes, modality, topics, summary)
         VALUES ($1, $2, $3::timestamp AT TIME ZONE 'America/New_York', 30, 'phone', '{supervision}', 'Fixture')`,
        [c.id, lead.id, at],
      );
    }
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium()]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop(), db.end()]);
  });

  for (const timezoneId of ['Asia/Tokyo', 'America/Los_Angeles']) {
    it(
      `in ${timezoneId}`,
      async () => {
        const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId, locale: 'en-US' });
        const page = await context.newPage();
        const pageErrors = collectPageErrors(page);
        await page.goto(`${api.url}/login?next=${encodeURIComponent(`/dashboard?from=${PERIOD.from}&to=${PERIOD.to}`)}`);
        await page.getByRole('textbox', { name: 'Email', exact: true }).fill(LEAD.email);
        await page.getByRole('textbox', { name: 'Password', exact: true }).fill(LEAD.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
        expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);

        // The region chart's count, as the page drew it (the summary it fetched).
        const summary = (await (
          await page.request.get(`${api.url}/api/v1/dashboard/summary?from=${PERIOD.from}&to=${PERIOD.to}`)
        ).json()) as {
          byRegion: Array<{ key: string; sessions: number }>;
          range: { timeZone: string };
        };
        expect(summary.range.timeZone).toBe('America/New_York');
        const charted = summary.byRegion.find((r) => r.key === 'western')?.sessions ?? 0;
        expect(charted).toBe(2);

        await page.getByRole('group', { name: 'Cases by region' }).getByRole('link', { name: 'Western' }).click();
        await page.waitForURL(new RegExp(`/cases\\?region=western&sessionFrom=${PERIOD.from}&sessionTo=${PERIOD.lastDay}$`));
        const rows = page.getByRole('table', { name: 'Cases' }).locator('tbody tr');
        await page.getByRole('link', { name: 'Midnight case 2' }).waitFor();
        await page.getByRole('link', { name: 'Midnight case 3' }).waitFor();
        expect(await rows.count()).toBe(charted);
        expect(await page.getByRole('link', { name: /Midnight case [14]/ }).count()).toBe(0);

        // The opened-on filters are the center's days too.
        await page.goto(`${api.url}/cases?openedFrom=${PERIOD.from}&openedTo=${PERIOD.lastDay}&q=Midnight`);
        await page.getByRole('link', { name: 'Midnight case 2' }).waitFor();
        expect(await rows.count()).toBe(2);
        await page.screenshot({ path: `${repoRoot}test-artifacts/center-time-zone-${timezoneId.replace('/', '-')}.png`, fullPage: true });
        expect(pageErrors).toEqual([]);
        await context.close();
      },
      BROWSER_TIMEOUT,
    );
  }

  it(
    "shows a clinic its request's dates in the center's zone, named, whatever the phone's zone",
    async () => {
      // A center in Tokyo read from Los Angeles: the two zones are 16 or 17 hours apart, so their dates differ half the day.
      const tokyo = await startApi({ WEB_DIST_DIR: `${repoRoot}dist/web`, CENTER_TIME_ZONE: 'Asia/Tokyo' });
      try {
        const intake = await submitRequest(tokyo.url);
        const context = await browser.newContext({
          viewport: { width: 390, height: 844 },
          timezoneId: 'America/Los_Angeles',
          locale: 'en-US',
        });
        const page = await context.newPage();
        const pageErrors = collectPageErrors(page);
        await page.goto(`${tokyo.url}${new URL(intake.statusUrl).pathname}`);
        await page.getByText(/^Dates are in Japan Standard Time\./).waitFor();
        const submitted = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }).format(new Date());
        await page.getByText(`reached`, { exact: false }).first().waitFor();
        expect(await page.getByText(`on ${submitted}.`, { exact: false }).count()).toBeGreaterThan(0);
        expect(pageErrors).toEqual([]);
        await context.close();
      } finally {
        await tokyo.stop();
      }
    },
    BROWSER_TIMEOUT,
  );
});
