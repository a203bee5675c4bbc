import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { eventually, messagesFor } from '../../../test/support/mail-sink.js';
import { repoRoot, startApi, startProcess, type RunningApi, type RunningProcess } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations } from './support/browser.js';

const BROWSER_TIMEOUT = 90000;
const artifacts = `${repoRoot}test-artifacts`;
/** An iPhone-sized screen: the form is filled on phones as often as at a desk. */
const PHONE = { width: 390, height: 844 };

describe('public request form and status page (built app served by the real API, worker delivering email, in Chromium)', () => {
  let api: RunningApi;
  let worker: RunningProcess;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`);
    [api, browser] = await Promise.all([startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` }), launchChromium()]);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop(), worker?.stop()]);
  });

  /** Everything but the question, as a clinic director on a phone would fill it. */
  async function fillForm(page: Page, requester: { organization: string; email: string }): Promise<void> {
    await page.getByRole('textbox', { name: 'Organization name' }).fill(requester.organization);
    await page.getByLabel('OMH region').selectOption('central');
    await page.getByRole('combobox', { name: 'County' }).fill('Onondaga');
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'Adults', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Families', exact: true }).check();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Dana Whitfield');
    await page.getByLabel('Your role').selectOption('clinical_director');
    await page.getByRole('textbox', { name: 'Email' }).fill(requester.email);
    await page.getByRole('textbox', { name: 'Phone' }).fill('315-555-0142');
    await page.getByRole('radio', { name: 'Video call' }).check();
    await page.getByRole('checkbox', { name: 'NYCPS' }).check();
    await page.getByRole('checkbox', { name: 'FPA-C' }).check();
    await page.getByRole('radio', { name: /^Starting/ }).click();
    await page.getByRole('checkbox', { name: 'Peer job descriptions' }).check();
    await page.getByRole('checkbox', { name: 'Peer-informed supervision' }).check();
  }

  it(
    'takes a request on a phone, confirms it with a reference and a status link, and emails the requester',
    async () => {
      const page = await browser.newPage({ viewport: PHONE });
      const pageErrors = collectPageErrors(page);
      const submissions: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/intake') submissions.push(request.url());
      });
      const requester = {
        organization: `Salt City Counseling Center ${randomUUID().slice(0, 6)}`,
        // An apostrophe and a tag are as deliverable as any address (o'brien@…, name+tag@…).
        email: `dana.o'brien+${randomUUID().slice(0, 8)}@saltcity-${randomUUID().slice(0, 4)}.example.org`,
      };

      await page.goto(`${api.url}/request`);
      await page.getByRole('heading', { name: 'Request technical assistance' }).waitFor();
      await page.getByRole('checkbox', { name: 'Peer job descriptions' }).waitFor();
      // A public page: no staff shell, no sign-in redirect.
      expect(page.url()).toBe(`${api.url}/request`);
      expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      await page.getByText('Please do not include client health information').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      // The honeypot is there for bots, out of reach for people.
      const honeypot = page.locator('input[name="website"]');
      expect(await honeypot.getAttribute('tabindex')).toBe('-1');
      expect(await honeypot.getAttribute('autocomplete')).toBe('off');
      expect(await page.getByRole('textbox', { name: 'Website' }).count()).toBe(0);
      // Nothing spills sideways on a phone.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

      await fillForm(page, requester);

      // Without a question: an inline error on the field, focus on it, and nothing sent.
      await page.getByRole('button', { name: 'Send my request' }).click();
      const question = page.getByRole('textbox', { name: 'Your question' });
      await page.getByText('Please tell us what you would like help with').waitFor();
      expect(await question.getAttribute('aria-invalid')).toBe('true');
      expect(await question.evaluate((node) => node === node.ownerDocument.activeElement)).toBe(true);
      // Too short is caught too, with the live count saying how far there is to go.
      await question.fill('Supervision help');
      await page.getByText('16 of at least 20 characters').waitFor();
      await page.getByRole('button', { name: 'Send my request' }).click();
      await page.getByText('Please write a little more: at least 20 characters').waitFor();
      expect(submissions).toEqual([]);

      const text =
        'We are hiring our first two Certified Peer Specialists and want help writing job descriptions and setting up peer-informed supervision.';
      await question.fill(text);
      await page.getByText(`${text.length} / 5,000 characters`).waitFor();
      expect(await page.getByText('Please tell us what you would like help with').count()).toBe(0);
      await page.screenshot({ path: `${artifacts}/request-form-phone.png`, fullPage: true });

      await page.getByRole('button', { name: 'Send my request' }).click();
      await page.waitForURL(/\/request\/thanks$/);
      await page.getByRole('heading', { name: 'Thank you, we received your request' }).waitFor();
      const reference = (await page.getByTestId('request-reference').textContent()) ?? '';
      expect(reference).toMatch(/^TA-\d{4}-\d{5}$/);
      expect(submissions).toHaveLength(1);
      await page.getByText('A confirmation email is on its way').waitFor();
      await page.getByText(requester.email).waitFor();
      const statusUrl = await page.getByRole('textbox', { name: 'Your status link' }).inputValue();
      expect(statusUrl).toMatch(/\/request\/status\/[A-Za-z0-9_-]{20,64}$/);
      await page.getByRole('button', { name: 'Copy link to your status page' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/request-confirmation-phone.png`, fullPage: true });

      await page.getByRole('link', { name: 'View your request status' }).click();
      await page.waitForURL(/\/request\/status\/[A-Za-z0-9_-]+$/);
      expect(new URL(page.url()).pathname).toBe(new URL(statusUrl).pathname);
      await page.getByRole('heading', { name: reference }).waitFor();
      await page.getByText(requester.organization).waitFor();
      await page.getByText('Received', { exact: true }).first().waitFor();
      await page.getByText('We received your request and will contact you soon.').waitFor();
      await page.getByText('Not assigned yet', { exact: false }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}/request-status-phone.png`, fullPage: true });

      // A deep link from the email works in a fresh tab (the API falls back to the app's index.html).
      const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await fresh.goto(`${api.url}${new URL(statusUrl).pathname}`);
      await fresh.getByRole('heading', { name: reference }).waitFor();
      await fresh.screenshot({ path: `${artifacts}/request-status-desktop.png`, fullPage: true });

      const [confirmation] = await eventually(
        () => messagesFor(requester.email),
        (messages) => messages.length > 0,
      );
      expect(confirmation?.subject).toContain(reference);
      expect(confirmation?.text).toContain(reference);
      expect(confirmation?.text).toContain(statusUrl);

      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'says so kindly when a status link is unknown',
    async () => {
      const page = await browser.newPage({ viewport: PHONE });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/request/status/${'x'.repeat(32)}`);
      await page.getByRole('heading', { name: 'We could not find this request' }).waitFor();
      await page.getByRole('link', { name: 'Go to the request form' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'keeps what was typed and shows the API’s message when the form is refused',
    async () => {
      const page = await browser.newPage({ viewport: PHONE });
      // The API's own answers to a busy network and to an outage, played in the browser.
      let answer: { status: number; body: unknown } = {
        status: 429,
        body: {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'We received several requests from your network in the last hour. Please try again later, or email us directly.',
        },
      };
      await page.route('**/api/v1/intake', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({ status: answer.status, contentType: 'application/json', body: JSON.stringify(answer.body) })
          : route.continue(),
      );
      await page.goto(`${api.url}/request`);
      await page.getByRole('checkbox', { name: 'Peer job descriptions' }).waitFor();
      const requester = { organization: 'Harbor Youth Services', email: 'kim@harbor.example.org' };
      await fillForm(page, requester);
      const text = 'How do we supervise a Youth Peer Advocate who works alongside our clinicians?';
      await page.getByRole('textbox', { name: 'Your question' }).fill(text);

      await page.getByRole('button', { name: 'Send my request' }).click();
      await page.getByRole('alert').getByText('We received several requests from your network in the last hour').waitFor();
      await page.getByRole('alert').getByText('Please wait a little while').waitFor();
      expect(await page.getByRole('textbox', { name: 'Your question' }).inputValue()).toBe(text);
      expect(await page.getByRole('textbox', { name: 'Organization name' }).inputValue()).toBe(requester.organization);

      // A field the API refuses is shown on that field.
      answer = {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Validation failed: email: please give an email address we can reply to',
          details: [{ field: 'email', messages: ['please give an email address we can reply to'] }],
        },
      };
      await page.getByRole('button', { name: 'Send my request' }).click();
      await page.getByText('please give an email address we can reply to').waitFor();
      expect(await page.getByRole('textbox', { name: 'Email' }).getAttribute('aria-invalid')).toBe('true');

      answer = { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'database unavailable' } };
      await page.getByRole('button', { name: 'Send my request' }).click();
      await page.getByRole('alert').getByText('Something went wrong on our side').waitFor();
      expect(await page.getByRole('textbox', { name: 'Your question' }).inputValue()).toBe(text);
      expect(new URL(page.url()).pathname).toBe('/request');
    },
    BROWSER_TIMEOUT,
  );
});
