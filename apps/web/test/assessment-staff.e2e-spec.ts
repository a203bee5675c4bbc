import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createContact, createOrganization } from '../../../test/support/fixtures.js';
import { repoRoot, startApi, type RunningApi } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations } from './support/browser.js';

const BROWSER_TIMEOUT = 120000;

const signIn = async (page: Page, url: string, who: { email: string; password: string }) => {
  await page.goto(`${url}/login`);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(who.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/cases/);
};
const artifacts = `${repoRoot}test-artifacts`;

describe('readiness assessments in the staff app: agreement, change and suggested goals (built app, real API, Chromium)', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(`${artifacts}/readiness`, { recursive: true });
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
      // Other suites load instruments of their own into the shared database: choose the demo's.
      await page.getByRole('combobox', { name: 'Instrument' }).click();
      await page.getByRole('option', { name: 'Peer Support Readiness Self-Assessment (demo)' }).click();
      await page.getByText(/^Organizations assessed twice: [1-9]/).waitFor();
      // The first test's organization moved from 1 to 1.2 in supervision: at least that row's label is there.
      await page.getByRole('rowheader', { name: 'All organizations' }).waitFor();
      await page.getByRole('columnheader', { name: 'Supervision' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
  it(
    'lets an admin load an instrument file: problems listed with their JSON path, then the new version in the list',
    async () => {
      const admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const adminUser = await createStaff(api.url, admin, 'admin');
      const consultant = await createStaff(api.url, admin, 'consultant');
      const code = `upload-${Date.now().toString(36)}`;
      const levels = [
        { score: 1, label: 'Not yet' },
        { score: 2, label: 'Partly' },
        { score: 3, label: 'Fully' },
      ];
      const good = {
        code,
        version: 1,
        title: 'Uploaded readiness check',
        scale: { min: 1, max: 3, labels: { '1': 'Not yet', '2': 'Partly', '3': 'Fully' } },
        sections: [
          {
            code: 'a',
            title: 'Culture',
            goalArea: 'readiness',
            feedback: [{ minScore: 1, text: 'Start here.' }],
            items: [{ code: 'a1', statement: 'Leaders name peer support as a priority.', levels }],
          },
        ],
      };
      const bad = {
        ...good,
        sections: [{ ...good.sections[0], goalArea: 'nowhere', items: [{ code: 'a1', statement: '', levels: levels.slice(0, 2) }] }],
      };

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const pageErrors = collectPageErrors(page);
      await signIn(page, api.url, adminUser);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instruments' }).click();
      await page.getByRole('heading', { name: 'Readiness instruments' }).waitFor();
      await page.getByRole('cell', { name: 'peer-readiness-demo' }).first().waitFor();

      const input = page.locator('input[type=file]');
      await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"code": ') });
      await page.getByRole('alert').filter({ hasText: 'broken.json was not loaded' }).getByText('is not valid JSON').waitFor();

      await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
      const problems = page.getByRole('list', { name: 'Problems in the file' });
      await problems.getByText('sections[0].goalArea').waitFor();
      const listed = await problems.getByRole('listitem').allTextContents();
      expect(listed.some((t) => t.startsWith('sections[0].items[0].statement'))).toBe(true);
      expect(listed.some((t) => t.startsWith('sections[0].items[0].levels'))).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/readiness/instrument-upload-errors.png`, fullPage: true });

      await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
      await page.getByText('Loaded as a new version').waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });
      await row.getByRole('cell', { name: 'Uploaded readiness check' }).waitFor();
      // Title, code, version, sections, statements, scale, loaded, and whether it can still change.
      expect(await row.getByRole('cell').allTextContents()).toEqual([
        'Uploaded readiness check',
        code,
        '1',
        '1',
        '1',
        '1–3',
        expect.stringMatching(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/),
        'Not answered yet: can be replaced',
      ]);
      await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
      await page.getByText('Already loaded, identical: nothing changed').waitFor();
      await page.screenshot({ path: `${artifacts}/readiness/instrument-upload.png`, fullPage: true });
      expect(pageErrors).toEqual([]);

      // Not for consultants: no menu entry, and the address shows the not-allowed page.
      const other = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(other, api.url, consultant);
      expect(await other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instruments' }).count()).toBe(0);
      await other.goto(`${api.url}/admin/instruments`);
      await other.getByText('This page is for admins only.').waitFor();
      expect(await other.getByRole('heading', { name: 'Readiness instruments' }).count()).toBe(0);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'lets a consultant enter the answers of someone met in a session on the round page',
    async () => {
      const admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const consultant = await createStaff(api.url, admin, 'consultant');
      const auth = { Authorization: `Bearer ${consultant.token}` };
      const org = await createOrganization(api.url, consultant.token);
      await createContact(api.url, consultant.token, org.id);
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

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const pageErrors = collectPageErrors(page);
      await signIn(page, api.url, consultant);
      await page.goto(`${api.url}/assessments/${round.id}`);
      await page.getByRole('heading', { name: /Baseline round/ }).waitFor();
      await page.getByRole('button', { name: 'Enter answers for someone met in a session' }).click();
      const dialog = page.getByRole('dialog', { name: 'Enter answers for someone met in a session' });
      await dialog.getByText('Staff across roles can describe').waitFor();
      // Nobody named yet: the form says so instead of sending.
      await dialog.getByRole('button', { name: 'Save these answers' }).click();
      await dialog.getByRole('alert').getByText('Choose the contact who answered, or type their name.').waitFor();
      await dialog.getByRole('textbox', { name: 'Or their name' }).fill('Dana, peer specialist');
      const first = dialog.getByRole('radiogroup').first();
      await first.getByRole('radio', { name: /^3 – Exemplary/ }).check();
      await dialog.getByRole('textbox', { name: 'Comment on statement 1 (optional)' }).first().fill('We train every new hire on it.');
      const supervision = dialog.getByRole('region', { name: 'Supervision' });
      await supervision
        .getByRole('radiogroup')
        .first()
        .getByRole('radio', { name: /^1 – Needs improvement/ })
        .check();
      await dialog.getByText('2 of 23 statements answered').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/readiness/enter-answers.png` });
      await dialog.getByRole('button', { name: 'Save these answers' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.getByRole('columnheader', { name: 'Dana, peer specialist' }).waitFor();
      await page.getByText('1 of 1 answered').waitFor();
      await page.getByText('“We train every new hire on it.”').waitFor();
      await page.getByText('Dana, peer specialist: Submitted (entered by staff)').waitFor();
      const stored = (await request(api.url).get(`/api/v1/assessments/${round.id}`).set(auth).expect(200)).body;
      expect(stored.respondents).toHaveLength(1);
      expect(stored.respondents[0]).toMatchObject({ name: 'Dana, peer specialist', source: 'entered', status: 'submitted' });
      expect(Object.keys(stored.respondents[0].answers)).toHaveLength(2);
      expect(stored.respondents[0].answers.k1).toBe(3);
      expect(stored.sections.find((x: { code: string }) => x.code === 'supervision').score).toBe(1);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
