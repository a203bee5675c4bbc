import { mkdirSync } from 'node:fs';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createContact, createOrganization } from '../../../test/support/fixtures.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations } from './support/browser.js';

const BROWSER_TIMEOUT = 120000;
const artifacts = `${repoRoot}test-artifacts`;
const PHONE = { width: 390, height: 844 };

describe('readiness self-assessment: a respondent on a phone (built public pages, real API, Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await db.connect();
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium()]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop(), db.end()]);
  });

  it(
    'answers the demo instrument section by section on a 390 px screen, resumes the draft, reviews, submits once and sees their scores',
    async () => {
      const admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const auth = { Authorization: `Bearer ${admin}` };
      const org = await createOrganization(api.url, admin);
      const contact = await createContact(api.url, admin, org.id);
      const demo = (await request(api.url).get('/api/v1/instruments').set(auth).expect(200)).body.find(
        (i: { code: string }) => i.code === 'peer-readiness-demo',
      );
      const round = (
        await request(api.url)
          .post(`/api/v1/organizations/${org.id}/assessments`)
          .set(auth)
          .send({ instrumentId: demo.id, purpose: 'baseline' })
          .expect(201)
      ).body;
      await request(api.url)
        .post(`/api/v1/assessments/${round.id}/invitations`)
        .set(auth)
        .send({ contactIds: [contact.id] })
        .expect(201);
      const [email] = (await db.query(`SELECT data FROM outbound_emails WHERE dedupe_key LIKE $1`, [`assessment:${round.id}:invite:%`]))
        .rows;
      const path = new URL(email.data.url as string).pathname;

      const page = await browser.newPage({ viewport: PHONE });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}${path}`);
      await page.getByRole('heading', { name: /Part 1 of 4: Knowledge of peer support practice/ }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/assessment-phone-section.png`, fullPage: false });

      // The first answer is saved as a draft; reopening the link resumes it.
      await page
        .getByRole('radiogroup')
        .first()
        .getByRole('radio', { name: /^1 – Needs improvement/ })
        .check();
      await page.getByText('draft saved').waitFor();
      await page.reload();
      await page.getByRole('heading', { name: /Part 1 of 4/ }).waitFor();
      expect(
        await page
          .getByRole('radiogroup')
          .first()
          .getByRole('radio', { name: /^1 – Needs improvement/ })
          .isChecked(),
      ).toBe(true);

      for (let part = 1; part <= 4; part++) {
        const groups = page.getByRole('radiogroup');
        const count = await groups.count();
        for (let i = part === 1 ? 1 : 0; i < count; i++) {
          await groups
            .nth(i)
            .getByRole('radio', { name: /^2 – Adequate/ })
            .check();
          await page.getByText('draft saved').waitFor();
        }
        await page.getByRole('button', { name: part === 4 ? 'Review' : 'Next part' }).click();
      }
      await page.getByRole('heading', { name: 'Review your answers' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Submit my answers' }).click();
      await page.getByRole('heading', { name: /^Your results/ }).waitFor();
      // 5 of the first section's 6 statements at 2 and one at 1: (1 + 5 × 2) / 6 = 1.83, 41.7 % of the 1–3 range.
      await page.getByText('Your score: 1.83 on a scale of 1 to 3 (41.7%)').waitFor();
      expect(await page.getByText('Your score: 2 on a scale of 1 to 3 (50%)').count()).toBe(3);
      await page.getByRole('button', { name: 'Print my results' }).waitFor();
      // They were invited by email, so their results went there too (through the outbox, once).
      await page.getByText('We have also emailed you a copy').waitFor();
      const sent = await db.query(`SELECT data FROM outbound_emails WHERE template = 'assessment_results' AND data->>'url' = $1`, [
        email.data.url,
      ]);
      expect(sent.rows).toHaveLength(1);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/assessment-phone-results.png`, fullPage: true });

      // Submitting again is refused by the API; the page shows the results, not the form.
      await request(api.url)
        .post(`/api/v1/public/assessments/${path.split('/').pop()}/submit`)
        .send({ answers: [] })
        .expect(409);
      await page.goto(`${api.url}/request/assessment/${'x'.repeat(32)}`);
      await page.getByText('We could not find this assessment').first().waitFor();
      expect(pageErrors.filter((e) => !/404/.test(e))).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
