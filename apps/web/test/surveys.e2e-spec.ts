import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations, signIn } from './support/browser.js';

const BROWSER_TIMEOUT = 120000;
const artifacts = `${repoRoot}test-artifacts`;
const PHONE = { width: 390, height: 844 };
const LEAD = { email: 'lead@example.org', password: 'lead-password' };

/** The last full quarter in New York: from inclusive, to exclusive. */
function lastQuarter(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const start = Math.floor((month - 1) / 3) * 3;
  const iso = (y: number, m: number) => new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  return { from: iso(year, start - 3), to: iso(year, start) };
}

describe('surveys in the browser: a clinic answers on a phone; a lead reads the outcomes (built app, real API, Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const tag = randomUUID().slice(0, 6);

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await db.connect();
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium()]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop(), db.end()]);
  });

  /** A resolved case of a consultant of its own, with a closure survey sent at `sentAt` (as the sweep leaves it); its link's token. */
  async function surveyed(sentAt: Date, consultantName = `Casey ${tag}`) {
    const consultant = (
      await db.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, 'consultant', 'x') RETURNING id`, [
        `casey-${randomUUID().slice(0, 8)}@test.example.org`,
        consultantName,
      ])
    ).rows[0].id as string;
    const org = (
      await db.query(
        `INSERT INTO organizations (name, normalized_name, kind, region, county, stage) VALUES ($1, $1, 'mhotrs_clinic', 'central', 'Onondaga', 'starting') RETURNING id`,
        [`Maple Street Clinic ${tag} ${randomUUID().slice(0, 4)}`],
      )
    ).rows[0].id as string;
    const contact = (
      await db.query(`INSERT INTO contacts (organization_id, name, email, role) VALUES ($1, 'Robin Diaz', $2, 'director') RETURNING id`, [
        org,
        `robin-${randomUUID().slice(0, 8)}@clinic.example.org`,
      ])
    ).rows[0].id as string;
    const caseId = (
      await db.query(
        `INSERT INTO cases (organization_id, primary_contact_id, assignee_id, title, description, source, priority, service_lines, status, status_reason,
                            opened_at, last_activity_at, first_response_at, resolved_at, version)
         VALUES ($1, $2, $3, 'Supervising peer staff', 'd', 'phone', 'normal', '{nycps}', 'resolved', 'goals_met', $4, $4, $4, $4, 1) RETURNING id`,
        [org, contact, consultant, new Date(sentAt.getTime() - 7 * 86_400_000)],
      )
    ).rows[0].id as string;
    const token = randomBytes(24).toString('base64url');
    const invitation = (
      await db.query(
        `INSERT INTO survey_invitations (case_id, kind, survey_id, contact_id, recipient_name, recipient_email, token_hash, expires_at, created_at)
         SELECT $1, 'case_closure', (SELECT id FROM surveys WHERE kind = 'case_closure' ORDER BY version DESC LIMIT 1), c.id, c.name, c.email, $2, $3::timestamptz + interval '30 days', $3
         FROM contacts c WHERE c.id = $4 RETURNING id`,
        [caseId, createHash('sha256').update(token).digest('hex'), sentAt, contact],
      )
    ).rows[0].id as string;
    return { token, caseId, invitation };
  }

  it(
    'a clinic answers the closure survey on a 390 px phone, once; the used, unknown and opt-out pages are plain and accessible',
    async () => {
      const { token, caseId } = await surveyed(new Date());
      const page = await browser.newPage({ viewport: PHONE });
      const errors = collectPageErrors(page);
      await page.goto(`${api.url}/request/survey/${token}`);
      await page.getByRole('heading', { name: 'How did we do?' }).waitFor();
      await page.getByText('Hello Robin.').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: `${artifacts}/survey-phone.png`, fullPage: true });

      // Sending with a required question unanswered names it, without losing what was given.
      await page
        .getByRole('radiogroup', { name: /Overall, how satisfied/ })
        .getByRole('radio', { name: '4 – Satisfied' })
        .check();
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByRole('alert').filter({ hasText: '2 questions need an answer.' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page
        .getByRole('radiogroup', { name: /How useful/ })
        .getByRole('radio', { name: '5 – Extremely useful' })
        .check();
      await page
        .getByRole('radiogroup', { name: /Would you suggest us/ })
        .getByRole('radio', { name: 'Yes' })
        .check();
      await page.getByRole('checkbox', { name: 'Working from a written action plan' }).check();
      await page.getByRole('textbox', { name: /Anything else/ }).fill('Clear, patient and practical.');
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByText('Thank you, your answers are in').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      const stored = await db.query(
        `SELECT a.question_code, a.number_value::int AS n, a.choice_values, a.text_value FROM survey_answers a JOIN survey_invitations i ON i.id = a.invitation_id
         WHERE i.case_id = $1 ORDER BY a.question_code`,
        [caseId],
      );
      expect(stored.rows.map((r) => [r.question_code, r.n ?? r.choice_values ?? r.text_value])).toEqual([
        ['comments', 'Clear, patient and practical.'],
        ['helped_most', ['action_plan']],
        ['overall', 4],
        ['recommend', ['yes']],
        ['useful', 5],
      ]);
      // Opening the link again: answered already, said plainly.
      await page.reload();
      await page.getByText('Thank you, your answers are in').waitFor();

      await page.goto(`${api.url}/request/survey/${randomBytes(24).toString('base64url')}`);
      await page.getByText('We could not find this survey', { exact: true }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.goto(`${api.url}/request/survey/${token}/opt-out`);
      await page.getByRole('button', { name: 'Stop survey emails' }).click();
      await page.getByText('Done: no more surveys').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a lead opens the dashboard’s Outcomes, picks last quarter, and exports the outcomes CSV',
    async () => {
      const quarter = lastQuarter();
      const consultant = `Quinn Outcome ${tag}`;
      const { invitation } = await surveyed(new Date(`${quarter.from}T16:00:00Z`), consultant);
      await db.query(`UPDATE survey_invitations SET status = 'answered', answered_at = created_at + interval '1 day' WHERE id = $1`, [
        invitation,
      ]);
      await db.query(
        `INSERT INTO survey_answers (invitation_id, question_code, number_value) VALUES ($1, 'overall', 2), ($1, 'useful', 3)`,
        [invitation],
      );

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = collectPageErrors(page);
      await page.goto(`${api.url}/login?next=%2Fdashboard`);
      await signIn(page, LEAD.email, LEAD.password);
      await page.getByRole('group', { name: 'Period presets' }).getByRole('button', { name: 'Last quarter' }).click();
      await page.waitForURL(new RegExp(`from=${quarter.from}&to=${quarter.to}`));
      const section = page.getByRole('region', { name: 'Outcomes' });
      await section.getByText('Satisfaction (closure surveys sent in the period)').waitFor();
      const row = section.getByRole('row', { name: new RegExp(consultant) });
      await row.waitFor();
      expect(await row.getByRole('cell').allInnerTexts()).toEqual(['2', '1', '100% (1 of 1)', '0 / 1 / 0 / 0 / 0']);
      await section.getByText(/No causal claim/).waitFor();
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${artifacts}/outcomes-dashboard.png`, fullPage: true });
      expect(await seriousA11yViolations(page)).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export outcomes (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`outcomes_${quarter.from}_${quarter.to}.csv`);
      const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe('Section,Group,Measure,Value');
      expect(lines).toEqual(
        expect.arrayContaining([
          `Satisfaction by consultant,${consultant},Mean satisfaction (1–5),2`,
          `Satisfaction by consultant,${consultant},Response rate (%),100`,
        ]),
      );
      expect(errors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
