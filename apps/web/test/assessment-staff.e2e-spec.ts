import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createOrganization } from '../../../test/support/fixtures.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations } from './support/browser.js';

const BROWSER_TIMEOUT = 120000;
const artifacts = `${repoRoot}test-artifacts`;

describe('readiness assessments in the staff app: agreement, change and suggested goals (built app, real API, Chromium)', () => {
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
    'shows where the team disagrees, how readiness moved, and turns the weakest section into a plan goal',
    async () => {
      const admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const consultant = await createStaff(api.url, admin, 'consultant');
      const auth = { Authorization: `Bearer ${consultant.token}` };
      const org = await createOrganization(api.url, consultant.token);
      const theCase = await createCase(api.url, consultant.token, org.id);
      const demo = (await request(api.url).get('/api/v1/instruments').set(auth).expect(200)).body.find(
        (i: { code: string }) => i.code === 'peer-readiness-demo',
      );
      const items = (await request(api.url).get(`/api/v1/instruments/${demo.id}`).set(auth).expect(200)).body.definition.sections.flatMap(
        (s: { items: Array<{ code: string }> }) => s.items.map((i) => i.code),
      ) as string[];
      // Supervision (s1–s5) is the weakest section; the team splits 1 vs 3 on k1.
      const score = (base: number, overrides: Record<string, number>) =>
        items.map((itemCode) => ({ itemCode, score: overrides[itemCode] ?? (itemCode.startsWith('s') ? 1 : base) }));
      const round = async (purpose: string, answers: Array<Array<{ itemCode: string; score: number }>>) => {
        const created = (
          await request(api.url)
            .post(`/api/v1/organizations/${org.id}/assessments`)
            .set(auth)
            .send({ instrumentId: demo.id, purpose, caseId: theCase.id })
            .expect(201)
        ).body;
        for (const [index, set] of answers.entries())
          await request(api.url)
            .post(`/api/v1/assessments/${created.id}/responses`)
            .set(auth)
            .send({ respondentName: `Team member ${index + 1}`, answers: set })
            .expect(201);
        await request(api.url).post(`/api/v1/assessments/${created.id}/close`).set(auth).expect(200);
        return created.id as string;
      };
      const baselineId = await round('baseline', [score(2, { k1: 1 }), score(2, { k1: 3 })]);
      await round('follow_up', [score(3, { s1: 2 }), score(3, { s1: 2 })]);

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/login`);
      await page.getByRole('textbox', { name: 'Email', exact: true }).fill(consultant.email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(consultant.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/cases/);

      await page.goto(`${api.url}/assessments/${baselineId}`);
      await page.getByRole('heading', { name: /Baseline round/ }).waitFor();
      await page.getByText('The team disagrees on 1 statement').waitFor();
      expect(await page.locator('tr[data-disagreement]').count()).toBe(1);
      expect(await page.locator('tr[data-disagreement]').textContent()).toContain('Staff across roles can describe');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/assessment-round.png`, fullPage: true });

      await page.goto(`${api.url}/organizations/${org.id}`);
      await page.getByRole('heading', { name: 'How readiness moved' }).waitFor();
      await page.getByText('Organizational culture: 2 → 3 (+1)').waitFor();
      await page.getByText('Supervision: 1 → 1.2 (+0.2)').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/assessment-change.png`, fullPage: true });

      await page.goto(`${api.url}/cases/${theCase.id}?tab=plan`);
      await page.getByRole('heading', { name: 'Suggested goals' }).waitFor();
      await page.getByText(/^Supervision: 1\.2 \(10%\)/).waitFor();
      await page.getByRole('button', { name: 'Add as a goal' }).first().click();
      await page.getByRole('heading', { name: 'Strengthen supervision' }).waitFor();
      // Its first action item is the section's weakest statement (s2, the first of those still at 1).
      await page.getByText('Supervisors of peer staff are trained in peer support values and practice.').first().waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'shows leads the readiness figures on the dashboard: rounds taken, organizations assessed twice, mean change per section',
    async () => {
      const admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const lead = await createStaff(api.url, admin, 'lead');
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/login`);
      await page.getByRole('textbox', { name: 'Email', exact: true }).fill(lead.email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(lead.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/cases/);
      await page.goto(`${api.url}/dashboard`);
      await page.getByRole('heading', { name: 'Readiness assessments' }).waitFor();
      await page.getByText(/^Organizations assessed twice: [1-9]/).waitFor();
      // The first test's organization moved from 1 to 1.2 in supervision: at least that row's label is there.
      await page.getByRole('rowheader', { name: 'All organizations' }).waitFor();
      await page.getByRole('columnheader', { name: 'Supervision' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
