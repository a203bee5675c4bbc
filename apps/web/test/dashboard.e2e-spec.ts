import { mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { comparisonPeriods, presetPeriod, presets } from '../src/pages/dashboard/period.js';
import { collectPageErrors, launchChromium, seriousA11yViolations, signIn } from './support/browser.js';

const BROWSER_TIMEOUT = 90000;
const artifacts = `${repoRoot}test-artifacts`;
const LEAD = { email: 'lead@example.org', password: 'lead-password' };

/** The last full quarter in New York: from inclusive, to exclusive, and its last day. */
function lastQuarter(): { from: string; to: string; lastDay: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const start = Math.floor((month - 1) / 3) * 3;
  const iso = (y: number, m: number) => new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  const lastDay = new Date(Date.UTC(year, start, 0)).toISOString().slice(0, 10);
  return { from: iso(year, start - 3), to: iso(year, start), lastDay };
}

describe('dashboard (built app served by the real API, in Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const quarter = lastQuarter();

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await db.connect();
    // A session in last quarter, so the charts have something to draw whatever else the database holds.
    const {
      rows: [org],
    } = await db.query(
      `INSERT INTO organizations (name, normalized_name, kind, region, county, populations, stage)
       VALUES ($1::text, lower($1::text), 'mhotrs_clinic', 'long_island', 'Suffolk', '{adults}', 'starting') RETURNING id`,
      [`Dashboard Clinic ${randomUUID().slice(0, 6)}`],
    );
    const {
      rows: [lead],
    } = await db.query(`SELECT id FROM users WHERE email = $1`, [LEAD.email]);
    const at = `${quarter.from} 12:00`;
    const {
      rows: [c],
    } = await db.query(
      `INSERT INTO cases (organization_id, title, description, source, priority, topics, service_lines, assignee_id, status,
         opened_at, first_response_at, last_activity_at, version)
       VALUES ($1, 'Dashboard fixture', 'Fixture', 'web_form', 'normal', '{supervision}', '{ypa}', $2, 'active',
         $3::timestamp AT TIME ZONE 'America/New_York', $3::timestamp AT TIME ZONE 'America/New_York', now(), 1)
       RETURNING id`,
      [org.id, lead.id, at],
    );
    await db.query(
      `INSERT INTO consultations (case_id, consultant_id, started_at, duration_minutes, modality, topics, summary)
       VALUES ($1, $2, $3::timestamp AT TIME ZONE 'America/New_York' + interval '1 day', 90, 'video', '{supervision}', 'Fixture')`,
      [c.id, lead.id, at],
    );
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium()]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop(), db.end()]);
  });

  it(
    'shows a lead last quarter’s charts, leads from a chart to the filtered lists, and exports the CSV',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/dashboard`);
      await page.waitForURL(/\/login/);
      await signIn(page, LEAD.email, LEAD.password);
      await page.waitForURL(/\/dashboard/);
      await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();

      await page.getByRole('group', { name: 'Period presets' }).getByRole('button', { name: 'Last quarter' }).click();
      await page.waitForURL(new RegExp(`from=${quarter.from}&to=${quarter.to}`));
      const regions = page.locator('section[aria-labelledby="chart-regions"]');
      const goalAreas = page.locator('section[aria-labelledby="chart-goal-areas"]');
      await regions.locator('svg.recharts-surface').first().waitFor();
      await goalAreas.locator('.recharts-pie-sector').first().waitFor();
      expect(await page.locator('main svg.recharts-surface').count()).toBeGreaterThanOrEqual(5);
      await page.getByRole('region', { name: 'Sessions', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Lena Ortiz' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/dashboard-lead.png`, fullPage: true });

      // A region bar opens that region's cases with sessions in the period ("session held to" is its last day).
      await regions.locator('.recharts-bar-rectangle path').first().click();
      await page.waitForURL(new RegExp(`/cases\\?region=[a-z_]+&sessionFrom=${quarter.from}&sessionTo=${quarter.lastDay}$`));
      await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
      await page.goBack();
      // The fixture's region, by its link under the chart: the fixture case is in the list, filtered by region.
      await page.getByRole('group', { name: 'Cases by region' }).getByRole('link', { name: 'Long Island' }).click();
      await page.waitForURL(new RegExp(`/cases\\?region=long_island&sessionFrom=${quarter.from}&sessionTo=${quarter.lastDay}$`));
      await page.getByRole('link', { name: 'Dashboard fixture' }).waitFor();
      expect(await page.getByRole('combobox', { name: 'OMH region' }).inputValue()).toBe('Long Island');
      await page.goBack();
      await goalAreas.locator('.recharts-pie-sector').first().waitFor();

      // A goal-area segment opens the cases in it with sessions in the period.
      // (on the ring, clear of the label in the middle)
      const sector = goalAreas.locator('.recharts-pie-sector path').first();
      await sector.waitFor({ state: 'visible' });
      // The chart may still be settling after the navigation back: retry until the sector has a box.
      let box = await sector.boundingBox();
      for (let tries = 0; !box && tries < 50; tries++) {
        await page.waitForTimeout(100);
        box = await sector.boundingBox();
      }
      await sector.click({ position: { x: box!.width / 2, y: 6 } });
      await page.waitForURL(new RegExp(`/cases\\?goalArea=[a-z]+&sessionFrom=${quarter.from}&sessionTo=${quarter.lastDay}$`));
      await page.goBack();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export TA activity (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^ta-activity_${quarter.from}_to_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      expect(csv.split('\r\n')[0]).toBe(
        'Consultation ID,Date (New York),Start time (New York),Case reference,Organization,OMH region,County,Service lines,Topics,Goal areas,Modality,Minutes,Headcount,Consultant',
      );
      expect(csv).toContain('Dashboard Clinic');
      // Labels, not codes.
      expect(csv).toContain(',Long Island,Suffolk,YPA-C (youth),Peer-informed supervision,Retention,Video,90,');
      expect(csv).not.toMatch(/long_island|,ypa,|,supervision,|,video,/);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'offers New York State fiscal periods, compares the KPIs with the previous period, explains the goal-area donut',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/login?next=%2Fdashboard`);
      await signIn(page, LEAD.email, LEAD.password);
      await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();

      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
      const fiscal = presets(today).find((p) => p.key === 'lastFiscalQuarter')!;
      const period = presetPeriod('lastFiscalQuarter', today);
      expect(fiscal.label).toMatch(/^FY \d{4}-\d{2} Q[1-4] \([A-Z][a-z]{2}–[A-Z][a-z]{2} \d{4}\)$/);
      await page.getByRole('group', { name: 'NY State fiscal year (April–March)' }).getByRole('button', { name: fiscal.label }).click();
      await page.waitForURL(new RegExp(`from=${period.from}&to=${period.to}`));
      await page.getByRole('button', { name: fiscal.label, pressed: true }).waitFor();

      // Every KPI card says how it moved against the same number of days just before.
      const { days } = comparisonPeriods(period, today);
      const sessions = page.getByRole('region', { name: 'Sessions', exact: true });
      await sessions.getByText(new RegExp(`^([+−][\\d,.]+|no change) vs previous ${days} days$`)).waitFor();
      await page
        .getByRole('region', { name: 'Cases opened', exact: true })
        .getByText(/vs previous/)
        .waitFor();
      await page.getByText(/Changes compare with the previous period of the same length: /).waitFor();

      // The donut's centre counts distinct sessions; the caption says why the segments may add up to more.
      const goalAreas = page.locator('section[aria-labelledby="chart-goal-areas"]');
      if (await goalAreas.locator('.recharts-pie-sector').count()) {
        await goalAreas.getByText(/each counted once\. A session counts in each goal area it touches/).waitFor();
      }
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/dashboard-fiscal.png`, fullPage: true });
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'exports the case list with its current filters as CSV',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
      const pageErrors = collectPageErrors(page);
      await page.goto(
        `${api.url}/login?next=${encodeURIComponent(`/cases?region=long_island&sessionFrom=${quarter.from}&sessionTo=${quarter.lastDay}`)}`,
      );
      await signIn(page, LEAD.email, LEAD.password);
      await page.getByRole('link', { name: 'Dashboard fixture' }).first().waitFor();
      // Counted once the list has settled: while a refetch runs the table still shows the previous answer.
      await page.locator('table[aria-label="Cases"][aria-busy="false"]').waitFor();
      const shown = await page.getByRole('table', { name: 'Cases' }).locator('tbody tr').count();
      const total = Number((await page.getByText(/^[\d,]+ cases?$/).textContent())!.replace(/\D/g, ''));

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^cases_\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n');
      expect(header).toBe(
        'Reference,Title,Organization,OMH region,Status,Priority,Assignee,Topics,Goal areas,Opened (New York),First response (New York),Last activity (New York),Stall level',
      );
      // The filtered rows only: the region's cases with a session last quarter (the page shows at most 25 of them).
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows.length).toBe(total);
      if (total <= 25) expect(shown).toBe(total);
      expect(rows.every((row) => row.includes(',Long Island,'))).toBe(true);
      expect(
        rows.some(
          (row) =>
            row.includes('Dashboard fixture') && row.includes(',Active,Normal,') && row.includes('Peer-informed supervision,Retention'),
        ),
      ).toBe(true);
      expect(csv).not.toMatch(/long_island|,active,|,normal,/);

      // Narrowed further (a status no fixture has): the export follows.
      await page.goto(
        `${api.url}/cases?region=long_island&sessionFrom=${quarter.from}&sessionTo=${quarter.lastDay}&status=closed&q=zzzz-no-such-case`,
      );
      await page.getByText('No matches').waitFor();
      const [empty] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
      expect(
        readFileSync((await empty.path())!, 'utf8')
          .slice(1)
          .trimEnd()
          .split('\r\n'),
      ).toHaveLength(1);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'shows a consultant their own caseload card instead',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${api.url}/login?next=%2Fdashboard`);
      await page.getByRole('textbox', { name: 'Email', exact: true }).fill('consultant@example.org');
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill('consultant-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'My caseload' }).waitFor();
      expect(await page.getByRole('button', { name: 'Export TA activity (CSV)' }).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
