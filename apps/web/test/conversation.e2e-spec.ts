import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { createStaff, DEMO_ADMIN, login } from '../../../test/support/auth.js';
import { createCase, createOrganization, submitRequest } from '../../../test/support/fixtures.js';
import { composeMail, deliver, testImapUrl } from '../../../test/support/imap.js';
import { eventually, messagesFor } from '../../../test/support/mail-sink.js';
import { repoRoot, startApi, startProcess, type RunningApi, type RunningProcess } from '../../../test/support/processes.js';
import { collectPageErrors, launchChromium, seriousA11yViolations, signIn } from './support/browser.js';

const BROWSER_TIMEOUT = 120000;
const artifacts = `${repoRoot}test-artifacts`;
const PHONE = { width: 390, height: 844 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const connection = () => {
  const url = new URL(String(process.env.REDIS_URL));
  return { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null };
};

describe('the email conversation in the web app (built app, real API, worker, dovecot, in Chromium)', () => {
  let api: RunningApi;
  let worker: RunningProcess;
  let browser: Browser;
  let queue: Queue;
  let events: QueueEvents;
  let admin: string;
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await db.connect();
    // One at a time: the API must answer within its start-up deadline on a busy machine.
    api = await startApi({ WEB_DIST_DIR: `${repoRoot}dist/web` });
    worker = startProcess(`${repoRoot}dist/apps/worker/src/main.js`, { IMAP_URL: testImapUrl(), IMAP_POLL_SECONDS: '3600' });
    browser = await launchChromium();
    queue = new Queue('inbound', { connection: connection() });
    events = new QueueEvents('inbound', { connection: connection() });
    await events.waitUntilReady();
    admin = await login(api.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await Promise.all([browser?.close(), api?.stop(), worker?.stop(), queue?.close(), events?.close()]);
    await db.end();
  });

  const poll = async () => (await queue.add('mailbox-poll', {}, { jobId: `web-poll-${randomUUID()}` })).waitUntilFinished(events, 30000);

  it(
    'a consultant writes to the clinic with a file, and the reply appears in the conversation',
    async () => {
      const consultant = await createStaff(api.url, admin, 'consultant');
      const org = await createOrganization(api.url, admin);
      const contactEmail = `pat.${randomUUID().slice(0, 6)}@clinic.example.org`;
      const contact = (
        await request(api.url)
          .post(`/api/v1/organizations/${org.id}/contacts`)
          .set('Authorization', `Bearer ${admin}`)
          .send({ name: 'Pat Rivera', email: contactEmail, role: 'clinical_director' })
          .expect(201)
      ).body as { id: string };
      const c = await createCase(api.url, admin, org.id, { assigneeId: consultant.id, primaryContactId: contact.id });

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/cases/${c.id}?tab=conversation`);
      await signIn(page, consultant.email, consultant.password);
      await page.getByRole('heading', { name: 'Conversation' }).waitFor();
      await page.getByText('No messages yet').waitFor();
      await page.getByRole('button', { name: 'Write to the clinic' }).click();
      const form = page.getByRole('form', { name: 'New message' });
      // The primary contact is already there; the subject starts with the reference.
      await form.getByText(contactEmail).waitFor();
      expect(await form.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe(`${c.reference}: Job descriptions for new peer roles`);
      await form.getByRole('textbox', { name: 'Message' }).fill('Hello Pat,\n\nThe draft job description is attached.');
      await form.locator('input[type="file"]').setInputFiles({ name: 'job-description.pdf', mimeType: 'application/pdf', buffer: PDF });
      await form.getByText('job-description.pdf').waitFor();
      await form.getByRole('button', { name: 'Send' }).click();
      const sentCard = page.getByRole('article', { name: /^Sent / });
      await sentCard.getByText('The draft job description is attached.').waitFor();
      await sentCard.getByRole('link', { name: /job-description\.pdf/ }).waitFor();

      const [email] = await eventually(
        () => messagesFor(contactEmail),
        (found) => found.length > 0,
      );
      expect(email!.attachments.map((a) => a.filename)).toEqual(['job-description.pdf']);
      await sentCard.getByText('Sent', { exact: true }).waitFor({ timeout: 40000 });

      // The clinic answers the email (into the center's mailbox); the worker reads it.
      await deliver(
        await composeMail({
          from: `Pat Rivera <${contactEmail}>`,
          to: email!.replyTo!,
          subject: `Re: ${email!.subject}`,
          inReplyTo: email!.messageId!,
          references: [email!.messageId!],
          text: `Thanks, it looks right. We will post it Monday.\n\nOn Tue, ${c.reference} wrote:\n> Hello Pat,\n> The draft job description is attached.\n`,
        }),
      );
      await poll();
      await page.reload();
      const reply = page.getByRole('article', { name: /^Received / });
      await reply.getByText('Thanks, it looks right. We will post it Monday.').waitFor();
      expect(await reply.getByText('> Hello Pat,').count()).toBe(0);
      await reply.getByRole('button', { name: 'Show quoted text' }).click();
      await reply.getByText(/> Hello Pat,/).waitFor();
      await page.screenshot({ path: `${artifacts}/conversation-thread.png`, fullPage: true });
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the clinic adds a file from the status page on a phone, and it lands in the conversation',
    async () => {
      const intake = await submitRequest(api.url);
      const statusPath = new URL(intake.statusUrl).pathname;
      const page = await browser.newPage({ viewport: PHONE });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}${statusPath}`);
      await page.getByRole('heading', { name: 'Add information' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('textbox', { name: 'Your message' }).fill('Our current supervision policy is attached.');
      await page.locator('input[type="file"]').setInputFiles({ name: 'supervision-policy.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('Thank you, we have it').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      const width = await page.evaluate(
        () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
      );
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: `${artifacts}/status-page-add-information.png`, fullPage: true });
      expect(pageErrors).toEqual([]);
      await page.close();

      const caseId = (await db.query(`SELECT id FROM cases WHERE reference = $1`, [intake.reference])).rows[0].id as string;
      const thread = await request(api.url).get(`/api/v1/cases/${caseId}/messages`).set('Authorization', `Bearer ${admin}`).expect(200);
      expect(thread.body.items).toEqual([
        expect.objectContaining({
          origin: 'status_page',
          body: 'Our current supervision policy is attached.',
          attachments: [expect.objectContaining({ fileName: 'supervision-policy.pdf' })],
        }),
      ]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a lead attaches an unmatched email to its case from the Unmatched mail page',
    async () => {
      const lead = await createStaff(api.url, admin, 'lead');
      const org = await createOrganization(api.url, admin);
      const c = await createCase(api.url, admin, org.id);
      const subject = `Peer supervision question ${randomUUID().slice(0, 6)}`;
      // No reply address, no thread, no reference: nothing names its case.
      await deliver(
        await composeMail({
          from: 'Morgan Blake <mblake@lakeview.example.org>',
          to: 'ta@center.example.org',
          subject,
          text: 'Hello, who can help us set up supervision for our new peer specialist?',
        }),
      );
      await poll();

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const pageErrors = collectPageErrors(page);
      await page.goto(`${api.url}/unmatched-mail`);
      await signIn(page, lead.email, lead.password);
      const card = page.getByRole('article', { name: `Email from Morgan Blake <mblake@lakeview.example.org>: ${subject}` });
      await card.getByText('who can help us set up supervision').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await card.getByRole('button', { name: 'Attach to a case' }).click();
      await card.getByRole('combobox', { name: 'Case' }).fill(c.reference);
      await page.getByRole('option', { name: new RegExp(`^${c.reference} · `) }).click();
      await card.getByRole('button', { name: 'Attach', exact: true }).click();
      // The lead lands on the case's conversation, where the email now is; the Unmatched list no longer has it.
      await page.waitForURL(new RegExp(`/cases/${c.id}\\?tab=conversation`));
      const received = page.getByRole('article', { name: /^Received / });
      await received.getByText('who can help us set up supervision').waitFor();
      // Nothing was quoted in it, so nothing is folded.
      expect(await received.getByRole('button', { name: 'Show quoted text' }).count()).toBe(0);
      await page.screenshot({ path: `${artifacts}/unmatched-attached.png`, fullPage: true });
      const left = await request(api.url)
        .get('/api/v1/messages/unmatched?pageSize=100')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      expect(left.body.items.map((m: { subject: string }) => m.subject)).not.toContain(subject);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
    BROWSER_TIMEOUT,
  );
});
